#include "app/learning/registration_use_case.hpp"

#include <algorithm>

#include "store/learning/learning_store.hpp"

namespace trappa::app {

std::string_view to_code(RegistrationOutcome outcome) {
  switch (outcome) {
    case RegistrationOutcome::kRegistered: return "registered";
    case RegistrationOutcome::kCancelled: return "cancelled";
    case RegistrationOutcome::kUnknownActivity: return "unknown_activity";
    case RegistrationOutcome::kNotOpen: return "not_open";
    case RegistrationOutcome::kEnded: return "ended";
    case RegistrationOutcome::kFull: return "full";
    case RegistrationOutcome::kAlreadyHasRow: return "already_has_row";
    case RegistrationOutcome::kNotRegistered: return "not_registered";
  }
  return "unknown_activity";
}

core::Result<RegistrationOutcome> Registrations::register_person(const std::string& employee_id,
                                                                 const std::string& activity,
                                                                 const std::string& actor_id) {
  std::lock_guard lock(mutex_);
  auto store = pool_.borrow();
  ASSIGN_OR_RETURN(auto activities, store->learning().load_activities());
  const auto found = std::find_if(activities.begin(), activities.end(),
                                  [&](const core::LearningActivity& candidate) { return candidate.code == activity; });
  if (found == activities.end()) return RegistrationOutcome::kUnknownActivity;
  if (found->status != core::ActivityStatus::kOpen) return RegistrationOutcome::kNotOpen;
  const core::Date today = clock_.today();
  if (found->ends < today) return RegistrationOutcome::kEnded;
  ASSIGN_OR_RETURN(auto rows, store->learning().load_participation_of_activity(activity));
  std::size_t taken = 0;
  for (const core::Participation& row : rows) {
    if (row.employee_id == employee_id && row.status != core::ParticipationStatus::kCancelled) {
      return RegistrationOutcome::kAlreadyHasRow;
    }
    if (core::takes_a_place(row.status)) ++taken;
  }
  if (!core::has_room(*found, taken)) return RegistrationOutcome::kFull;
  const core::Participation row{employee_id, activity, today, core::ParticipationStatus::kRegistered, std::nullopt,
                                "web"};
  TRY(store->learning().save_participation({row}, store::Actor{actor_id}));
  return RegistrationOutcome::kRegistered;
}

core::Result<RegistrationOutcome> Registrations::cancel(const std::string& employee_id, const std::string& activity,
                                                        const std::string& actor_id) {
  std::lock_guard lock(mutex_);
  auto store = pool_.borrow();
  ASSIGN_OR_RETURN(auto rows, store->learning().load_participation_of_person(employee_id));
  const auto found = std::find_if(rows.begin(), rows.end(),
                                  [&](const core::Participation& row) { return row.activity == activity; });
  if (found == rows.end() || found->status != core::ParticipationStatus::kRegistered) {
    return RegistrationOutcome::kNotRegistered;
  }
  core::Participation row = *found;
  row.status = core::ParticipationStatus::kCancelled;
  row.date = clock_.today();
  row.source = "web";
  TRY(store->learning().save_participation({row}, store::Actor{actor_id}));
  return RegistrationOutcome::kCancelled;
}

core::Result<std::vector<core::Participation>> Registrations::of_person(const std::string& employee_id) {
  auto store = pool_.borrow();
  return store->learning().load_participation_of_person(employee_id);
}

}  // namespace trappa::app
