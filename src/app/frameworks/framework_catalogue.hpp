// Reading the frameworks (Ramverk, and the framework choice of a new round): the list of
// frameworks and one framework's latest revision, as the store holds them now.
//
// Reads only; each call borrows one connection of the pool for its duration. Errors are the
// store's (kStorage). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/published/store_pool.hpp"
#include "core/base/result.hpp"
#include "core/framework/framework_revision.hpp"

namespace trappa::app {

class FrameworkCatalogue {
 public:
  explicit FrameworkCatalogue(StorePool& pool) : pool_(pool) {}

  // The latest revision of every framework, ordered as the store lists them (by id).
  [[nodiscard]] core::Result<std::vector<core::FrameworkSummary>> list();
  // The latest revision of the framework `id`; nullopt when there is no such framework.
  [[nodiscard]] core::Result<std::optional<core::FrameworkRevision>> latest(const std::string& id);

 private:
  StorePool& pool_;
};

}  // namespace trappa::app
