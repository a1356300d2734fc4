// Proof that an observer cannot compute a person's figures from the gap analytics of the demo
// organisation (issue 6, "small groups everywhere").
//
// Every view an observer may request is run through the real query with the round's
// decisions: each unit filter (and none) x each role filter (and none) x each gender filter
// (and none) x each grouping (none, unit, role, gender) x both level bases, in both demo
// rounds. Each shown figure is collected with the exact set of people it is about. Then:
//   - a cell asked for directly and the same cell shown as a group of another view are shown
//     or hidden alike;
//   - for every two shown cells where one's people contain the other's, the difference is 0
//     or at least K people;
//   - for every shown total and the shown groups of its view, the rest is 0 or >= K people;
//   - the exact audit (core/disclosure_audit.hpp) finds no group of 1..K-1 people whose sum
//     can be computed from all shown cells of a round together, which is stronger than any
//     two views.
// A hand-made organisation shows the leak a threshold alone leaves (a unit of six with
// groups of five and one) and that the rule closes it.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "demo/history.hpp"
#include "demo/organisation.hpp"
#include "demo/rounds.hpp"
#include "core/disclosure/disclosure_audit.hpp"
#include "core/analytics/gap_disclosure.hpp"
#include "core/analytics/gap_query.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "core/assessment/round_facts.hpp"
#include "io/json/framework_json.hpp"

namespace trappa {
namespace {

constexpr std::size_t kK = core::kDefaultMinGroup;

// The demo's two rounds as the web application holds them: snapshots of the organisation
// that `trappa demo` writes (same builders, same seed).
struct DemoRounds {
  std::vector<core::Person> people;
  std::vector<std::shared_ptr<const core::GapSnapshot>> snapshots;
};

core::RoundFacts facts_of(const core::Framework& framework, const std::vector<core::Person>& people,
                          const std::vector<bool>& in_round, const std::vector<core::Assessment>& assessments) {
  std::map<std::string, std::uint32_t> person_index;
  for (std::size_t i = 0; i < people.size(); ++i) person_index.emplace(people[i].employee_id, static_cast<std::uint32_t>(i));
  const core::FrameworkNumbering numbering(framework);
  core::RoundFacts facts;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (!in_round[i]) facts.not_employed.push_back(static_cast<std::uint32_t>(i));
  }
  for (const core::Assessment& assessment : assessments) {
    core::add_assessment_facts(facts, person_index.at(assessment.employee_id), assessment, numbering);
  }
  return facts;
}

const DemoRounds& demo() {
  static const DemoRounds rounds = [] {
    DemoRounds result;
    demo::DemoOrganisation organisation = demo::build_demo_organisation(1);
    const std::vector<core::Employment> employments = demo::add_employment_history(organisation, 1);
    const core::Framework framework =
        io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json").value();
    auto tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(organisation.units));
    const auto& specs = demo::demo_round_specs();
    for (std::size_t r = 0; r < specs.size(); ++r) {
      const auto in_round = core::takes_part_on(organisation.people, employments, *core::parse_iso_date(specs[r].opens));
      const auto assessments = demo::build_demo_assessments(framework, organisation.people, in_round, 0,
                                                            organisation.people.size(), r, 1);
      const core::Round round{specs[r].name, framework.id, 1, "", specs[r].opens, specs[r].closes, specs[r].state};
      result.snapshots.push_back(core::GapSnapshot::build(round, framework, tree, organisation.people,
                                                          facts_of(framework, organisation.people, in_round, assessments)));
    }
    result.people = std::move(organisation.people);
    return result;
  }();
  return rounds;
}

// A set of snapshot positions.
class PeopleSet {
 public:
  explicit PeopleSet(std::size_t size = 0) : words_((size + 63) / 64, 0) {}
  void add(std::size_t p) { words_[p / 64] |= std::uint64_t{1} << (p % 64); }
  [[nodiscard]] std::size_t size() const {
    std::size_t n = 0;
    for (std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
    return n;
  }
  [[nodiscard]] bool within(const PeopleSet& other) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if ((words_[i] & ~other.words_[i]) != 0) return false;
    }
    return true;
  }

 private:
  std::vector<std::uint64_t> words_;
};

