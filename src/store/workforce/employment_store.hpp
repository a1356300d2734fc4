// Employment history.
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/workforce/employment.hpp"
#include "store/store.hpp"

namespace trappa::store {

class EmploymentStore {
 public:
  virtual ~EmploymentStore() = default;

  // Employment history. Saving replaces the whole history of every person named in
  // `employments` (their other employments are deleted) in one transaction, and audits it;
  // people not named keep theirs. Every person and unit must exist. Loading returns all
  // employments ordered by employee id (byte order) and start date.
  [[nodiscard]] virtual core::Result<void> save_employments(const std::vector<core::Employment>& employments,
                                                            const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Employment>> load_employments() = 0;
};

}  // namespace trappa::store
