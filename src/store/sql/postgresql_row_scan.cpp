// RowScan on PostgreSQL: `COPY (query) TO STDOUT` in text format, one line per row, parsed in
// place. COPY streams the result without one PGresult per row (single-row mode) or a server
// cursor's round trips; it takes no parameters, so $N is replaced by a quoted literal.
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/sql/row_scan.hpp"

namespace trappa::store {

namespace {

// `sql` with every $N replaced by parameter N as a literal.
std::string with_literals(PGconn* connection, std::string_view sql, std::span<const ScanParameter> parameters) {
  std::string out;
  out.reserve(sql.size());
  for (std::size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] != '$' || i + 1 >= sql.size() || !std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      out.push_back(sql[i]);
      continue;
    }
    std::size_t number = 0;
    while (i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) number = number * 10 + (sql[++i] - '0');
    if (number == 0 || number > parameters.size()) throw std::runtime_error("postgresql: no parameter $" + std::to_string(number));
    const ScanParameter& parameter = parameters[number - 1];
    if (const auto* integer = std::get_if<long long>(&parameter)) {
      out += std::to_string(*integer);
    } else {
      const std::string& text = std::get<std::string>(parameter);
      char* literal = PQescapeLiteral(connection, text.data(), text.size());
      if (literal == nullptr) throw std::runtime_error(std::string("postgresql: ") + PQerrorMessage(connection));
      out += literal;
      PQfreemem(literal);
    }
  }
  return out;
}

class PostgresqlRowScan final : public RowScan {
 public:
  PostgresqlRowScan(PGconn* connection, std::string_view sql, std::span<const ScanParameter> parameters)
      : connection_(connection) {
    const std::string copy = "COPY (" + with_literals(connection, sql, parameters) + ") TO STDOUT";
    PGresult* result = PQexec(connection_, copy.c_str());
    const bool started = PQresultStatus(result) == PGRES_COPY_OUT;
    const std::string message = started ? std::string() : PQerrorMessage(connection_);
    PQclear(result);
    if (!started) throw std::runtime_error("postgresql: " + message);
    copying_ = true;
  }
  ~PostgresqlRowScan() override {
    release_line();
    // Left early: read the rest, so the connection is ready for the next statement.
    while (copying_) {
      char* line = nullptr;
      const int length = PQgetCopyData(connection_, &line, 0);
      if (line != nullptr) PQfreemem(line);
      if (length < 0) finish();
    }
  }
  PostgresqlRowScan(const PostgresqlRowScan&) = delete;
  PostgresqlRowScan& operator=(const PostgresqlRowScan&) = delete;

  bool next() override {
    release_line();
    if (!copying_) return false;
    const int length = PQgetCopyData(connection_, &line_, 0);
    if (length == -1) {
      if (!finish()) throw std::runtime_error("postgresql: " + error_);
      return false;
    }
    if (length < 0) {
      finish();
      throw std::runtime_error(std::string("postgresql: reading: ") + PQerrorMessage(connection_));
    }
    split(std::string_view(line_, static_cast<std::size_t>(length)));
    return true;
  }
  bool is_null(int column) const override { return nulls_[static_cast<std::size_t>(column)]; }
  long long integer(int column) const override {
    std::string_view field = fields_[static_cast<std::size_t>(column)];
    bool negative = !field.empty() && field.front() == '-';
    if (negative) field.remove_prefix(1);
    long long value = 0;
    for (char c : field) value = value * 10 + (c - '0');
    return negative ? -value : value;
  }
  std::string_view text(int column) const override { return fields_[static_cast<std::size_t>(column)]; }

 private:
  // Splits a line at tabs; `\N` is NULL; fields with backslash escapes are decoded into
  // unescaped_ (reserved per line so the views stay valid).
  void split(std::string_view line) {
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    fields_.clear();
    nulls_.clear();
    unescaped_.clear();
    unescaped_.reserve(line.size());
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      std::string_view field = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      if (field == "\\N") {
        fields_.emplace_back();
        nulls_.push_back(true);
      } else {
        fields_.push_back(field.find('\\') == std::string_view::npos ? field : unescape(field));
        nulls_.push_back(false);
      }
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
  }

  std::string_view unescape(std::string_view field) {
    const std::size_t begin = unescaped_.size();
    for (std::size_t i = 0; i < field.size(); ++i) {
      if (field[i] != '\\' || i + 1 == field.size()) {
        unescaped_.push_back(field[i]);
        continue;
      }
      const char c = field[++i];
      switch (c) {
        case 'b': unescaped_.push_back('\b'); break;
        case 'f': unescaped_.push_back('\f'); break;
        case 'n': unescaped_.push_back('\n'); break;
        case 'r': unescaped_.push_back('\r'); break;
        case 't': unescaped_.push_back('\t'); break;
        case 'v': unescaped_.push_back('\v'); break;
        default: unescaped_.push_back(c); break;  // \\ and any other escaped character
      }
    }
    return std::string_view(unescaped_).substr(begin);
  }

  void release_line() {
    if (line_ != nullptr) PQfreemem(line_);
    line_ = nullptr;
  }

  // After the last line: the COPY's own result. False (error_ set) when it failed.
  bool finish() {
    copying_ = false;
    bool ok = true;
    while (PGresult* result = PQgetResult(connection_)) {
      if (PQresultStatus(result) != PGRES_COMMAND_OK) {
        ok = false;
        error_ = PQresultErrorMessage(result);
      }
      PQclear(result);
    }
    return ok;
  }

  PGconn* connection_;
  bool copying_ = false;
  char* line_ = nullptr;
  std::vector<std::string_view> fields_;
  std::vector<bool> nulls_;
  std::string unescaped_;
  std::string error_;
};

}  // namespace

std::unique_ptr<RowScan> scan_postgresql(soci::session& session, std::string_view sql,
                                         std::span<const ScanParameter> parameters) {
  PGconn* connection = static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
  return std::make_unique<PostgresqlRowScan>(connection, sql, parameters);
}

}  // namespace trappa::store
