// Fuzz target: the HTTP request path. Raw bytes go through Boost.Beast's request parser with
// the server's limits, web::to_request and Application::handle, as a connection of
// `trappa serve` does; the response is then serialised as the server sends it. Up to four
// pipelined requests are read from one input.
//
// The application serves the demo organisation from a SQLite store in a temporary directory,
// set up once. Four sessions with fixed tokens let inputs act as the demo employee, manager,
// HR person and observer (tests/fuzz/http.dict lists the cookies and CSRF tokens):
//   Cookie: trappa_session=fuzz-session-employee   form field csrf=fuzz-csrf-employee
// (likewise -manager, -hr, -observer). They are put back whenever a response ends a
// session (sign-out, password change). Other writes (assessments, rounds) stay in the store for
// the rest of the run, as they would on a server.
//
// Beyond not crashing: no request causes an internal error (500), and no response header
// carries a line break (response splitting).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/access/password.hpp"
#include "app/demo/demo_accounts.hpp"
#include "app/demo/demo_loader.hpp"
#include "fuzz_check.hpp"
#include "store/access/access_store.hpp"
#include "store/store.hpp"
#include "web/application.hpp"
#include "web/server/beast_request.hpp"
#include "web/server/http_server.hpp"

namespace trappa::fuzz {
namespace {

namespace http = boost::beast::http;

constexpr std::size_t kMaxRequestsPerInput = 4;

struct FuzzSession {
  std::string token;
  core::SessionRecord record;
  core::Account account;  // as created, restored together with the session
};

struct Server {
  std::filesystem::path directory;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<web::Application> application;
  std::vector<FuzzSession> sessions;
  web::ServerLimits limits;
  std::uint64_t requests = 0;
  bool verbose = false;  // TRAPPA_FUZZ_VERBOSE=1: one line per request, to check new seeds
};

Server* server = nullptr;

// At exit: the application first — its change watcher has a thread and a store connection of
// its own, which must not run on while the SQLite library's statics and the store's directory
// go (an ASan heap-use-after-free in the watcher's load_assessment at the end of a fuzz run) —
// then the store and its directory.
void shut_down() {
  if (server == nullptr) return;
  server->application.reset();
  server->store.reset();
  std::error_code ignored;
  std::filesystem::remove_all(server->directory, ignored);
}

template <typename T>
T must(core::Result<T> result, std::string_view what) {
  if (!result) fail(what, result.error().describe());
  return std::move(*result);
}

void must(const core::Result<void>& result, std::string_view what) {
  if (!result) fail(what, result.error().describe());
}

void restore_sessions(Server& s) {
  for (const FuzzSession& session : s.sessions) {
    must(s.store->access().delete_session(session.record.token_digest), "delete a fuzz session");
    must(s.store->access().create_session(session.record), "create a fuzz session");
    auto current = must(s.store->access().load_account(session.account.employee_id), "load a demo account");
    if (!current || *current != session.account) {
      must(s.store->access().save_account(session.account, store::Actor{"fuzz"}), "restore a demo account");
    }
  }
}

void set_up() {
  spdlog::set_level(spdlog::level::off);
  auto* s = new Server;
  const char* verbose = std::getenv("TRAPPA_FUZZ_VERBOSE");
  s->verbose = verbose != nullptr && *verbose != '\0' && *verbose != '0';
  std::string pattern = (std::filesystem::temp_directory_path() / "trappa-fuzz-http-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) fail("create a temporary directory");
  s->directory = pattern;
  server = s;
  std::atexit(shut_down);

  const std::string database = (s->directory / "demo.db").string();
  s->store = must(store::Store::open(database), "open the store");
  (void)must(s->store->migrate(), "migrate the store");
  (void)must(app::load_demo(*s->store, app::DemoOptions{.framework_file = std::filesystem::path(TRAPPA_DATA_DIR) / "frameworks" / "digital-kompetens.json", .progress = {}}), "load the demo organisation");
  auto accounts = must(app::ensure_demo_accounts(*s->store), "create the demo accounts");

  for (const app::DemoAccount& account : accounts) {
    std::string who = account.label_key;  // "demo_employee" -> "employee"
    if (who.starts_with("demo_")) who = who.substr(5);
    FuzzSession session;
    session.token = "fuzz-session-" + who;
    // Created now (sessions end a configured number of hours after creation); the idle
    // deadline is far away, so a long run keeps them. (Not past 2262: the session service
    // counts time in nanoseconds, and a later stored deadline overflows.)
    session.record = core::SessionRecord{app::token_digest(session.token), account.employee_id, "fuzz-csrf-" + who,
                                         store::utc_timestamp_now(), "2099-12-31T00:00:00Z"};
    auto stored = must(s->store->access().load_account(account.employee_id), "load a demo account");
    if (!stored) fail("a demo account exists", account.employee_id);
    session.account = *stored;
    s->sessions.push_back(std::move(session));
  }
  restore_sessions(*s);

  web::ApplicationOptions options;
  options.organisation_name = "Fuzz";
  options.demo_mode = true;
  options.database = database;
  options.store_connections = 2;
  // Nobody else writes to this store, and a change watcher's thread beside the fuzzed requests
  // would make a crash depend on timing (it raced exit() at the end of runs): off.
  options.change_poll = std::chrono::milliseconds(0);
  options.assets_directory = std::filesystem::path(TRAPPA_DATA_DIR) / "web";
  options.demo_accounts = std::move(accounts);
  s->application = must(web::Application::load(*s->store, options), "load the application");
}

// The response as http_server.cpp builds and sends it.
std::string serialise(const web::Response& response, const web::BeastRequest& message) {
  http::response<http::string_body> reply{static_cast<http::status>(response.status), message.version()};
  reply.set(http::field::server, "trappa");
  reply.set(http::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) reply.insert(name, value);
  reply.keep_alive(message.keep_alive());
  if (message.method() == http::verb::head) {
    reply.content_length(response.body.size());
  } else {
    reply.body() = response.body;
    reply.prepare_payload();
  }
  std::ostringstream out;
  out << reply;
  return out.str();
}

bool has_line_break(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

void handle_one(Server& s, const web::BeastRequest& message) {
  const std::string id = fmt::format("fuzz-{:06}", ++s.requests);
  const web::Request request = web::to_request(message, "127.0.0.1", id);
  const web::Response response = s.application->handle(request);
  if (s.verbose) std::fprintf(stderr, "%d %s %s\n", response.status, request.method.c_str(), request.target.c_str());
  expect(response.status >= 100 && response.status <= 599, "the status is an HTTP status", std::to_string(response.status));
  expect(response.status != 500, "no request causes an internal error", response.body);
  expect(!has_line_break(response.content_type), "the content type has no line break", response.content_type);
  bool session_cookie_set = false;
  for (const auto& [name, value] : response.headers) {
    expect(!has_line_break(name) && !has_line_break(value), "no response header carries a line break", name + ": " + value);
    if (name == "Set-Cookie" && value.starts_with("trappa_session=")) session_cookie_set = true;
  }
  (void)serialise(response, message);
  if (session_cookie_set) restore_sessions(s);
}

}  // namespace
}  // namespace trappa::fuzz

using namespace trappa;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::set_up();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Server& s = *fuzz::server;
  std::size_t offset = 0;
  for (std::size_t count = 0; count < fuzz::kMaxRequestsPerInput && offset < size; ++count) {
    // A fresh parser per request with the server's limits, as http_server.cpp reads them.
    boost::beast::http::request_parser<boost::beast::http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(s.limits.max_header_bytes));
    parser.body_limit(s.limits.max_body_bytes);
    parser.eager(true);
    boost::beast::error_code error;
    while (!error && !parser.is_done() && offset < size) {
      const std::size_t used = parser.put(boost::asio::buffer(data + offset, size - offset), error);
      offset += used;
      if (error == boost::beast::http::error::need_more) {
        error = {};
        if (used == 0) break;
      }
    }
    // A request the parser refuses gets a plain 4xx from the server and the connection
    // closes; an incomplete one waits for more bytes until it times out. Neither reaches
    // the application.
    if (error || !parser.is_done()) return 0;
    fuzz::handle_one(s, parser.get());
  }
  return 0;
}