// What the figures of a kind are about, per person: one or more measures (people the figure
// counts in some way), each a 0/1 per snapshot position.
struct Kind {
  std::string name;
  std::vector<std::vector<std::uint8_t>> measures;
};

// Figure kinds of one snapshot on one basis: the headline, each competency, each area.
std::vector<Kind> kinds_of(const core::GapSnapshot& snapshot, core::LevelBasis basis) {
  const std::size_t people = snapshot.people();
  std::vector<Kind> kinds;
  const auto roles = snapshot.role();
  std::vector<std::uint8_t> assessed(people, 0);
  std::vector<std::vector<std::uint8_t>> area_rated(snapshot.areas(), std::vector<std::uint8_t>(people, 0));
  for (std::size_t c = 0; c < snapshot.competencies(); ++c) {
    Kind kind{"competency " + snapshot.competency(c).code, {std::vector<std::uint8_t>(people, 0), std::vector<std::uint8_t>(people, 0)}};
    const auto levels = snapshot.levels(basis, c);
    for (std::size_t p = 0; p < people; ++p) {
      if (snapshot.expected(roles[p], c) == 0) continue;
      kind.measures[0][p] = 1;  // the competency applies
      if (levels[p] == 0) continue;
      kind.measures[1][p] = 1;  // rated
      assessed[p] = 1;
      area_rated[snapshot.competency_area(c)][p] = 1;
    }
    kinds.push_back(std::move(kind));
  }
  for (std::size_t a = 0; a < snapshot.areas(); ++a) {
    Kind kind{"area " + snapshot.framework().areas[a].code, {area_rated[a], std::vector<std::uint8_t>(people, 0)}};
    const auto motivation = snapshot.motivation(a);
    for (std::size_t p = 0; p < people; ++p) kind.measures[1][p] = motivation[p] != 0 ? 1 : 0;
    kinds.push_back(std::move(kind));
  }
  kinds.insert(kinds.begin(), Kind{"headline", {std::vector<std::uint8_t>(people, 1), assessed}});
  return kinds;
}

// A cell: unit (tree index, or -1 for the whole round), role (-1 all), gender (-1 all).
using CellKey = std::tuple<int, int, int>;

struct Collected {
  // Per figure kind: the cells shown, and per cell what each view said (shown or hidden).
  std::vector<std::map<CellKey, bool>> status;
  std::vector<std::string> inconsistencies;
  // Per figure kind: each shown total with its view's shown groups.
  std::vector<std::vector<std::pair<CellKey, std::vector<CellKey>>>> views;
};

void record(Collected& collected, std::size_t kind, const CellKey& key, bool shown, const std::string& where) {
  auto [it, inserted] = collected.status[kind].try_emplace(key, shown);
  if (!inserted && it->second != shown && collected.inconsistencies.size() < 10) {
    collected.inconsistencies.push_back(where + ": kind " + std::to_string(kind) + " cell (" + std::to_string(std::get<0>(key)) + "," +
                                        std::to_string(std::get<1>(key)) + "," + std::to_string(std::get<2>(key)) +
                                        ") shown in one view and hidden in another");
  }
}

