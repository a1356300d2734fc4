#include "app/assessment/assessment_service.hpp"

#include <functional>
#include <utility>

#include "store/assessment/round_store.hpp"

namespace trappa::app {

std::mutex& AssessmentService::order_of(const std::string& round, const std::string& employee_id) {
  const std::size_t hash = std::hash<std::string>{}(round) * 31 + std::hash<std::string>{}(employee_id);
  return order_[hash % order_.size()];
}

core::Result<core::Assessment> AssessmentService::load(const std::string& round, const std::string& employee_id) {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(auto stored, lease->rounds().load_assessment(round, employee_id));
  if (stored) return std::move(*stored);
  return core::Assessment{round, employee_id, {}, {}, {}, {}, {}, {}, {}, {}};
}

core::Result<void> AssessmentService::refresh(store::Store& store, const std::string& round,
                                              const std::string& employee_id) {
  std::lock_guard in_commit_order(order_of(round, employee_id));
  ASSIGN_OR_RETURN(auto stored, store.rounds().load_assessment(round, employee_id));
  rounds_.record_assessment(stored ? *stored : core::Assessment{round, employee_id, {}, {}, {}, {}, {}, {}, {}, {}});
  return {};
}

core::EditOutcome AssessmentService::save(const std::string& round, const core::Person& person,
                                          const core::AssessmentEdit& edit) {
  core::EditOutcome outcome{core::Assessment{round, person.employee_id, {}, {}, {}, {}, {}, {}, {}, {}}, std::nullopt};
  const auto view = rounds_.find(round);
  if (!view) {
    outcome.refusal = core::Error{core::ErrorKind::kNotFound, "no round named '" + round + "'", {}};
    return outcome;
  }
  const core::Framework& framework = view->snapshot->framework();
  // Held from before the transaction until the publication: a later commit of this
  // assessment cannot publish before an earlier one.
  std::lock_guard in_commit_order(order_of(round, person.employee_id));
  auto lease = pool_.borrow();
  auto stored = lease->rounds().change_assessment(
      round, person.employee_id,
      [&](const core::Assessment& before, core::RoundState state) -> core::Result<core::Assessment> {
        outcome = core::apply_assessment_edit(framework, person, state, before, edit);
        if (outcome.refusal) return std::unexpected(*outcome.refusal);
        return outcome.after;
      },
      store::Actor{edit.editor_id});
  if (!stored) {
    outcome.refusal = std::move(stored.error());
    return outcome;
  }
  outcome.after = std::move(*stored);
  rounds_.record_assessment(outcome.after);
  return outcome;
}

}  // namespace trappa::app
