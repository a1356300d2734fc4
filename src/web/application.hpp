// The web application: routes requests to pages and API handlers.
//
// Holds an immutable view of the organisation loaded at start; handlers only read it, so
// concurrent requests need no locking.
#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "web/http_types.hpp"

namespace trappa::store {
class Store;
}

namespace trappa::web {

struct ApplicationOptions {
  std::string organisation_name = "Trappa";
  bool demo_mode = false;
};

class Application {
 public:
  // Loads what the pages show from the store.
  [[nodiscard]] static core::Result<std::unique_ptr<Application>> load(store::Store& store,
                                                                      const ApplicationOptions& options);
  ~Application();

  // Thread-safe.
  [[nodiscard]] Response handle(const Request& request) const;

 private:
  struct State;
  explicit Application(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace trappa::web