// Runs every observer view of one snapshot on one basis.
Collected run_every_view(const core::GapSnapshot& snapshot, const core::GapDisclosure& disclosure,
                         core::LevelBasis basis, std::size_t kinds) {
  Collected collected;
  collected.status.resize(kinds);
  collected.views.resize(kinds);
  const core::UnitTree& tree = snapshot.tree();
  std::vector<int> units{-1};
  for (std::uint32_t u = 0; u < tree.size(); ++u) units.push_back(static_cast<int>(u));
  const std::size_t competencies = snapshot.competencies();
  for (int unit : units) {
    for (int role = -1; role < static_cast<int>(snapshot.roles()); ++role) {
      for (int gender = -1; gender < 3; ++gender) {
        for (core::GroupBy by : {core::GroupBy::kNone, core::GroupBy::kUnit, core::GroupBy::kRole, core::GroupBy::kGender}) {
          core::GapQuery query;
          query.basis = basis;
          if (unit >= 0) query.unit = tree.unit(static_cast<std::uint32_t>(unit)).code;
          if (role >= 0) query.role = snapshot.role_name(static_cast<std::size_t>(role));
          if (gender >= 0) query.gender = static_cast<core::Gender>(gender);
          query.group_by = by;
          query.disclosure = &disclosure;
          const core::GapReport report = core::run_gap_query(snapshot, query).value();
          const CellKey total{unit, role, gender};
          const std::string where = "view unit " + std::to_string(unit) + " role " + std::to_string(role) + " gender " +
                                    std::to_string(gender) + " by " + std::to_string(static_cast<int>(by));
          // The total's figures.
          record(collected, 0, total, !report.suppressed, where);
          for (std::size_t c = 0; c < competencies; ++c) {
            record(collected, 1 + c, total, report.competencies[c].rated.has_value(), where);
          }
          for (std::size_t a = 0; a < report.areas.size(); ++a) {
            record(collected, 1 + competencies + a, total, report.areas[a].ratings.has_value(), where);
          }
          // The groups' figures (competency figures only; groups carry no area figures).
          std::vector<std::vector<CellKey>> shown_groups(kinds);
          for (std::size_t g = 0; g < report.groups.size(); ++g) {
            const core::GroupFigures& group = report.groups[g];
            CellKey key = total;
            switch (by) {
              case core::GroupBy::kNone: break;
              case core::GroupBy::kUnit: std::get<0>(key) = static_cast<int>(*tree.index_of(group.key)); break;
              case core::GroupBy::kRole:
                if (role >= 0 && role != static_cast<int>(g)) continue;  // nobody: the filter excludes them
                std::get<1>(key) = static_cast<int>(g);
                break;
              case core::GroupBy::kGender:
                if (gender >= 0 && gender != static_cast<int>(g)) continue;
                std::get<2>(key) = static_cast<int>(g);
                break;
            }
            record(collected, 0, key, !group.suppressed, where + " group " + group.key);
            if (!group.suppressed) shown_groups[0].push_back(key);
            for (std::size_t c = 0; c < competencies; ++c) {
              const bool shown = group.competencies[c].rated.has_value();
              record(collected, 1 + c, key, shown, where + " group " + group.key);
              if (shown) shown_groups[1 + c].push_back(key);
            }
          }
          if (by == core::GroupBy::kNone) continue;
          if (!report.suppressed) collected.views[0].emplace_back(total, shown_groups[0]);
          for (std::size_t c = 0; c < competencies; ++c) {
            if (report.competencies[c].rated) collected.views[1 + c].emplace_back(total, shown_groups[1 + c]);
          }
        }
      }
    }
  }
  return collected;
}

// The people of a cell in one measure.
PeopleSet members(const core::GapSnapshot& snapshot, const CellKey& key, const std::vector<std::uint8_t>& measure) {
  PeopleSet set(snapshot.people());
  const auto [unit, role, gender] = key;
  std::size_t first = 0, last = snapshot.people();
  if (unit >= 0) std::tie(first, last) = snapshot.people_in_subtree(static_cast<std::uint32_t>(unit));
  for (std::size_t p = first; p < last; ++p) {
    if (role >= 0 && snapshot.role()[p] != role) continue;
    if (gender >= 0 && static_cast<int>(snapshot.gender()[p]) != gender) continue;
    if (measure[p]) set.add(p);
  }
  return set;
}

bool small(std::size_t n) { return n >= 1 && n < kK; }

std::string name_of(const core::GapSnapshot& snapshot, const CellKey& key) {
  const auto [unit, role, gender] = key;
  std::string text = unit < 0 ? "everyone" : snapshot.tree().unit(static_cast<std::uint32_t>(unit)).code;
  if (role >= 0) text += "/" + snapshot.role_name(static_cast<std::size_t>(role));
  if (gender >= 0) text += "/" + std::string(core::to_code(static_cast<core::Gender>(gender)));
  return text;
}

struct RoundProof {
  std::size_t shown_cells = 0;
  std::size_t views = 0;
  std::vector<std::string> failures;
};

