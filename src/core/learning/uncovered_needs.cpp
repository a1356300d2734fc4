#include "core/learning/uncovered_needs.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/learning/recommendation.hpp"

namespace trappa::core {

Result<UncoveredNeeds> find_uncovered_needs(const std::vector<Person>& people, const UnitTree& tree,
                                            const std::vector<Assessment>& assessments, const Framework& framework,
                                            const std::vector<LearningActivity>& activities,
                                            const std::optional<std::string>& unit, UncoveredGrouping by) {
  std::uint32_t first = 0;
  std::uint32_t end = static_cast<std::uint32_t>(tree.size());
  if (unit) {
    const auto index = tree.index_of(*unit);
    if (!index) return fail(ErrorKind::kNotFound, "no unit with code '" + *unit + "'");
    first = *index;
    end = tree.subtree_end(*index);
  }
  std::unordered_map<std::string_view, const Person*> person_by_id;
  for (const Person& person : people) person_by_id.emplace(person.employee_id, &person);
  std::vector<const LearningActivity*> offered;
  for (const LearningActivity& activity : activities) {
    if (activity.framework_id == framework.id &&
        (activity.status == ActivityStatus::kPlanned || activity.status == ActivityStatus::kOpen)) {
      offered.push_back(&activity);
    }
  }
  // Groups in framework order: an index per area or competency.
  std::map<std::string, std::size_t> order;
  std::vector<UncoveredFigures> groups;
  for (const Area& area : framework.areas) {
    if (by == UncoveredGrouping::kArea) {
      order.emplace(area.code, groups.size());
      groups.push_back({area.code, area.name});
    }
    for (const Competency& competency : area.competencies) {
      if (by == UncoveredGrouping::kCompetency) {
        order.emplace(competency.code, groups.size());
        groups.push_back({competency.code, competency.name});
      }
    }
  }

  UncoveredNeeds result;
  for (const Assessment& assessment : assessments) {
    const auto found = person_by_id.find(assessment.employee_id);
    if (found == person_by_id.end()) continue;
    const Person& person = *found->second;
    const auto person_unit = tree.index_of(person.unit_code);
    if (unit && (!person_unit || *person_unit < first || *person_unit >= end)) continue;
    const std::vector<LearningNeed> needs = needs_of(person, &assessment, framework);
    if (needs.empty()) continue;
    ++result.total.people_with_need;
    bool any_uncovered = false;
    std::set<std::size_t> with_need;
    std::set<std::size_t> uncovered_in;
    for (const LearningNeed& need : needs) {
      const bool covered = std::any_of(offered.begin(), offered.end(), [&](const LearningActivity* activity) {
        return audience_includes(*activity, person.role) && could_raise(*activity, need);
      });
      ++result.total.needs;
      if (!covered) ++result.total.needs_uncovered;
      any_uncovered = any_uncovered || !covered;
      if (by == UncoveredGrouping::kNone) continue;
      const Area* area = framework.area_of(need.competency);
      const std::string& key = by == UncoveredGrouping::kArea ? area->code : need.competency;
      const std::size_t group = order.at(key);
      ++groups[group].needs;
      with_need.insert(group);
      if (!covered) {
        ++groups[group].needs_uncovered;
        uncovered_in.insert(group);
      }
    }
    if (any_uncovered) ++result.total.people_uncovered;
    for (std::size_t group : with_need) ++groups[group].people_with_need;
    for (std::size_t group : uncovered_in) ++groups[group].people_uncovered;
  }
  for (UncoveredFigures& group : groups) {
    if (group.needs > 0) result.groups.push_back(std::move(group));
  }
  return result;
}

}  // namespace trappa::core
