// The web application: routes requests to pages and API handlers.
//
// Built at start-up from the store: the organisation, the rounds with their analytics
// snapshots (republished copy-on-write after each write), a pool of store connections, and the
// sessions. A change watcher (app/published/change_watcher.hpp) follows the store's change
// feed and refreshes what is published after writes made elsewhere — one person's part, a
// round, or, when people or employments changed, the whole published state, built beside
// the old one and swapped in (docs/operations.md, "Several nodes"). handle() is thread-safe
// and is called from every I/O thread at once.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "web/server/http_types.hpp"
#include "web/ui/application_options.hpp"

namespace trappa::store {
class Store;
struct Change;
}
namespace trappa::app {
class ChangeWatcher;
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
  // Refreshes what is published after `changes` (the change watcher's thread).
  core::Result<void> apply_changes(store::Store& store, const std::vector<store::Change>& changes);

  std::atomic<std::shared_ptr<AppContext>> context_;  // the published state requests pin
  std::unique_ptr<app::ChangeWatcher> watcher_;        // follows the store's change feed

};

}  // namespace trappa::web
