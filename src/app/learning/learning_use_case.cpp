#include "app/learning/learning_use_case.hpp"

#include <algorithm>
#include <set>

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
  return core::compute_learning_stats(people, tree, activities, frameworks, rows, query);
}

core::Result<PersonRecommendations> run_recommendation(store::Store& store, const RecommendationRequest& request) {
  ASSIGN_OR_RETURN(auto round, store.rounds().load_round(request.round));
  if (!round) return core::fail(core::ErrorKind::kNotFound, "no round named '" + request.round + "'");
  ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
  const auto person = std::find_if(people.begin(), people.end(),
                                   [&](const core::Person& candidate) { return candidate.employee_id == request.employee_id; });
  if (person == people.end()) {
    return core::fail(core::ErrorKind::kNotFound, "no person with employee id '" + request.employee_id + "'");
  }
  ASSIGN_OR_RETURN(auto framework, store.frameworks().load_framework(round->framework_id, round->framework_revision));
  if (!framework) {
    return core::fail(core::ErrorKind::kNotFound, "the framework '" + round->framework_id + "' of round '" +
                                                      round->name + "' is missing from the store");
  }
  ASSIGN_OR_RETURN(auto assessment, store.rounds().load_assessment(request.round, request.employee_id));
  ASSIGN_OR_RETURN(auto activities, store.learning().load_activities());
  ASSIGN_OR_RETURN(auto rows, store.learning().load_participation());
  PersonRecommendations result;
  result.employee_id = request.employee_id;
  result.round = request.round;
  result.list = core::recommend(*person, assessment ? &*assessment : nullptr, framework->framework, activities, rows,
                                request.on, request.budget_hours);
  return result;
}

}  // namespace trappa::app
