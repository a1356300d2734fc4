#include "app/learning/plan_summary.hpp"

#include <span>
#include <unordered_map>

#include "core/disclosure/disclosure_control.hpp"

namespace trappa::app {

core::Result<PlanSummary> summarise_plans(const Directory& directory, const RoundView& round,
                                          const std::vector<core::DevelopmentPlan>& plans, const std::string& unit,
                                          std::optional<std::size_t> min_group) {
  const core::UnitTree& tree = directory.tree();
  std::optional<std::uint32_t> unit_index;
  if (!unit.empty()) {
    unit_index = tree.index_of(unit);
    if (!unit_index) return core::fail(core::ErrorKind::kNotFound, "no unit with code '" + unit + "'");
  }
  const core::Framework& framework = round.snapshot->framework();
  std::unordered_map<std::string, std::size_t> area_of;  // competency → area position
  PlanSummary summary;
  summary.round = round.round.name;
  summary.unit = unit;
  for (std::size_t a = 0; a < framework.areas.size(); ++a) {
    summary.areas.push_back({framework.areas[a].code, framework.areas[a].name, 0, 0, 0});
    for (const core::Competency& competency : framework.areas[a].competencies) area_of.emplace(competency.code, a);
  }
  std::unordered_map<std::string, const core::DevelopmentPlan*> plan_of;
  for (const core::DevelopmentPlan& plan : plans) plan_of.emplace(plan.employee_id, &plan);

  // One row of measures per person of the round: in the round, with a plan, with an agreed
  // plan, with an agreed goal in each area.
  const std::size_t measures = 3 + framework.areas.size();
  std::vector<std::uint32_t> units;
  std::vector<std::uint8_t> counts;
  const auto& people = directory.people();
  for (std::uint32_t p = 0; p < people.size(); ++p) {
    if (!round.includes(p)) continue;
    const auto person_unit = tree.index_of(people[p].unit_code);
    if (!person_unit) continue;
    units.push_back(*person_unit);
    const std::size_t row = counts.size();
    counts.resize(row + measures, 0);
    counts[row] = 1;
    const auto found = plan_of.find(people[p].employee_id);
    const core::DevelopmentPlan* plan = found != plan_of.end() ? found->second : nullptr;
    const bool in_selection = !unit_index || (*person_unit >= *unit_index && *person_unit < tree.subtree_end(*unit_index));
    if (in_selection) ++summary.people_in_round;
    if (plan == nullptr) continue;
    counts[row + 1] = 1;
    if (in_selection) ++summary.people_with_plan;
    if (plan->state != core::PlanState::kAgreed) continue;
    counts[row + 2] = 1;
    if (in_selection) ++summary.people_with_agreed_plan;
    const bool done = core::current_progress(*plan) == core::GoalProgress::kDone;
    std::vector<bool> in_area(framework.areas.size(), false);
    for (const core::PlanGoal& goal : plan->goals) {
      const auto area = area_of.find(goal.competency);
      if (area == area_of.end()) continue;
      in_area[area->second] = true;
      if (!in_selection) continue;
      ++summary.goals;
      ++summary.areas[area->second].goals;
      if (done) {
        ++summary.goals_done;
        ++summary.areas[area->second].done;
      }
    }
    for (std::size_t a = 0; a < in_area.size(); ++a) {
      if (!in_area[a]) continue;
      counts[row + 3 + a] = 1;
      if (in_selection) ++summary.areas[a].people;
    }
  }
  if (summary.goals > 0) {
    summary.share_of_goals_done = static_cast<double>(summary.goals_done) / static_cast<double>(summary.goals);
  }
  if (min_group) {
    core::DisclosurePopulation population;
    population.tree = &tree;
    population.measures = measures;
    population.unit = std::span<const std::uint32_t>(units);
    population.counts = std::span<const std::uint8_t>(counts);
    const core::DisclosureControl decision = core::DisclosureControl::decide(population, *min_group);
    if (!decision.published(unit_index, std::nullopt, std::nullopt)) {
      PlanSummary hidden;
      hidden.round = summary.round;
      hidden.unit = summary.unit;
      hidden.suppressed = true;
      return hidden;
    }
  }
  return summary;
}

}  // namespace trappa::app
