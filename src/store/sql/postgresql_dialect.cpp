// PostgreSQL: the server option for many users and several `trappa serve` nodes.
#include <libpq-fe.h>
#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cctype>
#include <stdexcept>

#include "store/sql/dialect.hpp"

namespace trappa::store {

namespace {

// A '%' must start two hex digits: "%4@" is not '\x04' and "%zz" is not a number (std::stoi
// would say only "stoi"), so a bad escape is named.
std::string percent_decode(std::string_view text) {
  std::string decoded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
          !std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
        throw std::invalid_argument("the URL has a '%' that is not followed by two hex digits");
      }
      decoded += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

// libpq keyword values are quoted so spaces and quotes in them survive.
std::string quoted(std::string_view value) {
  std::string result = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') result += '\\';
    result += c;
  }
  return result + "'";
}

// SOCI reads its connect string as libpq "key=value" pairs, not as a URL, so translate
// postgresql://user:password@host:port/database?key=value into that form.
std::string to_keyword_string(std::string_view url) {
  std::string_view rest = url.substr(url.find("://") + 3);
  std::string result;
  auto add = [&result](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    if (!result.empty()) result += ' ';
    result += std::string(key) + "=" + quoted(percent_decode(value));
  };
  std::string_view query;
  if (const auto question = rest.find('?'); question != std::string_view::npos) {
    query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  std::string_view database;
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    database = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view credentials = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (const auto colon = credentials.find(':'); colon != std::string_view::npos) {
      add("user", credentials.substr(0, colon));
      add("password", credentials.substr(colon + 1));
    } else {
      add("user", credentials);
    }
  }
  if (!rest.empty() && rest.front() == '[') {  // [IPv6]:port
    const auto close = rest.find(']');
    add("host", rest.substr(1, close - 1));
    rest = rest.substr(close + 1);
    if (!rest.empty() && rest.front() == ':') add("port", rest.substr(1));
  } else if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
    add("host", rest.substr(0, colon));
    add("port", rest.substr(colon + 1));
  } else {
    add("host", rest);
  }
  add("dbname", database);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (const auto equals = pair.find('='); equals != std::string_view::npos) {
      add(pair.substr(0, equals), pair.substr(equals + 1));
    }
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
  }
  return result;
}

// Frees every notification that has arrived; whether there was any.
bool drain_notifications(PGconn* connection) {
  bool any = false;
  while (PGnotify* notification = PQnotifies(connection)) {
    PQfreemem(notification);
    any = true;
  }
  return any;
}

class PostgresqlDialect final : public Dialect {
 public:
  std::string_view name() const override { return "postgresql"; }

  void connect(soci::session& session, std::string_view location) const override {
    session.open(soci::postgresql, to_keyword_string(location));
    session << "SET client_min_messages TO WARNING";
  }

  void prepare_bulk_write(soci::session& session) const override {
    // Only constraints declared DEFERRABLE can move to commit time.
    session << "SET CONSTRAINTS ALL DEFERRED";
  }

  // Writers lock the rows they change and wait for each other; a plain BEGIN suffices.
  std::string_view begin_write() const override { return "BEGIN"; }

  // A transaction-scoped advisory lock on the pair: row locks cannot cover an assessment
  // that does not exist yet, and two first saves would both insert the same ratings.
  void lock(soci::session& session, const std::string& name) const override {
    session << "SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))", soci::use(name);
  }

  // Delivered to listeners when the transaction commits, not before.
  void notify_change(soci::session& session) const override { session << "NOTIFY trappa_changes"; }

  void wait_for_change(soci::session& session, std::chrono::milliseconds timeout) const override {
    PGconn* connection = static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
    if (!listening_) {
      session << "LISTEN trappa_changes";
      listening_ = true;
    }
    if (PQconsumeInput(connection) == 0) throw soci::soci_error(PQerrorMessage(connection));
    if (drain_notifications(connection)) return;
    pollfd socket{PQsocket(connection), POLLIN, 0};
    if (socket.fd < 0) throw soci::soci_error("the PostgreSQL connection has no socket");
    if (poll(&socket, 1, static_cast<int>(timeout.count())) > 0) {
      if (PQconsumeInput(connection) == 0) throw soci::soci_error(PQerrorMessage(connection));
      drain_notifications(connection);
    }
  }

  std::unique_ptr<RowScan> scan(soci::session& session, std::string_view sql,
                                std::span<const ScanParameter> parameters) const override {
    return scan_postgresql(session, sql, parameters);
  }

  std::string_view token(std::string_view token_name) const override {
    if (token_name == "IDENTITY_PRIMARY_KEY") return "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
    return {};
  }

 private:
  mutable bool listening_ = false;  // LISTEN was sent on this connection
};

}  // namespace

std::unique_ptr<Dialect> make_postgresql_dialect() { return std::make_unique<PostgresqlDialect>(); }

}  // namespace trappa::store
