#include "core/learning/learning_stats.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <span>
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

LearningFacts build_learning_facts(const std::vector<Person>& people, const UnitTree& tree,
                                   const std::vector<LearningActivity>& activities,
                                   const std::vector<Participation>& rows) {
  std::unordered_map<std::string_view, std::uint32_t> person_by_id;
  person_by_id.reserve(people.size());
  for (std::uint32_t i = 0; i < people.size(); ++i) person_by_id.emplace(people[i].employee_id, i);
  std::unordered_map<std::string_view, std::uint16_t> activity_by_code;
  for (std::size_t i = 0; i < activities.size() && i < 0xFFFF; ++i) {
    activity_by_code.emplace(activities[i].code, static_cast<std::uint16_t>(i));
  }
  LearningFacts facts;
  facts.rows.reserve(rows.size());
  for (const Participation& row : rows) {
    const auto person = person_by_id.find(row.employee_id);
    const auto activity = activity_by_code.find(row.activity);
    if (person == person_by_id.end() || activity == activity_by_code.end()) continue;
    const Person& who = people[person->second];
    LearningFacts::Row fact;
    fact.person = person->second;
    fact.unit = tree.index_of(who.unit_code).value_or(LearningFacts::kNoUnit);
    fact.day = day_number(row.date);
    fact.hours = static_cast<float>(credited_hours(row, activities[activity->second]));
    fact.activity = activity->second;
    fact.status = row.status;
    fact.gender = who.gender;
    facts.rows.push_back(fact);
  }
  // A person's rows next to each other (the distinct-participant count relies on it).
  std::stable_sort(facts.rows.begin(), facts.rows.end(),
                   [](const LearningFacts::Row& a, const LearningFacts::Row& b) { return a.person < b.person; });
  return facts;
}

namespace {

constexpr std::uint32_t kNoGroup = 0xFFFFFFFF;

// The query's groups: a dense index per group, and for each row the groups it counts in.
struct Groups {
  std::vector<LearningFigures> figures;
  std::vector<std::uint32_t> of_unit;                       // kUnit: tree index → group
  std::vector<std::vector<std::uint32_t>> of_activity;      // kActivity, kFormat, kArea
  std::int32_t first_day = 0;
  std::vector<std::uint32_t> of_day;                        // kMonth: day − first_day → group
};

std::uint32_t add_group(Groups& groups, std::string key, std::string name) {
  LearningFigures figures;
  figures.key = std::move(key);
  figures.name = std::move(name);
  groups.figures.push_back(std::move(figures));
  return static_cast<std::uint32_t>(groups.figures.size() - 1);
}

Groups make_groups(const UnitTree& tree, const std::vector<LearningActivity>& activities,
                   const std::vector<Framework>& frameworks, const LearningStatsQuery& query,
                   const std::vector<std::uint32_t>& unit_roots) {
  Groups groups;
  switch (query.by) {
    case LearningGrouping::kNone:
      break;
    case LearningGrouping::kGender:
      for (Gender gender : {Gender::kWoman, Gender::kMan, Gender::kOther}) {
        const std::string code(to_code(gender));
        add_group(groups, code, code);
      }
      break;
    case LearningGrouping::kUnit:
      groups.of_unit.assign(tree.size(), kNoGroup);
      for (std::uint32_t root : unit_roots) {
        const std::uint32_t group = add_group(groups, tree.unit(root).code, tree.unit(root).name);
        for (std::uint32_t u = root; u < tree.subtree_end(root); ++u) groups.of_unit[u] = group;
      }
      break;
    case LearningGrouping::kActivity:
      for (const LearningActivity& activity : activities) {
        groups.of_activity.push_back({add_group(groups, activity.code, activity.title)});
      }
      break;
    case LearningGrouping::kFormat: {
      std::map<std::string, std::uint32_t> by_code;
      for (const LearningActivity& activity : activities) {
        const std::string code(to_code(activity.format));
        auto [found, inserted] = by_code.try_emplace(code, 0);
        if (inserted) found->second = add_group(groups, code, code);
        groups.of_activity.push_back({found->second});
      }
      break;
    }
    case LearningGrouping::kArea: {
      std::map<std::string, std::uint32_t> by_code;
      for (const LearningActivity& activity : activities) {
        std::vector<std::uint32_t> areas;
        const auto framework = std::find_if(frameworks.begin(), frameworks.end(),
                                            [&](const Framework& f) { return f.id == activity.framework_id; });
        if (framework != frameworks.end()) {
          for (const std::string& competency : activity.competencies) {
            const Area* area = framework->area_of(competency);
            if (area == nullptr) continue;
            auto [found, inserted] = by_code.try_emplace(area->code, 0);
            if (inserted) found->second = add_group(groups, area->code, area->name);
            if (std::find(areas.begin(), areas.end(), found->second) == areas.end()) areas.push_back(found->second);
          }
        }
        groups.of_activity.push_back(std::move(areas));
      }
      break;
    }
    case LearningGrouping::kMonth: {
      groups.first_day = day_number(query.from);
      std::string current;
      std::uint32_t group = kNoGroup;
      for (std::int32_t day = groups.first_day; day <= day_number(query.to); ++day) {
        const std::string month = to_iso(from_day_number(day)).substr(0, 7);
        if (month != current) {
          current = month;
          group = add_group(groups, month, month);
        }
        groups.of_day.push_back(group);
      }
      break;
    }
  }
  return groups;
}

// Adds one row's counts (not its participant) to `figures`.
void count_row(LearningFigures& figures, const LearningFacts::Row& row) {
  ++figures.registrations[static_cast<std::size_t>(row.status)];
  figures.hours += row.hours;
}

void add_participant(LearningFigures& figures, Gender gender) {
  ++figures.participants;
  ++figures.participants_by_gender[static_cast<std::size_t>(gender)];
}

}  // namespace

