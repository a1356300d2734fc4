// Development plans in the web (docs/learning.md, "Development plans"): reading and saving a
// person's plan in a round, the manager's agreement and follow-ups, over the store's plan
// tables (store/learning/learning_store.hpp). Who may do what is the adapter's answer as a
// PlanRole; the rules of the plan itself are core's (core/learning/development_plan.hpp).
//
// A follow-up of an agreed plan brings the person's assessment of the round to `followed_up`
// when its conversation is held and the round open, through the assessment's own edit rules
// (AssessmentService::save, as the conversation page's "followed up" box does). Thread-safe:
// saves of one plan run one at a time on this node.
#pragma once

#include <array>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/assessment/assessment_service.hpp"
#include "app/published/round_registry.hpp"
#include "app/published/store_pool.hpp"
#include "core/base/clock.hpp"
#include "core/learning/development_plan.hpp"
#include "core/org/org.hpp"

namespace trappa::app {

// What the viewer may do with a person's plan: the person edits their own draft; their manager
// edits the draft, agrees it and follows it up; a reader (HR in scope, an indirect manager)
// only reads.
enum class PlanRole { kPerson, kManager, kReader };

class DevelopmentPlans {
 public:
  DevelopmentPlans(StorePool& pool, AssessmentService& assessments, const core::Clock& clock)
      : pool_(pool), assessments_(assessments), clock_(clock) {}

  // The person's plan in the round; nullopt when there is none yet.
  [[nodiscard]] core::Result<std::optional<core::DevelopmentPlan>> load(const std::string& employee_id,
                                                                       const std::string& round);

  // Every plan of the round (for the observers' aggregates, app/learning/plan_summary.hpp).
  [[nodiscard]] core::Result<std::vector<core::DevelopmentPlan>> load_round(const std::string& round);

  // Saves goals, activities and note (core::edit_plan): kForbidden for a reader, kConflict
  // once agreed, kInvalidInput with the problems. `catalogue` holds the activity codes a plan
  // may choose. Audited as plan.create or plan.update by `editor_id`.
  [[nodiscard]] core::Result<core::DevelopmentPlan> save(const core::Person& person, const RoundView& round,
                                                         PlanRole role, const std::string& editor_id,
                                                         const core::PlanContent& content,
                                                         const std::vector<std::string>& catalogue);

  // The manager agrees the draft (core::agree_plan): kForbidden unless kManager, kNotFound
  // without a plan. Audited as plan.agree.
  [[nodiscard]] core::Result<core::DevelopmentPlan> agree(const core::Person& person, const RoundView& round,
                                                          PlanRole role, const std::string& editor_id);

  // The manager adds a follow-up (core::add_follow_up), then brings the assessment to
  // followed_up where it applies. Audited as plan.follow_up.
  [[nodiscard]] core::Result<core::DevelopmentPlan> follow_up(const core::Person& person, const RoundView& round,
                                                              PlanRole role, const core::PlanFollowUp& follow_up);

 private:
  std::mutex& order_of(const std::string& employee_id);

  StorePool& pool_;
  AssessmentService& assessments_;
  const core::Clock& clock_;
  std::array<std::mutex, 16> order_;
};

}  // namespace trappa::app
