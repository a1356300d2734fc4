// The learning-activity catalogue (core/learning/learning_activity.hpp).
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <cstddef>
#include <vector>

#include "core/base/result.hpp"
#include "core/learning/learning_activity.hpp"
#include "store/store.hpp"

namespace trappa::store {

struct ActivitySaveSummary {
  std::size_t created = 0;
  std::size_t changed = 0;
  std::size_t unchanged = 0;
};

class LearningStore {
 public:
  virtual ~LearningStore() = default;

  // Saves `activities` in one transaction: an activity whose code exists is updated, not
  // duplicated; one whose content is the same is left alone. Each created or changed activity
  // is audited ("activity.create", "activity.update" with the fields that changed) as done by
  // `actor`, and the change feed records the catalogue's change. kNotFound when an activity
  // names a framework the store does not hold (nothing written then).
  [[nodiscard]] virtual core::Result<ActivitySaveSummary> save_activities(
      const std::vector<core::LearningActivity>& activities, const Actor& actor) = 0;
  // Every activity, by code.
  [[nodiscard]] virtual core::Result<std::vector<core::LearningActivity>> load_activities() = 0;
};

}  // namespace trappa::store