Result<LearningStats> compute_learning_stats(const UnitTree& tree, const std::vector<LearningActivity>& activities,
                                             const std::vector<Framework>& frameworks, const LearningFacts& facts,
                                             const LearningStatsQuery& query) {
  if (query.to < query.from) {
    return invalid("the period ends before it starts", {{"to", to_iso(query.to) + " is before " + to_iso(query.from)}});
  }
  // The selected subtree as an interval of the unit pre-order; for --by unit its children (or,
  // without a unit, the top units).
  std::uint32_t first = 0;
  std::uint32_t end = static_cast<std::uint32_t>(tree.size());
  std::vector<std::uint32_t> unit_roots;
  if (query.unit) {
    const auto index = tree.index_of(*query.unit);
    if (!index) return fail(ErrorKind::kNotFound, "no unit with code '" + *query.unit + "'");
    first = *index;
    end = tree.subtree_end(*index);
    unit_roots = tree.children(*index);
  } else {
    unit_roots = tree.roots();
  }
  Groups groups = make_groups(tree, activities, frameworks, query, unit_roots);
  const std::int32_t from = day_number(query.from);
  const std::int32_t to = day_number(query.to);

  LearningFigures total;
  std::vector<std::uint32_t> attended_groups;  // of the current person, for distinct counts
  const auto& rows = facts.rows;
  for (std::size_t begin = 0; begin < rows.size();) {
    std::size_t stop = begin;
    while (stop < rows.size() && rows[stop].person == rows[begin].person) ++stop;
    bool attended = false;
    attended_groups.clear();
    for (std::size_t r = begin; r < stop; ++r) {
      const LearningFacts::Row& row = rows[r];
      if (row.day < from || row.day > to) continue;
      if (query.unit && (row.unit < first || row.unit >= end)) continue;
      count_row(total, row);
      const bool attends = row.status == ParticipationStatus::kAttended;
      attended = attended || attends;
      // The groups of this row: at most one, except by area (a span of the activity's areas).
      std::uint32_t single = kNoGroup;
      std::span<const std::uint32_t> row_groups;
      switch (query.by) {
        case LearningGrouping::kNone:
          break;
        case LearningGrouping::kGender:
          single = static_cast<std::uint32_t>(row.gender);
          break;
        case LearningGrouping::kUnit:
          if (row.unit != LearningFacts::kNoUnit) single = groups.of_unit[row.unit];
          break;
        case LearningGrouping::kActivity:
        case LearningGrouping::kFormat:
        case LearningGrouping::kArea:
          row_groups = groups.of_activity[row.activity];
          break;
        case LearningGrouping::kMonth:
          single = groups.of_day[static_cast<std::size_t>(row.day - groups.first_day)];
          break;
      }
      if (single != kNoGroup) row_groups = std::span<const std::uint32_t>(&single, 1);
      for (std::uint32_t group : row_groups) {
        count_row(groups.figures[group], row);
        if (attends) attended_groups.push_back(group);
      }
    }
    if (attended) add_participant(total, rows[begin].gender);
    std::sort(attended_groups.begin(), attended_groups.end());
    attended_groups.erase(std::unique(attended_groups.begin(), attended_groups.end()), attended_groups.end());
    for (std::uint32_t group : attended_groups) add_participant(groups.figures[group], rows[begin].gender);
    begin = stop;
  }

  const auto finish = [](LearningFigures& figures) {
    if (figures.participants > 0) figures.hours_per_participant = figures.hours / static_cast<double>(figures.participants);
  };
  LearningStats stats;
  finish(total);
  stats.total = std::move(total);
  stats.targets = query.targets;
  if (query.targets.participants || query.targets.hours_per_participant) {
    bool met = true;
    if (query.targets.participants) met = met && static_cast<double>(stats.total.participants) >= *query.targets.participants;
    if (query.targets.hours_per_participant) {
      met = met && stats.total.hours_per_participant.value_or(0) >= *query.targets.hours_per_participant;
    }
    stats.met = met;
  }
  for (LearningFigures& figures : groups.figures) {
    finish(figures);
    std::size_t rows_in_group = 0;
    for (std::size_t count : figures.registrations) rows_in_group += count;
    // Every child unit is listed; other groups only when a row falls in them.
    if (query.by == LearningGrouping::kUnit || rows_in_group > 0) stats.groups.push_back(std::move(figures));
  }
  if (query.by != LearningGrouping::kUnit) {
    std::sort(stats.groups.begin(), stats.groups.end(),
              [](const LearningFigures& a, const LearningFigures& b) { return a.key < b.key; });
  }
  return stats;
}

Result<LearningStats> compute_learning_stats(const std::vector<Person>& people, const UnitTree& tree,
                                             const std::vector<LearningActivity>& activities,
                                             const std::vector<Framework>& frameworks,
                                             const std::vector<Participation>& rows,
                                             const LearningStatsQuery& query) {
  return compute_learning_stats(tree, activities, frameworks, build_learning_facts(people, tree, activities, rows),
                                query);
}

}  // namespace trappa::core
