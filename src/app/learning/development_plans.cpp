#include "app/learning/development_plans.hpp"

#include <functional>

#include "store/learning/learning_store.hpp"

namespace trappa::app {

namespace {

core::Error forbidden(std::string message) { return core::Error{core::ErrorKind::kForbidden, std::move(message), {}}; }

}  // namespace

std::mutex& DevelopmentPlans::order_of(const std::string& employee_id) {
  return order_[std::hash<std::string>{}(employee_id) % order_.size()];
}

core::Result<std::optional<core::DevelopmentPlan>> DevelopmentPlans::load(const std::string& employee_id,
                                                                         const std::string& round) {
  auto store = pool_.borrow();
  return store->learning().load_plan(employee_id, round);
}

core::Result<std::vector<core::DevelopmentPlan>> DevelopmentPlans::load_round(const std::string& round) {
  auto store = pool_.borrow();
  return store->learning().load_plans(round);
}

core::Result<core::DevelopmentPlan> DevelopmentPlans::save(const core::Person& person, const RoundView& round,
                                                           PlanRole role, const std::string& editor_id,
                                                           const core::PlanContent& content,
                                                           const std::vector<std::string>& catalogue) {
  if (role == PlanRole::kReader) return std::unexpected(forbidden("you may read this plan only"));
  std::lock_guard lock(order_of(person.employee_id));
  auto store = pool_.borrow();
  ASSIGN_OR_RETURN(auto before, store->learning().load_plan(person.employee_id, round.round.name));
  ASSIGN_OR_RETURN(auto after, core::edit_plan(before, person.employee_id, round.round.name, editor_id, content,
                                               round.snapshot->framework(), catalogue));
  if (before && *before == after) return after;
  TRY(store->learning().save_plans({after}, store::PlanWrite::kContent, store::Actor{editor_id}));
  return after;
}

core::Result<core::DevelopmentPlan> DevelopmentPlans::agree(const core::Person& person, const RoundView& round,
                                                            PlanRole role, const std::string& editor_id) {
  if (role != PlanRole::kManager) return std::unexpected(forbidden("the manager agrees the plan"));
  std::lock_guard lock(order_of(person.employee_id));
  auto store = pool_.borrow();
  ASSIGN_OR_RETURN(auto before, store->learning().load_plan(person.employee_id, round.round.name));
  if (!before) return core::fail(core::ErrorKind::kNotFound, "there is no plan to agree");
  ASSIGN_OR_RETURN(auto after, core::agree_plan(*before, core::PlanEditor::kReviewer, editor_id, clock_.utc_timestamp()));
  TRY(store->learning().save_plans({after}, store::PlanWrite::kAgree, store::Actor{editor_id}));
  return after;
}

core::Result<core::DevelopmentPlan> DevelopmentPlans::follow_up(const core::Person& person, const RoundView& round,
                                                                PlanRole role, const core::PlanFollowUp& follow_up) {
  if (role != PlanRole::kManager) return std::unexpected(forbidden("the manager follows the plan up"));
  core::DevelopmentPlan after;
  {
    std::lock_guard lock(order_of(person.employee_id));
    auto store = pool_.borrow();
    ASSIGN_OR_RETURN(auto before, store->learning().load_plan(person.employee_id, round.round.name));
    if (!before) return core::fail(core::ErrorKind::kNotFound, "there is no plan to follow up");
    ASSIGN_OR_RETURN(after, core::add_follow_up(*before, core::PlanEditor::kReviewer, follow_up));
    TRY(store->learning().save_plans({after}, store::PlanWrite::kFollowUp, store::Actor{follow_up.by}));
  }
  // The assessment's status model: an agreed plan followed up is what `followed_up` means
  // after a held conversation (core/assessment/assessment_progress.hpp).
  if (core::reaches_followed_up(after) && round.round.state == core::RoundState::kOpen) {
    ASSIGN_OR_RETURN(auto assessment, assessments_.load(round.round.name, person.employee_id));
    if (assessment.status == core::AssessmentStatus::kConversationHeld) {
      core::AssessmentEdit edit;
      edit.role = core::EditorRole::kReviewer;
      edit.editor_id = follow_up.by;
      edit.at = clock_.utc_timestamp();
      edit.conversation = core::ConversationMark::kFollowedUp;
      edit.incomplete = core::IncompleteConversation::kConfirmed;  // the conversation is held already
      const core::EditOutcome saved = assessments_.save(round.round.name, person, edit);
      if (saved.refusal) return std::unexpected(*saved.refusal);
    }
  }
  return after;
}

}  // namespace trappa::app