RoundProof prove(const core::GapSnapshot& snapshot, core::LevelBasis basis) {
  RoundProof proof;
  const auto disclosure = core::GapDisclosure::build(snapshot, kK);
  const std::vector<Kind> kinds = kinds_of(snapshot, basis);
  const Collected collected = run_every_view(snapshot, *disclosure, basis, kinds.size());
  proof.failures = collected.inconsistencies;
  auto fail = [&](std::string text) {
    if (proof.failures.size() < 20) proof.failures.push_back(snapshot.round().name + ": " + std::move(text));
  };

  // Atoms for the exact audit: the direct members of one unit with one role and one gender.
  std::map<std::tuple<std::uint32_t, std::uint16_t, core::Gender>, std::uint32_t> atom_of_key;
  std::vector<std::uint32_t> atom_of(snapshot.people());
  for (std::size_t p = 0; p < snapshot.people(); ++p) {
    auto [it, inserted] = atom_of_key.try_emplace({snapshot.unit_index()[p], snapshot.role()[p], snapshot.gender()[p]},
                                                  static_cast<std::uint32_t>(atom_of_key.size()));
    atom_of[p] = it->second;
  }

  for (std::size_t k = 0; k < kinds.size(); ++k) {
    const Kind& kind = kinds[k];
    std::vector<CellKey> shown;
    for (const auto& [key, is_shown] : collected.status[k]) {
      if (is_shown) shown.push_back(key);
    }
    proof.shown_cells += shown.size();
    proof.views += collected.views[k].size();
    for (std::size_t m = 0; m < kind.measures.size(); ++m) {
      std::vector<PeopleSet> sets;
      std::vector<std::size_t> sizes;
      for (const CellKey& key : shown) {
        sets.push_back(members(snapshot, key, kind.measures[m]));
        sizes.push_back(sets.back().size());
      }
      // Pairs: one cell's people within another's.
      for (std::size_t i = 0; i < shown.size(); ++i) {
        for (std::size_t j = 0; j < shown.size(); ++j) {
          if (i == j || sizes[j] > sizes[i] || !small(sizes[i] - sizes[j])) continue;
          if (sets[j].within(sets[i])) {
            fail(kind.name + " measure " + std::to_string(m) + ": " + name_of(snapshot, shown[i]) + " minus " +
                 name_of(snapshot, shown[j]) + " is " + std::to_string(sizes[i] - sizes[j]) + " people");
          }
        }
      }
      // Totals and the shown groups of their views.
      for (const auto& [total, groups] : collected.views[k]) {
        std::size_t rest = members(snapshot, total, kind.measures[m]).size();
        for (const CellKey& group : groups) rest -= members(snapshot, group, kind.measures[m]).size();
        if (small(rest)) {
          fail(kind.name + " measure " + std::to_string(m) + ": " + name_of(snapshot, total) + " minus its " +
               std::to_string(groups.size()) + " shown groups is " + std::to_string(rest) + " people");
        }
      }
    }
    // Every linear combination of every shown cell of this kind.
    core::DisclosureAuditInput input;
    input.atoms = atom_of_key.size();
    input.min_group = kK;
    for (const auto& measure : kind.measures) {
      std::vector<std::uint32_t> weights(input.atoms, 0);
      for (std::size_t p = 0; p < snapshot.people(); ++p) weights[atom_of[p]] += measure[p];
      input.weights.push_back(std::move(weights));
    }
    for (const CellKey& key : shown) {
      std::vector<std::uint32_t> atoms;
      const auto [unit, role, gender] = key;
      for (const auto& [atom_key, atom] : atom_of_key) {
        const auto [u, r, g] = atom_key;
        const bool in_unit = unit < 0 || (u >= static_cast<std::uint32_t>(unit) &&
                                          u < snapshot.tree().subtree_end(static_cast<std::uint32_t>(unit)));
        if (in_unit && (role < 0 || r == role) && (gender < 0 || static_cast<int>(g) == gender)) atoms.push_back(atom);
      }
      input.cells.push_back(std::move(atoms));
    }
    for (const core::DisclosedGroup& group : core::find_disclosed_groups(input, 3)) {
      fail(kind.name + " measure " + std::to_string(group.measure) + ": a group of " + std::to_string(group.weight) +
           " people can be computed from the shown cells");
    }
  }
  return proof;
}

