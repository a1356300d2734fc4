// The web application: routes requests to pages and API handlers.
//
// Built at start-up from the store: the organisation, the rounds with their analytics
// snapshots (republished copy-on-write after each write), a pool of store connections, and the
// sessions, all through the app layer (app/serving/services.hpp), which follows the store's
// change feed and refreshes what is published after writes made elsewhere — one person's
// part, a round, or, when people or employments changed, the whole published state, built
// beside the old one and swapped in (docs/operations.md, "Several nodes"). handle() is
// thread-safe and is called from every I/O thread at once.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "core/base/result.hpp"
#include "web/server/http_types.hpp"
#include "web/ui/application_options.hpp"

namespace trappa::store {
class Store;
}
namespace trappa::app {
class Services;
struct Published;
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
  explicit Application(std::shared_ptr<AppContext> context);
  // Swaps in a context over `published` (the change feed's thread).
  void republish(std::shared_ptr<const app::Published> published);

  std::shared_ptr<app::Services> services_;
  std::atomic<std::shared_ptr<AppContext>> context_;  // the published state requests pin

};

}  // namespace trappa::web
