#include "app/learning/learning_use_case.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

#include "app/learning/learning_settings.hpp"
#include "core/org/unit_tree.hpp"
#include "store/assessment/round_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/learning/learning_store.hpp"
#include "store/org/organisation_store.hpp"

namespace trappa::app {

core::Result<core::LearningStats> run_learning_stats(store::Store& store, const core::LearningStatsQuery& query) {
  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
  ASSIGN_OR_RETURN(auto activities, store.learning().load_activities());
  ASSIGN_OR_RETURN(auto rows, store.learning().load_participation());
  std::set<std::string> framework_ids;
  for (const core::LearningActivity& activity : activities) framework_ids.insert(activity.framework_id);
  std::vector<core::Framework> frameworks;
  for (const std::string& id : framework_ids) {
    ASSIGN_OR_RETURN(auto stored, store.frameworks().load_framework(id));
    if (stored) frameworks.push_back(std::move(stored->framework));
  }
  const core::UnitTree tree = core::UnitTree::build(units);
  core::LearningStatsQuery with_targets = query;
  ASSIGN_OR_RETURN(const core::LearningTargets stored, load_learning_targets(store));
  if (!with_targets.targets.participants) with_targets.targets.participants = stored.participants;
  if (!with_targets.targets.hours_per_participant) {
    with_targets.targets.hours_per_participant = stored.hours_per_participant;
  }
  return core::compute_learning_stats(people, tree, activities, frameworks, rows, with_targets);
}

core::Result<std::vector<core::ParticipantListRow>> run_participant_list(store::Store& store, core::Date from,
                                                                        core::Date to,
                                                                        const std::optional<std::string>& unit) {
  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
  ASSIGN_OR_RETURN(auto activities, store.learning().load_activities());
  ASSIGN_OR_RETURN(auto rows, store.learning().load_participation());
  return core::participant_list(people, core::UnitTree::build(units), activities, rows, from, to, unit);
}

namespace {

// The round and the framework revision it pinned.
core::Result<std::pair<core::Round, core::Framework>> round_and_framework(store::Store& store, const std::string& name) {
  ASSIGN_OR_RETURN(auto round, store.rounds().load_round(name));
  if (!round) return core::fail(core::ErrorKind::kNotFound, "no round named '" + name + "'");
  ASSIGN_OR_RETURN(auto framework, store.frameworks().load_framework(round->framework_id, round->framework_revision));
  if (!framework) {
    return core::fail(core::ErrorKind::kNotFound, "the framework '" + round->framework_id + "' of round '" +
                                                      round->name + "' is missing from the store");
  }
  return std::pair{std::move(*round), std::move(framework->framework)};
}

}  // namespace

core::Result<core::UncoveredNeeds> run_uncovered_needs(store::Store& store, const std::string& round,
                                                       const std::optional<std::string>& unit,
                                                       core::UncoveredGrouping by) {
  ASSIGN_OR_RETURN(auto pinned, round_and_framework(store, round));
  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
  ASSIGN_OR_RETURN(auto assessments, store.rounds().load_assessments(round));
  ASSIGN_OR_RETURN(auto activities, store.learning().load_activities());
  return core::find_uncovered_needs(people, core::UnitTree::build(units), assessments, pinned.second, activities, unit,
                                    by);
}

core::Result<PersonRecommendations> run_recommendation(store::Store& store, const RecommendationRequest& request) {
  ASSIGN_OR_RETURN(auto pinned, round_and_framework(store, request.round));
  ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
  const auto person = std::find_if(people.begin(), people.end(),
                                   [&](const core::Person& candidate) { return candidate.employee_id == request.employee_id; });
  if (person == people.end()) {
    return core::fail(core::ErrorKind::kNotFound, "no person with employee id '" + request.employee_id + "'");
  }
  ASSIGN_OR_RETURN(auto assessment, store.rounds().load_assessment(request.round, request.employee_id));
  ASSIGN_OR_RETURN(auto activities, store.learning().load_activities());
  ASSIGN_OR_RETURN(auto rows, store.learning().load_participation());
  PersonRecommendations result;
  result.employee_id = request.employee_id;
  result.round = request.round;
  std::vector<core::Participation> own;
  std::copy_if(rows.begin(), rows.end(), std::back_inserter(own),
               [&](const core::Participation& row) { return row.employee_id == request.employee_id; });
  result.list = core::recommend(*person, assessment ? &*assessment : nullptr, pinned.second, activities,
                                core::places_taken(activities, rows), own, request.on, request.budget_hours);
  return result;
}

}  // namespace trappa::app