std::string join(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

TEST(SmallGroupsProof, no_view_of_the_demo_rounds_lets_an_observer_compute_a_small_group) {
  for (const auto& snapshot : demo().snapshots) {
    for (core::LevelBasis basis : {core::LevelBasis::kAgreed, core::LevelBasis::kSelf}) {
      const RoundProof proof = prove(*snapshot, basis);
      EXPECT_TRUE(proof.failures.empty()) << join(proof.failures);
      // The proof is about something: most of the organisation's figures are shown.
      EXPECT_GT(proof.shown_cells, 1000u) << snapshot->round().name;
      EXPECT_GT(proof.views, 1000u);
    }
  }
}

TEST(SmallGroupsProof, a_department_head_cannot_be_computed_from_the_department_and_its_units) {
  // Every demo department has its head (and a few staff) directly in the department unit;
  // the department minus its shown units always leaves at least K people.
  const core::GapSnapshot& snapshot = *demo().snapshots.back();
  const auto disclosure = core::GapDisclosure::build(snapshot, kK);
  const core::UnitTree& tree = snapshot.tree();
  std::size_t departments = 0;
  for (std::uint32_t u = 0; u < tree.size(); ++u) {
    if (tree.unit(u).kind != core::UnitKind::kDepartment || tree.children(u).empty()) continue;
    core::GapQuery query;
    query.unit = tree.unit(u).code;
    query.group_by = core::GroupBy::kUnit;
    query.disclosure = disclosure.get();
    const core::GapReport report = core::run_gap_query(snapshot, query).value();
    if (report.suppressed) continue;
    ++departments;
    std::size_t rest = *report.people;
    for (const core::GroupFigures& group : report.groups) rest -= group.people.value_or(0);
    EXPECT_TRUE(rest == 0 || rest >= kK) << tree.unit(u).code << ": " << rest << " people not in a shown unit";
    std::size_t naive_rest = *report.people;
    for (std::uint32_t child : tree.children(u)) {
      naive_rest -= snapshot.people_in_subtree(child).second - snapshot.people_in_subtree(child).first;
    }
    EXPECT_GT(naive_rest, 0u) << tree.unit(u).code << " has direct members";
  }
  EXPECT_GE(departments, 5u);
}

// A unit of six people: a group of five and a group of one.
struct SixWithFiveAndOne {
  std::vector<core::Person> people;
  std::shared_ptr<const core::GapSnapshot> snapshot;
};

SixWithFiveAndOne six_with_five_and_one() {
  core::Framework framework;
  framework.id = "f";
  framework.name = "F";
  framework.scale = core::LevelScale{1, 5, {"1", "2", "3", "4", "5"}};
  framework.areas = {core::Area{"1", "Område", "", "", {}, {core::Competency{"1.1", "Delkompetens", "", {}}}}};
  framework.roles = {"medarbetare"};
  framework.profiles["medarbetare"] = {{"1.1", 3}};
  const std::vector<core::Unit> units{{"U", "Enheten", "", core::UnitKind::kUnit},
                                      {"U-5", "Fem", "U", core::UnitKind::kGroup},
                                      {"U-1", "En", "U", core::UnitKind::kGroup}};
  SixWithFiveAndOne result;
  core::RoundFacts facts;
  for (std::uint32_t i = 0; i < 6; ++i) {
    core::Person person;
    person.employee_id = "P" + std::to_string(i);
    person.gender = core::Gender::kWoman;
    person.unit_code = i < 5 ? "U-5" : "U-1";
    person.role = "medarbetare";
    result.people.push_back(person);
    facts.statuses.push_back({i, core::AssessmentStatus::kConversationHeld});
    // The five rate 4; the one alone rates 1.
    facts.ratings.push_back({i, 0, static_cast<std::uint8_t>(i < 5 ? 4 : 1), 0});
  }
  auto tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(units));
  result.snapshot = core::GapSnapshot::build(core::Round{"R", "f", 1, "", "", "", core::RoundState::kClosed}, framework,
                                             tree, result.people, facts);
  return result;
}

