// Frameworks and their revisions.
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/framework/framework.hpp"
#include "core/framework/framework_revision.hpp"
#include "store/store.hpp"

namespace trappa::store {

// The value types live in core (core/framework/framework_revision.hpp), so that the layers
// above the use cases need not name the store.
using FrameworkSummary = core::FrameworkSummary;
using StoredFramework = core::FrameworkRevision;

class FrameworkStore {
 public:
  virtual ~FrameworkStore() = default;

  // Frameworks. Saving content that differs from the latest revision creates a new revision
  // (returned); saving identical content returns the existing revision and writes nothing.
  [[nodiscard]] virtual core::Result<int> save_framework(const core::Framework& framework, const Actor& actor) = 0;
  // The latest revision, or the given one; nullopt when there is none.
  [[nodiscard]] virtual core::Result<std::optional<StoredFramework>> load_framework(
      const std::string& id, std::optional<int> revision = std::nullopt) = 0;
  [[nodiscard]] virtual core::Result<std::vector<FrameworkSummary>> list_frameworks() = 0;
};

}  // namespace trappa::store
