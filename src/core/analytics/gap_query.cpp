#include "core/analytics/gap_query.hpp"

#include <algorithm>
#include <thread>

#include <fmt/format.h>

namespace trappa::core {

namespace {

// Counters for one pass over a range of people. Area totals of ratings, levels and needs
// are sums over the area's competencies, so only per-person area flags are counted per area.
struct Accumulator {
  explicit Accumulator(std::size_t competencies, std::size_t areas, std::size_t groups)
      : applicable(competencies), rated(competencies), level_sum(competencies), needs(competencies),
        people_rated_in_area(areas), people_with_need_in_area(areas), motivation_answers(areas),
        high_motivation(areas), group_people(groups), group_assessed(groups), group_with_need(groups),
        group_rated(groups * competencies), group_needs(groups * competencies) {}

  std::size_t people = 0;
  std::size_t assessed = 0;
  std::size_t with_need = 0;
  std::array<std::size_t, kProgressStates> status{};  // by Progress
  std::vector<std::size_t> applicable, rated, level_sum, needs;
  std::vector<std::size_t> people_rated_in_area, people_with_need_in_area, motivation_answers, high_motivation;
  std::vector<std::size_t> group_people, group_assessed, group_with_need;
  std::vector<std::size_t> group_rated, group_needs;  // groups × competencies