TEST(SmallGroupsProof, a_threshold_alone_lets_two_views_give_away_one_persons_level) {
  const auto fixture = six_with_five_and_one();
  core::GapQuery unit_view;
  unit_view.unit = "U";
  unit_view.min_group = kK;
  core::GapQuery group_view = unit_view;
  group_view.unit = "U-5";
  const auto unit = core::run_gap_query(*fixture.snapshot, unit_view).value();
  const auto group = core::run_gap_query(*fixture.snapshot, group_view).value();
  ASSERT_FALSE(unit.suppressed);
  ASSERT_FALSE(group.suppressed);
  // Six ratings with mean m6, five with mean m5: the sixth level is 6 m6 - 5 m5.
  const double derived = 6 * *unit.competencies[0].mean_level - 5 * *group.competencies[0].mean_level;
  EXPECT_NEAR(derived, 1.0, 1e-9) << "the one person's level, computed from two permitted views";
}

TEST(SmallGroupsProof, the_rule_hides_the_group_of_five_beside_the_group_of_one) {
  const auto fixture = six_with_five_and_one();
  const auto disclosure = core::GapDisclosure::build(*fixture.snapshot, kK);
  core::GapQuery query;
  query.unit = "U";
  query.group_by = core::GroupBy::kUnit;
  query.disclosure = disclosure.get();
  const auto unit = core::run_gap_query(*fixture.snapshot, query).value();
  EXPECT_FALSE(unit.suppressed);
  ASSERT_EQ(unit.groups.size(), 2u);
  for (const core::GroupFigures& group : unit.groups) {
    EXPECT_TRUE(group.suppressed) << group.key;
    EXPECT_FALSE(group.share_with_need.has_value());
  }
  core::GapQuery direct;
  direct.unit = "U-5";
  direct.disclosure = disclosure.get();
  const auto five = core::run_gap_query(*fixture.snapshot, direct).value();
  EXPECT_TRUE(five.suppressed) << "hidden when asked for directly, as when shown as a group";
  EXPECT_FALSE(five.competencies[0].mean_level.has_value());
}


// Issue 12: the attacks on figures that are sums of others, each tried on every cell of the
// demo rounds (unit filter x role filter x gender filter, both bases).
template <typename Visit>
void for_every_cell(const core::GapSnapshot& snapshot, Visit&& visit) {
  const core::UnitTree& tree = snapshot.tree();
  for (int unit = -1; unit < static_cast<int>(tree.size()); ++unit) {
    for (int role = -1; role < static_cast<int>(snapshot.roles()); ++role) {
      for (int gender = -1; gender < 3; ++gender) {
        core::GapQuery query;
        if (unit >= 0) query.unit = tree.unit(static_cast<std::uint32_t>(unit)).code;
        if (role >= 0) query.role = snapshot.role_name(static_cast<std::size_t>(role));
        if (gender >= 0) query.gender = static_cast<core::Gender>(gender);
        visit(query, CellKey{unit, role, gender});
      }
    }
  }
}

// An area's ratings and level sum are sums over its competencies: the area minus its shown
// competencies must never leave anything (in the demo it gave the only systemansvarig of
// KF-KS in 2026 levels 4,4,4,5,4,4 on 6.3-6.8). The headline participation is a mean over
// the competencies: it must be the mean of the shown ones.
TEST(SmallGroupsLeaks, an_area_minus_its_shown_competencies_leaves_nothing) {
  std::vector<std::string> failures;
  std::size_t areas_shown = 0;
  for (const auto& snapshot : demo().snapshots) {
    const auto disclosure = core::GapDisclosure::build(*snapshot, kK);
    for (core::LevelBasis basis : {core::LevelBasis::kAgreed, core::LevelBasis::kSelf}) {
      for_every_cell(*snapshot, [&](core::GapQuery query, const CellKey& key) {
        query.basis = basis;
        query.disclosure = disclosure.get();
        const core::GapReport report = core::run_gap_query(*snapshot, query).value();
        if (report.suppressed) return;
        for (const core::AreaFigures& area : report.areas) {
          if (!area.ratings) continue;
          ++areas_shown;
          std::size_t ratings = 0;
          double level_sum = 0;
          for (const core::CompetencyFigures& competency : report.competencies) {
            if (competency.area != area.code || !competency.rated) continue;
            ratings += *competency.rated;
            level_sum += competency.mean_level.value_or(0) * static_cast<double>(*competency.rated);
          }
          if (ratings != *area.ratings && failures.size() < 20) {
            const double rest = area.mean_level.value_or(0) * static_cast<double>(*area.ratings) - level_sum;
            failures.push_back(snapshot->round().name + " " + name_of(*snapshot, key) + " area " + area.code + ": " +
                               std::to_string(*area.ratings - ratings) + " hidden ratings with level sum " +
                               std::to_string(rest));
          }
        }
        if (report.participation) {
          double sum = 0;
          std::size_t count = 0;
          for (const core::CompetencyFigures& competency : report.competencies) {
            if (!competency.participation) continue;
            sum += *competency.participation;
            ++count;
          }
          const double shown_mean = count > 0 ? sum / static_cast<double>(count) : -1;
          if (std::abs(shown_mean - *report.participation) > 1e-9 && failures.size() < 20) {
            failures.push_back(snapshot->round().name + " " + name_of(*snapshot, key) +
                               ": participation is not the mean of the shown competencies'");
          }
        }
      });
    }
  }
  EXPECT_TRUE(failures.empty()) << join(failures);
  EXPECT_GT(areas_shown, 1000u) << "the test is about something";
}

