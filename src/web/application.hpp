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

#include "core/base/result.hpp"
#include "web/server/http_types.hpp"
#include "web/ui/application_options.hpp"

namespace trappa::store {
class Store;
}

namespace trappa::web {

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