  void merge(const Accumulator& other) {
    people += other.people;
    assessed += other.assessed;
    with_need += other.with_need;
    for (std::size_t i = 0; i < status.size(); ++i) status[i] += other.status[i];
    auto add = [](std::vector<std::size_t>& into, const std::vector<std::size_t>& from) {
      for (std::size_t i = 0; i < into.size(); ++i) into[i] += from[i];
    };
    add(applicable, other.applicable);
    add(rated, other.rated);
    add(level_sum, other.level_sum);
    add(needs, other.needs);
    add(people_rated_in_area, other.people_rated_in_area);
    add(people_with_need_in_area, other.people_with_need_in_area);
    add(motivation_answers, other.motivation_answers);
    add(high_motivation, other.high_motivation);
    add(group_people, other.group_people);
    add(group_assessed, other.group_assessed);
    add(group_with_need, other.group_with_need);
    add(group_rated, other.group_rated);
    add(group_needs, other.group_needs);
  }
};

// A query resolved against one snapshot: indexes instead of names.
struct Plan {
  LevelBasis basis = LevelBasis::kAgreed;
  std::size_t first = 0;
  std::size_t last = 0;
  int role = -1;          // -1 any role; -2 a role the snapshot does not have (matches nobody)
  int gender = -1;        // -1 any
  GroupBy group_by = GroupBy::kNone;
  std::vector<std::int32_t> group_of_unit;  // kUnit: tree index -> group, -1 outside every group
  std::size_t group_count = 0;
};

constexpr std::size_t kBlock = 2048;

void accumulate(const GapSnapshot& snapshot, const Plan& plan, std::size_t first, std::size_t last,
                Accumulator& acc) {
  // Branch-free inner loop: expected levels transposed to competency-major with one extra
  // all-zero role for people the filters drop, counts added as 0/1, and one extra group slot
  // for people outside every group, so the loop has no data-dependent branches.
  const std::size_t competencies = snapshot.competencies();
  const std::size_t areas = snapshot.areas();
  const std::size_t roles_count = snapshot.roles();
  const std::size_t stride = roles_count + 1;
  std::vector<std::uint8_t> expected_by_competency(competencies * stride, 0);
  for (std::size_t c = 0; c < competencies; ++c)
    for (std::size_t r = 0; r < roles_count; ++r) expected_by_competency[c * stride + r] = snapshot.expected(r, c);
  const std::size_t groups = plan.group_count;
  const std::size_t no_group = groups;
  std::vector<std::uint32_t> cell_rated((groups + 1) * competencies, 0), cell_needs((groups + 1) * competencies, 0);
  const auto roles = snapshot.role();
  const auto genders = snapshot.gender();
  const auto units = snapshot.unit_index();
  const auto progress = snapshot.progress();
  std::array<std::uint16_t, kBlock> role_of{};
  std::array<std::uint32_t, kBlock> rated_areas{};
  std::array<std::uint32_t, kBlock> need_areas{};
  std::array<std::uint32_t, kBlock> group{};
  std::array<std::uint8_t, kBlock> pass{};

  for (std::size_t block = first; block < last; block += kBlock) {
    const std::size_t count = std::min(kBlock, last - block);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t p = block + i;
      const bool ok = (plan.role == -1 || plan.role == roles[p]) &&
                      (plan.gender == -1 || plan.gender == static_cast<int>(genders[p]));
      pass[i] = ok;
      role_of[i] = ok ? roles[p] : static_cast<std::uint16_t>(roles_count);
      rated_areas[i] = 0;
      need_areas[i] = 0;
      std::int32_t g = -1;
      switch (plan.group_by) {
        case GroupBy::kNone: break;
        case GroupBy::kUnit: g = plan.group_of_unit[units[p]]; break;
        case GroupBy::kRole: g = roles[p]; break;
        case GroupBy::kGender: g = static_cast<std::int32_t>(genders[p]); break;
      }
      group[i] = g < 0 ? static_cast<std::uint32_t>(no_group) : static_cast<std::uint32_t>(g);
    }
    for (std::size_t c = 0; c < competencies; ++c) {
      const std::uint8_t* levels = snapshot.levels(plan.basis, c).data() + block;
      const std::uint8_t* expected_c = expected_by_competency.data() + c * stride;
      const std::uint32_t area_shift = snapshot.competency_area(c);
      std::uint32_t applicable = 0, rated = 0, level_sum = 0, needs = 0;
      for (std::size_t i = 0; i < count; ++i) {
        const std::uint32_t expected = expected_c[role_of[i]];
        const std::uint32_t level = levels[i];
        const std::uint32_t is_applicable = expected != 0;
        const std::uint32_t is_rated = is_applicable & (level != 0);
        const std::uint32_t is_need = is_rated & (level < expected);
        applicable += is_applicable;
        rated += is_rated;
        level_sum += is_rated * level;
        needs += is_need;
        rated_areas[i] |= is_rated << area_shift;
        need_areas[i] |= is_need << area_shift;
      }
      if (groups > 0) {
        std::uint32_t* gr = cell_rated.data() + c;
        std::uint32_t* gn = cell_needs.data() + c;
        for (std::size_t i = 0; i < count; ++i) {
          const std::uint32_t expected = expected_c[role_of[i]];
          const std::uint32_t level = levels[i];
          const std::uint32_t is_rated = (expected != 0) & (level != 0);
          const std::size_t cell = group[i] * competencies;
          gr[cell] += is_rated;
          gn[cell] += is_rated & (level < expected);
        }
      }
      acc.applicable[c] += applicable;
      acc.rated[c] += rated;
      acc.level_sum[c] += level_sum;
      acc.needs[c] += needs;
    }
    for (std::size_t a = 0; a < areas; ++a) {
      const std::uint8_t* motivation = snapshot.motivation(a).data() + block;
      std::uint32_t rated_in = 0, need_in = 0, answers = 0, high = 0;
      for (std::size_t i = 0; i < count; ++i) {
        const std::uint32_t ok = pass[i];
        rated_in += (rated_areas[i] >> a) & 1u;
        need_in += (need_areas[i] >> a) & 1u;
        answers += ok & (motivation[i] != 0);
        high += ok & (motivation[i] >= kHighMotivation);
      }
      acc.people_rated_in_area[a] += rated_in;
      acc.people_with_need_in_area[a] += need_in;
      acc.motivation_answers[a] += answers;
      acc.high_motivation[a] += high;
    }
    for (std::size_t i = 0; i < count; ++i) {
      if (!pass[i]) continue;
      ++acc.people;
      ++acc.status[static_cast<std::size_t>(progress[block + i])];
      const bool assessed = rated_areas[i] != 0;
      const bool has_need = need_areas[i] != 0;
      acc.assessed += assessed ? 1 : 0;
      acc.with_need += has_need ? 1 : 0;
      if (group[i] != no_group) {
        const auto g = group[i];
        ++acc.group_people[g];
        acc.group_assessed[g] += assessed ? 1 : 0;
        acc.group_with_need[g] += has_need ? 1 : 0;
      }
    }
  }
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t c = 0; c < competencies; ++c) {
      acc.group_rated[g * competencies + c] += cell_rated[g * competencies + c];
      acc.group_needs[g * competencies + c] += cell_needs[g * competencies + c];
    }
}

