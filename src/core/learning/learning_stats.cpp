#include "core/learning/learning_stats.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/base/case_fold.hpp"

namespace trappa::core {

namespace {

constexpr std::array<std::pair<LearningGrouping, std::string_view>, 6> kGroupings{{
    {LearningGrouping::kGender, "gender"},
    {LearningGrouping::kUnit, "unit"},
    {LearningGrouping::kActivity, "activity"},
    {LearningGrouping::kFormat, "format"},
    {LearningGrouping::kArea, "area"},
    {LearningGrouping::kMonth, "month"},
}};

// Adds up one set of figures: people are counted once however many rows they have.
class Tally {
 public:
  Tally(std::string key, std::string name) {
    figures_.key = std::move(key);
    figures_.name = std::move(name);
  }
  void add(std::uint32_t person, Gender gender, const Participation& row, double hours) {
    ++figures_.registrations[static_cast<std::size_t>(row.status)];
    if (row.status != ParticipationStatus::kAttended) return;
    figures_.hours += hours;
    if (attended_.insert(person).second) {
      ++figures_.participants;
      ++figures_.participants_by_gender[static_cast<std::size_t>(gender)];
    }
  }
  [[nodiscard]] LearningFigures finish() && {
    if (figures_.participants > 0) figures_.hours_per_participant = figures_.hours / static_cast<double>(figures_.participants);
    return std::move(figures_);
  }

 private:
  LearningFigures figures_;
  std::set<std::uint32_t> attended_;
};

struct GroupKey {
  std::string key;
  std::string name;
};

std::string month_of(Date date) { return to_iso(date).substr(0, 7); }

}  // namespace

std::string_view to_code(LearningGrouping grouping) {
  for (const auto& [value, code] : kGroupings) {
    if (value == grouping) return code;
  }
  return {};
}

std::optional<LearningGrouping> parse_learning_grouping(std::string_view text) {
  const std::string wanted = fold_case(text);
  for (const auto& [value, code] : kGroupings) {
    if (code == wanted) return value;
  }
  return std::nullopt;
}

Result<LearningStats> compute_learning_stats(const std::vector<Person>& people, const UnitTree& tree,
                                             const std::vector<LearningActivity>& activities,
                                             const std::vector<Framework>& frameworks,
                                             const std::vector<Participation>& rows,
                                             const LearningStatsQuery& query) {
  if (query.to < query.from) {
    return invalid("the period ends before it starts", {{"to", to_iso(query.to) + " is before " + to_iso(query.from)}});
  }
  // The selected subtree as an interval of the unit pre-order, and for --by unit the child
  // (or, without a unit, the root) whose subtree holds each unit.
  std::uint32_t first = 0;
  std::uint32_t end = static_cast<std::uint32_t>(tree.size());
  std::vector<std::uint32_t> group_roots;
  if (query.unit) {
    const auto index = tree.index_of(*query.unit);
    if (!index) return fail(ErrorKind::kNotFound, "no unit with code '" + *query.unit + "'");
    first = *index;
    end = tree.subtree_end(*index);
    group_roots = tree.children(*index);
  } else {
    group_roots = tree.roots();
  }

  std::unordered_map<std::string_view, std::uint32_t> person_by_id;
  person_by_id.reserve(people.size());
  for (std::uint32_t i = 0; i < people.size(); ++i) person_by_id.emplace(people[i].employee_id, i);
  std::unordered_map<std::string_view, const LearningActivity*> activity_by_code;
  for (const LearningActivity& activity : activities) activity_by_code.emplace(activity.code, &activity);
  std::unordered_map<std::string_view, const Framework*> framework_by_id;
  for (const Framework& framework : frameworks) framework_by_id.emplace(framework.id, &framework);

  Tally total("", "");
  std::map<std::string, Tally> groups;  // by key; units are put in tree order afterwards
  for (const Participation& row : rows) {
    if (row.date < query.from || query.to < row.date) continue;
    const auto found_person = person_by_id.find(row.employee_id);
    const auto found_activity = activity_by_code.find(row.activity);
    if (found_person == person_by_id.end() || found_activity == activity_by_code.end()) continue;
    const std::uint32_t person_index = found_person->second;
    const Person& person = people[person_index];
    const auto unit = tree.index_of(person.unit_code);
    if (query.unit && (!unit || *unit < first || *unit >= end)) continue;
    const LearningActivity& activity = *found_activity->second;
    const double hours = credited_hours(row, activity);
    total.add(person_index, person.gender, row, hours);

    std::vector<GroupKey> keys;
    switch (query.by) {
      case LearningGrouping::kNone:
        break;
      case LearningGrouping::kGender: {
        const std::string code(to_code(person.gender));
        keys.push_back(GroupKey{code, code});
        break;
      }
      case LearningGrouping::kUnit: {
        if (!unit) break;
        // The group root whose subtree holds the unit; people of the selected unit itself
        // belong to no child and are counted in the total only.
        for (std::uint32_t root : group_roots) {
          if (*unit >= root && *unit < tree.subtree_end(root)) {
            const Unit& group_unit = tree.unit(root);
            keys.push_back(GroupKey{group_unit.code, group_unit.name});
            break;
          }
        }
        break;
      }
      case LearningGrouping::kActivity:
        keys.push_back(GroupKey{activity.code, activity.title});
        break;
      case LearningGrouping::kFormat: {
        const std::string code(to_code(activity.format));
        keys.push_back(GroupKey{code, code});
        break;
      }
      case LearningGrouping::kArea: {
        const auto framework = framework_by_id.find(activity.framework_id);
        if (framework == framework_by_id.end()) break;
        std::set<std::string> seen;
        for (const std::string& competency : activity.competencies) {
          const Area* area = framework->second->area_of(competency);
          if (area != nullptr && seen.insert(area->code).second) keys.push_back(GroupKey{area->code, area->name});
        }
        break;
      }
      case LearningGrouping::kMonth: {
        const std::string month = month_of(row.date);
        keys.push_back(GroupKey{month, month});
        break;
      }
    }
    for (GroupKey& key : keys) {
      const std::string code = key.key;
      groups.try_emplace(code, std::move(key.key), std::move(key.name))
          .first->second.add(person_index, person.gender, row, hours);
    }
  }

  LearningStats stats;
  stats.total = std::move(total).finish();
  stats.targets = query.targets;
  if (query.targets.participants || query.targets.hours_per_participant) {
    bool met = true;
    if (query.targets.participants) met = met && static_cast<double>(stats.total.participants) >= *query.targets.participants;
    if (query.targets.hours_per_participant) {
      met = met && stats.total.hours_per_participant.value_or(0) >= *query.targets.hours_per_participant;
    }
    stats.met = met;
  }
  if (query.by == LearningGrouping::kUnit) {
    // Every child unit, in tree order, also those without a row.
    for (std::uint32_t root : group_roots) {
      const Unit& unit = tree.unit(root);
      auto found = groups.find(unit.code);
      stats.groups.push_back(found != groups.end() ? std::move(found->second).finish()
                                                   : Tally(unit.code, unit.name).finish());
    }
  } else {
    for (auto& [key, tally] : groups) stats.groups.push_back(std::move(tally).finish());
  }
  return stats;
}

}  // namespace trappa::core