// basis=agreed minus basis=self on one cell is the managers' adjustments of the people whose
// conversation was held (in the demo, KF-KS / koordinator / M: two people). Wherever both
// bases show a figure, those people must be 0 or >= K.
TEST(SmallGroupsLeaks, agreed_minus_self_never_gives_the_adjustments_of_a_small_group) {
  std::vector<std::string> failures;
  std::size_t compared = 0;
  for (const auto& snapshot : demo().snapshots) {
    const auto disclosure = core::GapDisclosure::build(*snapshot, kK);
    const auto roles = snapshot->role();
    const auto status = snapshot->status();
    for_every_cell(*snapshot, [&](core::GapQuery query, const CellKey& key) {
      query.disclosure = disclosure.get();
      query.basis = core::LevelBasis::kAgreed;
      const core::GapReport agreed = core::run_gap_query(*snapshot, query).value();
      query.basis = core::LevelBasis::kSelf;
      const core::GapReport self = core::run_gap_query(*snapshot, query).value();
      const auto [unit, role, gender] = key;
      std::size_t first = 0, last = snapshot->people();
      if (unit >= 0) std::tie(first, last) = snapshot->people_in_subtree(static_cast<std::uint32_t>(unit));
      auto held_rated = [&](std::optional<std::size_t> competency) {
        std::size_t n = 0;
        for (std::size_t p = first; p < last; ++p) {
          if ((role >= 0 && roles[p] != role) || (gender >= 0 && static_cast<int>(snapshot->gender()[p]) != gender)) continue;
          if (status[p] < core::AssessmentStatus::kConversationHeld) continue;
          bool rated = false;
          for (std::size_t c = 0; c < snapshot->competencies(); ++c) {
            if (competency && c != *competency) continue;
            if (snapshot->expected(roles[p], c) == 0) continue;
            rated = rated || snapshot->levels(core::LevelBasis::kAgreed, c)[p] != 0 ||
                    snapshot->levels(core::LevelBasis::kSelf, c)[p] != 0;
          }
          n += rated ? 1 : 0;
        }
        return n;
      };
      if (agreed.share_with_need && self.share_with_need) {
        ++compared;
        const std::size_t n = held_rated(std::nullopt);
        if (small(n) && failures.size() < 20) {
          failures.push_back(snapshot->round().name + " " + name_of(*snapshot, key) + ": share with need on both bases, " +
                             std::to_string(n) + " people adjusted in conversation");
        }
      }
      for (std::size_t c = 0; c < snapshot->competencies(); ++c) {
        if (!agreed.competencies[c].mean_level || !self.competencies[c].mean_level) continue;
        const std::size_t n = held_rated(c);
        if (small(n) && failures.size() < 20) {
          failures.push_back(snapshot->round().name + " " + name_of(*snapshot, key) + " " + agreed.competencies[c].code +
                             ": agreed minus self is the adjustments of " + std::to_string(n) + " people");
        }
      }
    });
  }
  EXPECT_TRUE(failures.empty()) << join(failures);
  EXPECT_GT(compared, 100u) << "the test is about something";
}


// A department P (a director and five staff) with a unit U: its manager M, M's five reports,
// and one colleague C who reports to the director. M reads M and the five one by one.
struct ManagerAndColleague {
  std::vector<core::Person> people;
  std::shared_ptr<const core::GapSnapshot> snapshot;
};

