// Registration from the web (docs/learning.md, "Registration in the web"): a person registers
// for an activity — themselves, or their manager or HR in scope for them (the adapter decides
// who may) — and cancels a registration. Writes through the store's participation save (source
// "web") with its audit ("participation.create"/"participation.update", the person as
// subject) and its `learning` change.
//
// Refusals are outcomes, not errors, so that the page can say why in the reader's language:
// the activity is not open, has ended, is full (registered and attended rows take its places,
// core/learning/participation.hpp), or the person has a row for it already (registered,
// attended or no_show; a cancelled row may be registered again). Registrations on this node
// run one at a time, so two people never take the last place at once here; the check reads
// the stored rows, so it holds for other nodes' registrations committed before it.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "app/published/store_pool.hpp"
#include "core/base/clock.hpp"
#include "core/base/result.hpp"
#include "core/learning/participation.hpp"

namespace trappa::app {

enum class RegistrationOutcome {
  kRegistered,     // a registered row was written
  kCancelled,      // the registered row became cancelled
  kUnknownActivity,
  kNotOpen,        // the activity's status is not open
  kEnded,          // its end date is before today
  kFull,           // every place is taken
  kAlreadyHasRow,  // the person is registered, attended or did not show
  kNotRegistered,  // nothing to cancel
};

// "registered", "cancelled", "unknown_activity", "not_open", "ended", "full",
// "already_has_row", "not_registered": the suffix of the page's message keys.
[[nodiscard]] std::string_view to_code(RegistrationOutcome outcome);

class Registrations {
 public:
  Registrations(StorePool& pool, const core::Clock& clock) : pool_(pool), clock_(clock) {}

  // Registers `employee_id` for `activity`, as done by `actor_id` (the person, their manager
  // or HR). kStorage when the store fails; every refusal is an outcome and writes nothing.
  [[nodiscard]] core::Result<RegistrationOutcome> register_person(const std::string& employee_id,
                                                                  const std::string& activity,
                                                                  const std::string& actor_id);
  // Cancels the person's registered row for `activity`.
  [[nodiscard]] core::Result<RegistrationOutcome> cancel(const std::string& employee_id, const std::string& activity,
                                                         const std::string& actor_id);
  // The person's rows, by activity (fresh from the store, for "my registrations").
  [[nodiscard]] core::Result<std::vector<core::Participation>> of_person(const std::string& employee_id);

 private:
  StorePool& pool_;
  const core::Clock& clock_;
  std::mutex mutex_;
};

}  // namespace trappa::app