std::optional<double> ratio(std::size_t numerator, std::size_t denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

std::string_view gender_group_name(std::size_t g) {
  switch (g) {
    case 0: return "Kvinnor";
    case 1: return "Män";
    default: return "Annat eller ej angivet";
  }
}

}  // namespace

namespace {

// The query resolved against the snapshot: the plan, the selected unit, and the report's
// empty groups (for kUnit with their units in `group_units`).
struct Resolved {
  Plan plan;
  std::optional<std::uint32_t> selected;
  std::vector<std::uint32_t> group_units;
};

Result<Resolved> resolve(const GapSnapshot& snapshot, const GapQuery& query, GapReport& report) {
  const UnitTree& tree = snapshot.tree();
  Resolved resolved;
  Plan& plan = resolved.plan;
  plan.basis = query.basis;
  plan.last = snapshot.people();
  if (!query.unit.empty()) {
    resolved.selected = tree.index_of(query.unit);
    if (!resolved.selected) return fail(ErrorKind::kNotFound, fmt::format("unknown unit '{}'", query.unit));
    std::tie(plan.first, plan.last) = snapshot.people_in_subtree(*resolved.selected);
  }
  if (!query.role.empty()) {
    auto role = snapshot.role_index(query.role);
    plan.role = role ? *role : -2;
  }
  if (query.gender) plan.gender = static_cast<int>(*query.gender);
  plan.group_by = query.group_by;
  report.group_by = query.group_by;
  switch (query.group_by) {
    case GroupBy::kNone: break;
    case GroupBy::kUnit: {
      if (resolved.selected) {
        resolved.group_units = tree.children(*resolved.selected);
      } else {
        const auto roots = tree.roots();
        resolved.group_units = roots.size() == 1 ? tree.children(roots.front()) : roots;
      }
      plan.group_of_unit.assign(tree.size(), -1);
      for (std::size_t g = 0; g < resolved.group_units.size(); ++g) {
        const std::uint32_t unit = resolved.group_units[g];
        std::fill(plan.group_of_unit.begin() + unit, plan.group_of_unit.begin() + tree.subtree_end(unit),
                  static_cast<std::int32_t>(g));
        report.groups.push_back({tree.unit(unit).code, tree.unit(unit).name, false, {}, {}, {}, {}});
      }
      break;
    }
    case GroupBy::kRole:
      for (std::size_t r = 0; r < snapshot.roles(); ++r) {
        report.groups.push_back({snapshot.role_name(r), snapshot.role_name(r), false, {}, {}, {}, {}});
      }
      break;
    case GroupBy::kGender:
      for (std::size_t g = 0; g < 3; ++g) {
        report.groups.push_back({std::string(to_code(static_cast<Gender>(g))), std::string(gender_group_name(g)),
                                 false, {}, {}, {}, {}});
      }
      break;
  }
  plan.group_count = report.groups.size();
  return resolved;
}

// The counters of the plan's people; large ranges are split across the cores, small ones are
// not worth a thread.
Accumulator count_all(const GapSnapshot& snapshot, const Plan& plan) {
  const std::size_t competencies = snapshot.competencies();
  const std::size_t areas = snapshot.areas();
  Accumulator total(competencies, areas, plan.group_count);
  const std::size_t range = plan.last - plan.first;
  const std::size_t threads = range < 200'000 ? 1 : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  if (threads == 1) {
    accumulate(snapshot, plan, plan.first, plan.last, total);
    return total;
  }
  std::vector<Accumulator> partial(threads, Accumulator(competencies, areas, plan.group_count));
  std::vector<std::thread> workers;
  const std::size_t chunk = (range + threads - 1) / threads;
  for (std::size_t t = 0; t < threads; ++t) {
    const std::size_t begin = plan.first + t * chunk;
    const std::size_t end = std::min(plan.last, begin + chunk);
    if (begin >= end) continue;
    workers.emplace_back([&, t, begin, end] { accumulate(snapshot, plan, begin, end, partial[t]); });
  }
  for (std::thread& worker : workers) worker.join();
  for (const Accumulator& part : partial) total.merge(part);
  return total;
}