ManagerAndColleague manager_and_colleague() {
  core::Framework framework;
  framework.id = "f";
  framework.name = "F";
  framework.scale = core::LevelScale{1, 5, {"1", "2", "3", "4", "5"}};
  framework.areas = {core::Area{"1", "Område", "", "", {}, {core::Competency{"1.1", "Delkompetens", "", {}}}}};
  framework.roles = {"medarbetare"};
  framework.profiles["medarbetare"] = {{"1.1", 3}};
  const std::vector<core::Unit> units{{"P", "Avdelningen", "", core::UnitKind::kDepartment},
                                      {"U", "Enheten", "P", core::UnitKind::kUnit}};
  ManagerAndColleague result;
  core::RoundFacts facts;
  auto add = [&](std::string id, std::string unit, std::string manager, std::uint8_t level) {
    core::Person person;
    person.employee_id = std::move(id);
    person.gender = core::Gender::kWoman;
    person.unit_code = std::move(unit);
    person.role = "medarbetare";
    person.manager_id = std::move(manager);
    const auto i = static_cast<std::uint32_t>(result.people.size());
    result.people.push_back(std::move(person));
    facts.statuses.push_back({i, core::AssessmentStatus::kConversationHeld});
    facts.ratings.push_back({i, 0, level, 0});
  };
  add("X", "P", "", 3);
  for (int i = 0; i < 5; ++i) add("S" + std::to_string(i), "P", "X", 3);
  add("M", "U", "X", 4);
  for (int i = 0; i < 5; ++i) add("R" + std::to_string(i), "U", "M", 4);
  add("C", "U", "X", 1);  // the colleague: level 1
  auto tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(units));
  result.snapshot = core::GapSnapshot::build(core::Round{"R", "f", 1, "", "", "", core::RoundState::kClosed}, framework,
                                             tree, result.people, facts);
  return result;
}

TEST(SmallGroupsLeaks, a_manager_cannot_compute_a_colleague_from_the_unit_minus_their_reports) {
  const auto fixture = manager_and_colleague();
  const core::GapSnapshot& snapshot = *fixture.snapshot;
  const auto disclosure = core::GapDisclosure::build(snapshot, kK);
  const auto known = core::GapDisclosure::known_to_manager(snapshot, fixture.people, "M");
  std::size_t known_count = 0;
  for (std::uint8_t k : known) known_count += k;
  EXPECT_EQ(known_count, 6u) << "the manager and the five reports";
  core::GapQuery query;
  query.unit = "U";
  query.disclosure = disclosure.get();
  // The attack with the round's decisions alone: U is shown (seven people), and U's level sum
  // minus the six levels the manager reads one by one is the colleague's level.
  const auto unit = core::run_gap_query(snapshot, query).value();
  ASSERT_FALSE(unit.suppressed);
  const double derived = *unit.competencies[0].mean_level * static_cast<double>(*unit.competencies[0].rated) - 6 * 4;
  EXPECT_NEAR(derived, 1.0, 1e-9) << "the colleague's level, refused when asked for directly";
  // With the reader's decisions, U is hidden from the manager; the department stays shown
  // (the six unknown people of P and C: 7 >= K).
  const auto reader = core::GapDisclosure::build(snapshot, kK, known);
  query.reader = reader.get();
  const auto guarded = core::run_gap_query(snapshot, query).value();
  EXPECT_TRUE(guarded.suppressed);
  EXPECT_FALSE(guarded.competencies[0].mean_level.has_value());
  query.unit = "P";
  query.group_by = core::GroupBy::kUnit;
  const auto department = core::run_gap_query(snapshot, query).value();
  EXPECT_FALSE(department.suppressed);
  ASSERT_EQ(department.groups.size(), 1u);
  EXPECT_TRUE(department.groups[0].suppressed) << "U beside P: P minus U is the director's staff";
  // An observer (no one known) still sees U.
  query.reader = nullptr;
  query.unit = "U";
  query.group_by = core::GroupBy::kNone;
  EXPECT_FALSE(core::run_gap_query(snapshot, query).value().suppressed);
}

}  // namespace
}  // namespace trappa
