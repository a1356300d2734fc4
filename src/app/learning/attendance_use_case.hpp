// HR's changes from the page Läraktiviteter (docs/learning.md, "In the web"): marking the
// attendance of an activity's registrations and saving an activity of the catalogue, each
// checked as the imports check them, written through the store's participation and activity
// saves (audited "participation.update", "activity.create" / "activity.update"), so serving
// nodes refresh through the change feed's `learning` change.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/published/store_pool.hpp"
#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "core/learning/uncovered_needs.hpp"
#include "store/store.hpp"

namespace trappa::app {

// One person's row of an activity as HR marks it: attended (optionally with the hours of a
// partly attended activity), no_show, or back to registered.
struct AttendanceMark {
  std::string employee_id;
  core::ParticipationStatus status = core::ParticipationStatus::kAttended;
  std::optional<double> hours;  // only with attended; none: the activity's hours
};

// Who may mark: people in the subtree of `scope_unit` (empty: everyone, an administrator).
// Every mark must name a person with a row for `activity` (registered, attended or no_show;
// a cancelled row stays cancelled), a status of registered, attended or no_show, and hours
// (attended only) more than 0 and at most 10 000. kInvalidInput with a problem per bad mark,
// where "EMPLOYEE_ID" (or "hours EMPLOYEE_ID"); kNotFound for an unknown activity; nothing is
// written then. The row keeps its date; its source becomes "web". Returns what the save did.
struct AttendanceRequest {
  std::string activity;
  std::vector<AttendanceMark> marks;
  std::string scope_unit;
};

struct AttendanceSummary {
  std::size_t changed = 0;
  std::size_t unchanged = 0;
};

[[nodiscard]] core::Result<AttendanceSummary> mark_attendance(store::Store& store, const AttendanceRequest& request,
                                                              const store::Actor& actor);

// Saves one activity, new (`create`: its code must not exist) or changed (it must), after
// core::activity_problems against its framework's newest revision; kInvalidInput with the
// problems by field name, kNotFound for an unknown framework or (changing) activity.
// `check_only` checks and writes nothing.
[[nodiscard]] core::Result<void> save_activity(store::Store& store, const core::LearningActivity& activity, bool create,
                                               const store::Actor& actor, bool check_only = false);

// The same over a serving process's pool of store connections, for the web.
class LearningAdministration {
 public:
  explicit LearningAdministration(StorePool& pool) : pool_(pool) {}
  [[nodiscard]] core::Result<AttendanceSummary> mark_attendance(const AttendanceRequest& request,
                                                                const std::string& actor);
  [[nodiscard]] core::Result<void> save_activity(const core::LearningActivity& activity, bool create,
                                                 const std::string& actor, bool check_only = false);
  // The needs of `round` no activity covers, by area (run_uncovered_needs).
  [[nodiscard]] core::Result<core::UncoveredNeeds> uncovered_needs(const std::string& round,
                                                                   const std::optional<std::string>& unit);
  // Sets the learning targets (app/learning/learning_settings.hpp); none removes one.
  [[nodiscard]] core::Result<std::size_t> save_targets(const std::optional<std::string>& participants,
                                                       const std::optional<std::string>& hours_per_participant,
                                                       const std::string& actor);

 private:
  StorePool& pool_;
};

}  // namespace trappa::app