// Small groups: whether a figure of a cell may be shown, by the round's decisions and, when
// given, the reader's own.
struct Shown {
  const GapDisclosure* disclosure;
  const GapDisclosure* reader;
  [[nodiscard]] bool headline(const GapCell& c) const {
    return disclosure->headline(c) && (reader == nullptr || reader->headline(c));
  }
  [[nodiscard]] bool competency(std::size_t competency, const GapCell& c) const {
    return disclosure->competency(competency, c) && (reader == nullptr || reader->competency(competency, c));
  }
  [[nodiscard]] bool area(std::size_t area, const GapCell& c) const {
    return disclosure->area(area, c) && (reader == nullptr || reader->area(area, c));
  }
};

// Per competency, and the headline participation as the mean over the competencies shown:
// with suppression a mean over hidden ones too would give them away (issue 12).
void fill_competencies(const GapSnapshot& snapshot, const Accumulator& total, const Shown& shown, const GapCell& cell,
                       bool suppressed, GapReport& report) {
  const Framework& framework = snapshot.framework();
  double participation_sum = 0;
  std::size_t participation_count = 0;
  for (std::size_t c = 0; c < snapshot.competencies(); ++c) {
    const Competency& competency = snapshot.competency(c);
    CompetencyFigures figures;
    figures.code = competency.code;
    figures.name = competency.name;
    figures.area = framework.areas[snapshot.competency_area(c)].code;
    figures.suppressed = !suppressed && shown.disclosure != nullptr && !shown.competency(c, cell);
    if (total.applicable[c] > 0 && !figures.suppressed) {
      participation_sum += static_cast<double>(total.rated[c]) / static_cast<double>(total.applicable[c]);
      ++participation_count;
    }
    if (!suppressed && !figures.suppressed) {
      figures.applicable = total.applicable[c];
      figures.rated = total.rated[c];
      figures.needs = total.needs[c];
      figures.participation = ratio(total.rated[c], total.applicable[c]);
      figures.mean_level = ratio(total.level_sum[c], total.rated[c]);
      figures.need_share = ratio(total.needs[c], total.rated[c]);
    }
    report.competencies.push_back(std::move(figures));
  }
  if (suppressed) return;
  report.people = total.people;
  report.assessed = total.assessed;
  report.participation = participation_count > 0
                             ? std::optional<double>(participation_sum / static_cast<double>(participation_count))
                             : std::nullopt;
  report.share_with_need = ratio(total.with_need, total.assessed);
  report.status_counts = total.status;
}

void fill_areas(const GapSnapshot& snapshot, const Accumulator& total, const Shown& shown, const GapCell& cell,
                bool suppressed, GapReport& report) {
  const Framework& framework = snapshot.framework();
  for (std::size_t a = 0; a < snapshot.areas(); ++a) {
    AreaFigures figures;
    figures.code = framework.areas[a].code;
    figures.name = framework.areas[a].name;
    figures.suppressed = !suppressed && shown.disclosure != nullptr && !shown.area(a, cell);
    if (!suppressed && !figures.suppressed) {
      std::size_t ratings = 0, level_sum = 0, needs = 0;
      for (std::size_t c = 0; c < snapshot.competencies(); ++c) {
        if (snapshot.competency_area(c) != a) continue;
        ratings += total.rated[c];
        level_sum += total.level_sum[c];
        needs += total.needs[c];
      }
      figures.ratings = ratings;
      figures.mean_level = ratio(level_sum, ratings);
      figures.need_share = ratio(needs, ratings);
      figures.people_with_need_share = ratio(total.people_with_need_in_area[a], total.people_rated_in_area[a]);
      figures.motivation_answers = total.motivation_answers[a];
      figures.high_motivation_share = ratio(total.high_motivation[a], total.motivation_answers[a]);
    }
    report.areas.push_back(std::move(figures));
  }
}

