// The learning-activity catalogue (core/learning/learning_activity.hpp).
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <cstddef>
#include <optional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/learning/development_plan.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "core/learning/xapi.hpp"
#include "store/store.hpp"

namespace trappa::store {

// What a save of activities or participation rows did.
struct ActivitySaveSummary {
  std::size_t created = 0;
  std::size_t changed = 0;
  std::size_t unchanged = 0;
};
using ParticipationSaveSummary = ActivitySaveSummary;

// What a plan write does, named in its audit entry: "plan.create" or "plan.update" (content),
// "plan.agree", "plan.follow_up".
enum class PlanWrite { kContent, kAgree, kFollowUp };

// How an import names a participation row in Actor::source_lines: "EMPLOYEE_ID ACTIVITY".
[[nodiscard]] inline std::string participation_source_key(std::string_view employee_id, std::string_view activity) {
  return std::string(employee_id) + ' ' + std::string(activity);
}

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

  // Saves participation rows in one transaction: a row whose person and activity have a row
  // replaces it; an identical row is left alone. Each created or changed row is audited with
  // the person as subject ("participation.create" with "ACTIVITY: status", "participation.update"
  // with "ACTIVITY: old→new" for each field that changed) as done by `actor`, and the change
  // feed records a `learning` change. The caller has checked the rows (people, activities and
  // capacity: io/imports/participation_import.hpp); the store's keys refuse the rest.
  [[nodiscard]] virtual core::Result<ParticipationSaveSummary> save_participation(
      const std::vector<core::Participation>& rows, const Actor& actor) = 0;
  // Every row, by employee id and activity.
  [[nodiscard]] virtual core::Result<std::vector<core::Participation>> load_participation() = 0;
  // The rows of one person (by activity), and of one activity (by employee id).
  [[nodiscard]] virtual core::Result<std::vector<core::Participation>> load_participation_of_person(
      const std::string& employee_id) = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Participation>> load_participation_of_activity(
      const std::string& activity) = 0;

  // Development plans (core/learning/development_plan.hpp). Saves each plan whole (goals,
  // activities and follow-ups replace what is stored) in one transaction, audited with the
  // person as subject: "plan.create" or "plan.update" for kContent (as the plan was or was
  // not stored), "plan.agree", "plan.follow_up" (detail "ROUND: …"); the change feed records
  // a `plans` change. The caller has validated the plans; kNotFound for a person or round the
  // store does not hold (nothing written then).
  [[nodiscard]] virtual core::Result<void> save_plans(const std::vector<core::DevelopmentPlan>& plans, PlanWrite what,
                                                      const Actor& actor) = 0;
  // The person's plan in the round; nullopt when there is none.
  [[nodiscard]] virtual core::Result<std::optional<core::DevelopmentPlan>> load_plan(const std::string& employee_id,
                                                                                     const std::string& round) = 0;
  // Every plan of the round, by employee id.
  [[nodiscard]] virtual core::Result<std::vector<core::DevelopmentPlan>> load_plans(const std::string& round) = 0;
  // The rows of the people `employee_ids` only, by employee id and activity.
  [[nodiscard]] virtual core::Result<std::vector<core::Participation>> load_participation_of(
      const std::vector<std::string>& employee_ids) = 0;

  // The stored xAPI statements among `ids` (lowercase UUIDs), and those that void one of
  // `ids`, by id; unknown ids are absent.
  [[nodiscard]] virtual core::Result<std::map<std::string, core::StoredXapiStatement>> load_xapi_statements(
      const std::vector<std::string>& ids) = 0;
  // Writes a batch planned by core::plan_xapi_statements in one transaction: the new
  // statements, the voided marks and the participation rows (created, replaced or deleted).
  // Each row change is audited with the person as subject as done by `actor`
  // ("participation.create", "participation.update", "participation.delete", each ending with
  // " (xapi:<statement id>)" or " (voided by xapi:<id>)"), each statement as
  // "xapi.statement" (subject: the person, or the voided statement's person), and the change
  // feed records a `learning` change. kConflict (nothing written) when a statement's id is
  // stored meanwhile or a row is no longer as the plan found it.
  [[nodiscard]] virtual core::Result<void> save_xapi_batch(const core::XapiBatch& batch, const Actor& actor) = 0;
};

}  // namespace trappa::store
