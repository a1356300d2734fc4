#include "app/frameworks/framework_catalogue.hpp"

#include "store/framework/framework_store.hpp"

namespace trappa::app {

core::Result<std::vector<core::FrameworkSummary>> FrameworkCatalogue::list() {
  auto lease = pool_.borrow();
  return lease->frameworks().list_frameworks();
}

core::Result<std::optional<core::FrameworkRevision>> FrameworkCatalogue::latest(const std::string& id) {
  auto lease = pool_.borrow();
  return lease->frameworks().load_framework(id);
}

}  // namespace trappa::app