void fill_groups(const GapSnapshot& snapshot, const GapQuery& query, const Resolved& resolved, const Accumulator& total,
                 const Shown& shown, const GapCell& cell, bool nobody, bool suppressed, GapReport& report) {
  const Plan& plan = resolved.plan;
  const std::size_t competencies = snapshot.competencies();
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    GroupFigures& group = report.groups[g];
    // The group's cell; a group the filters leave empty (another role or gender) is nobody.
    GapCell group_cell = cell;
    bool empty_by_filter = nobody;
    switch (query.group_by) {
      case GroupBy::kNone: break;
      case GroupBy::kUnit: group_cell.unit = resolved.group_units[g]; break;
      case GroupBy::kRole:
        empty_by_filter = empty_by_filter || (plan.role >= 0 && static_cast<std::size_t>(plan.role) != g);
        group_cell.role = static_cast<std::uint16_t>(g);
        break;
      case GroupBy::kGender:
        empty_by_filter = empty_by_filter || (plan.gender >= 0 && static_cast<std::size_t>(plan.gender) != g);
        group_cell.gender = static_cast<Gender>(g);
        break;
    }
    // With the round's decisions a group is shown exactly when its own cell is, whatever the
    // view around it, so a cell looks the same in every view.
    const bool too_few = query.min_group > 0 && total.group_assessed[g] < query.min_group;
    group.suppressed = shown.disclosure != nullptr ? too_few || empty_by_filter || !shown.headline(group_cell)
                                                   : suppressed || too_few;
    for (std::size_t c = 0; c < competencies; ++c) {
      GroupCompetencyFigures figures{snapshot.competency(c).code, {}, {}, false};
      figures.suppressed = !group.suppressed && shown.disclosure != nullptr && !shown.competency(c, group_cell);
      if (!group.suppressed && !figures.suppressed) {
        const std::size_t index = g * competencies + c;
        figures.rated = total.group_rated[index];
        figures.need_share = ratio(total.group_needs[index], total.group_rated[index]);
      }
      group.competencies.push_back(std::move(figures));
    }
    if (group.suppressed) continue;
    group.people = total.group_people[g];
    group.assessed = total.group_assessed[g];
    group.share_with_need = ratio(total.group_with_need[g], total.group_assessed[g]);
  }
}

}  // namespace

Result<GapReport> run_gap_query(const GapSnapshot& snapshot, const GapQuery& query) {
  GapReport report;
  report.round = snapshot.round().name;
  report.basis = query.basis;
  ASSIGN_OR_RETURN(const Resolved resolved, resolve(snapshot, query, report));
  const Accumulator total = count_all(snapshot, resolved.plan);

  // Small groups: the result's own cell, and per figure the round's decisions.
  const Shown shown{query.disclosure, query.reader};
  GapCell cell{resolved.selected, std::nullopt, query.gender};
  const bool nobody = resolved.plan.role == -2;  // a role the snapshot does not have
  if (resolved.plan.role >= 0) cell.role = static_cast<std::uint16_t>(resolved.plan.role);
  const bool suppressed = (query.min_group > 0 && total.assessed < query.min_group) ||
                          (shown.disclosure != nullptr && (nobody || !shown.headline(cell)));
  report.suppressed = suppressed;
  fill_competencies(snapshot, total, shown, cell, suppressed, report);
  fill_areas(snapshot, total, shown, cell, suppressed, report);
  fill_groups(snapshot, query, resolved, total, shown, cell, nobody, suppressed, report);
  return report;
}

GapComparison compare_reports(const GapReport& current, const GapReport& earlier) {
  auto points = [](const std::optional<double>& now, const std::optional<double>& before) -> std::optional<double> {
    if (!now || !before) return std::nullopt;
    return (*now - *before) * 100.0;
  };
  auto delta = [](const std::optional<double>& now, const std::optional<double>& before) -> std::optional<double> {
    if (!now || !before) return std::nullopt;
    return *now - *before;
  };
  GapComparison comparison;
  comparison.round = earlier.round;
  comparison.share_with_need_pp = points(current.share_with_need, earlier.share_with_need);
  comparison.participation_pp = points(current.participation, earlier.participation);
  for (const AreaFigures& area : current.areas) {
    AreaChange change{area.code, {}, {}, {}};
    for (const AreaFigures& before : earlier.areas) {
      if (before.code != area.code) continue;
      change.need_share_pp = points(area.need_share, before.need_share);
      change.mean_level_delta = delta(area.mean_level, before.mean_level);
      change.high_motivation_share_pp = points(area.high_motivation_share, before.high_motivation_share);
    }
    comparison.areas.push_back(std::move(change));
  }
  for (const CompetencyFigures& competency : current.competencies) {
    CompetencyChange change{competency.code, {}, {}};
    for (const CompetencyFigures& before : earlier.competencies) {
      if (before.code != competency.code) continue;
      change.need_share_pp = points(competency.need_share, before.need_share);
      change.mean_level_delta = delta(competency.mean_level, before.mean_level);
    }
    comparison.competencies.push_back(std::move(change));
  }
  return comparison;
}

}  // namespace trappa::core
