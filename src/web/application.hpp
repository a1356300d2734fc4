// The web application: routes requests to pages and API handlers.
//
// Built once at start-up from the store: the organisation (immutable while serving), the
// rounds with their analytics snapshots (republished copy-on-write after each write), a
// pool of store connections, and the sessions. handle() is thread-safe and is called from
// every I/O thread at once.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "web/http_types.hpp"
#include "web/sign_in_options.hpp"

namespace trappa::store {
class Store;
}

namespace trappa::web {

// An account the sign-in page lists in demo mode. `label_key` names a catalogue text.
struct DemoAccount {
  std::string label_key;
  std::string employee_id;
  std::string password;
};

struct ApplicationOptions {
  std::string organisation_name = "Trappa";
  bool demo_mode = false;
  std::string database;                  // store location, for the connection pool
  std::size_t store_connections = 4;
  std::filesystem::path assets_directory;  // holds app.css and app.js
  std::vector<DemoAccount> demo_accounts;  // shown on the sign-in page in demo mode only
  SignInOptions sign_in;  // sessions, throttling, the trusted proxy (sign_in_options.hpp)
  // Small groups (docs/analytics.md): the threshold K for every suppressed aggregate, and
  // whether managers see the overview and key figures of their own unit, suppressed.
  std::size_t min_group = 5;
  bool manager_overview = false;
};

struct AppContext;

class Application {
 public:
  // Loads the organisation and every round from `store` and opens the connection pool.
  [[nodiscard]] static core::Result<std::unique_ptr<Application>> load(store::Store& store,
                                                                      const ApplicationOptions& options);
  ~Application();

  // Thread-safe. Never throws: a failure becomes a 500 page with the request id.
  [[nodiscard]] Response handle(const Request& request) const;

 private:
  explicit Application(std::unique_ptr<AppContext> context);
  std::unique_ptr<AppContext> context_;
};

}  // namespace trappa::web
