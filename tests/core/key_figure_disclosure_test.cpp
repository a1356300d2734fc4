// Small groups in key figures (core/key_figure_disclosure.hpp): which units' sets observers may
// see at a date, and the small cells hidden inside a shown set.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/disclosure/disclosure_audit.hpp"
#include "core/workforce/key_figure_disclosure.hpp"
#include "demo/history.hpp"
#include "demo/organisation.hpp"
#include "core/workforce/key_figures.hpp"

namespace trappa::core {
namespace {

Date date(int year, unsigned month, unsigned day) {
  return Date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
}

struct Staff {
  std::vector<Unit> units{{"D", "Avdelningen", "", UnitKind::kDepartment},
                          {"D-A", "A", "D", UnitKind::kUnit},
                          {"D-B", "B", "D", UnitKind::kUnit}};
  std::vector<Person> people;
  std::vector<Employment> employments;

  // `count` people employed in `unit` from `start` on, born in `birth_year`.
  void hire(std::size_t count, const std::string& unit, Date start, int birth_year = 1980,
            Gender gender = Gender::kWoman, const std::string& position = "handläggare") {
    for (std::size_t i = 0; i < count; ++i) {
      Person person;
      person.employee_id = "E" + std::to_string(1000 + people.size());
      person.name = person.employee_id;
      person.gender = gender;
      person.birth_year = birth_year;
      person.unit_code = unit;
      person.role = "medarbetare";
      employments.push_back(Employment{person.employee_id, start, std::nullopt, EmploymentType::kPermanent, position,
                                       1.0, unit, Route::kExternal, Route::kUnknown, ""});
      people.push_back(std::move(person));
    }
  }
};

const Date kAt = date(2025, 12, 31);
const Date kLongAgo = date(2010, 1, 1);

TEST(KeyFigureSmallGroups, a_department_head_is_not_the_department_minus_its_units) {
  Staff staff;
  staff.hire(1, "D", kLongAgo, 1961);  // the head, alone in the department unit
  staff.hire(10, "D-A", kLongAgo);
  staff.hire(12, "D-B", kLongAgo);
  const UnitTree tree = UnitTree::build(staff.units);
  const auto decision = KeyFigureDisclosure::decide(staff.people, staff.employments, tree, kAt, 5);
  EXPECT_TRUE(decision.published("D"));
  EXPECT_TRUE(decision.published(""));
  EXPECT_FALSE(decision.published("D-A")) << "the smaller unit is hidden, so D minus D-B is 11 people";
  EXPECT_TRUE(decision.published("D-B"));
  EXPECT_FALSE(decision.published("NO-SUCH-UNIT"));
}

TEST(KeyFigureSmallGroups, a_unit_that_was_small_in_an_earlier_year_of_the_tables_is_hidden) {
  Staff staff;
  staff.hire(3, "D-A", kLongAgo);
  staff.hire(7, "D-A", date(2025, 3, 1));  // ten people now, three a year ago
  staff.hire(20, "D-B", kLongAgo);
  staff.hire(6, "D", kLongAgo);
  const UnitTree tree = UnitTree::build(staff.units);
  const auto decision = KeyFigureDisclosure::decide(staff.people, staff.employments, tree, kAt, 5);
  EXPECT_FALSE(decision.published("D-A")) << "the three-year headcount shows 3 people";
  EXPECT_TRUE(decision.published("D-B"));
}

TEST(KeyFigureSmallGroups, small_cells_of_a_shown_set_are_hidden_and_cannot_be_computed_from_the_rest) {
  Staff staff;
  staff.hire(12, "D-B", kLongAgo, 1985, Gender::kWoman, "handläggare");
  staff.hire(6, "D-B", kLongAgo, 1975, Gender::kMan, "handläggare");
  staff.hire(1, "D-B", kLongAgo, 1962, Gender::kMan, "enhetschef");  // the one man over 60; retires in 2027
  staff.hire(5, "D-B", kLongAgo, 1990, Gender::kWoman, "samordnare");
  const UnitTree tree = UnitTree::build(staff.units);
  KeyFigureQuery query;
  query.at = kAt;
  query.unit_code = "D-B";
  KeyFigures figures = compute_key_figures(staff.people, staff.employments, staff.units, query).value();
  ASSERT_EQ(figures.headcount[0].all.total(), 24);
  hide_small_cells(figures, 5);
  const std::size_t men = static_cast<std::size_t>(Gender::kMan);
  const std::size_t women = static_cast<std::size_t>(Gender::kWoman);
  EXPECT_TRUE(figures.hidden.age[4][men]) << "60-: one man";
  // Men: 6 in 50-59, 1 in 60-; the 7 men are shown, so hiding the one alone would not do.
  EXPECT_TRUE(figures.hidden.age[3][men]) << "the rest of the men's row is hidden with it";
  EXPECT_FALSE(figures.hidden.age[2][women]) << "women 40-49: 12 people";
  EXPECT_TRUE(figures.hidden.age_band[4]);
  EXPECT_TRUE(figures.hidden.retirements[1]) << "one retirement in 2027";
  // Positions by FTE: handläggare 18, samordnare 5, enhetschef 1. The one enhetschef is
  // hidden; 24 - 18 - 5 would still give them away, so the smaller shown one goes too.
  ASSERT_EQ(figures.positions.size(), 3u);
  EXPECT_EQ(figures.positions[0].position, "handläggare");
  EXPECT_FALSE(figures.hidden.positions[0][0]);
  EXPECT_TRUE(figures.hidden.positions[1][0]) << figures.positions[1].position;
  EXPECT_TRUE(figures.hidden.positions[2][0]) << figures.positions[2].position;
  EXPECT_TRUE(figures.hidden.any);
}


// Issue 12, leak 4: the age-pyramid cells of every unit whose set an observer reads at the end
// of 2025 in the demo, with the headcounts by gender (always shown), searched together for a
// combination that gives the ages of 1..K-1 people (KF, women 40-49, was the parent's cell
// minus its shown departments). A group that is some units' whole own people of one gender is
// their headcount, shown by design, and not counted. `tree_wide` chooses the hiding: each set
// alone (the old rule) or with the tree's decision.
std::vector<std::string> age_pyramid_leaks(bool tree_wide, Date at) {
  demo::DemoOrganisation organisation = demo::build_demo_organisation(1);
  const std::vector<Employment> employments = demo::add_employment_history(organisation, 1);
  const auto& people = organisation.people;
  const auto& units = organisation.units;
  const UnitTree tree = UnitTree::build(units);
  const std::size_t k = kDefaultMinGroup;
  const auto decision = KeyFigureDisclosure::decide(people, employments, tree, at, k);
  const std::size_t n = tree.size();
  std::vector<KeyFigures> figures(n);
  for (std::uint32_t u = 0; u < n; ++u) {
    KeyFigureQuery query;
    query.at = at;
    query.unit_code = tree.unit(u).code;
    figures[u] = compute_key_figures(people, employments, units, query).value();
  }
  std::vector<KeyFigures> shown(n);
  for (std::uint32_t u = 0; u < n; ++u) {
    shown[u] = figures[u];
    if (tree_wide) {
      hide_small_cells(shown[u], decision);
    } else {
      hide_small_cells(shown[u], k);
    }
  }
  std::vector<std::string> leaks;
  // The direct attack: a shown cell minus the same cell of its units below whose sets show it.
  for (std::uint32_t u = 0; u < n; ++u) {
    if (!decision.published(tree.unit(u).code)) continue;
    for (std::size_t b = 0; b < 5; ++b) {
      for (std::size_t g = 0; g < 3; ++g) {
        if (shown[u].hidden.age[b][g]) continue;
        long long rest = figures[u].age.bands[b].people.by_gender[g];
        for (std::uint32_t child : tree.children(u)) {
          if (decision.published(tree.unit(child).code) && !shown[child].hidden.age[b][g]) {
            rest -= figures[child].age.bands[b].people.by_gender[g];
          }
        }
        if (rest >= 1 && rest < static_cast<long long>(k)) {
          leaks.push_back(tree.unit(u).code + " band " + std::string(figures[u].age.bands[b].label) + " gender " +
                          std::to_string(g) + " minus its units: " + std::to_string(rest) + " people");
        }
      }
    }
  }
  for (std::size_t g = 0; g < 3; ++g) {
    // Atoms: (unit, band) of the unit's own people of gender g.
    DisclosureAuditInput input;
    input.atoms = n * 5;
    input.min_group = k;
    input.weights.assign(1, std::vector<std::uint32_t>(input.atoms, 0));
    for (std::uint32_t u = 0; u < n; ++u) {
      for (std::size_t b = 0; b < 5; ++b) {
        long long own = figures[u].age.bands[b].people.by_gender[g];
        for (std::uint32_t child : tree.children(u)) own -= figures[child].age.bands[b].people.by_gender[g];
        input.weights[0][u * 5 + b] = static_cast<std::uint32_t>(own);
      }
    }
    for (std::uint32_t u = 0; u < n; ++u) {
      if (!decision.published(tree.unit(u).code)) continue;
      for (std::size_t b = 0; b <= 5; ++b) {  // 5: the headcount of the gender
        if (b < 5 && shown[u].hidden.age[b][g]) continue;
        std::vector<std::uint32_t> atoms;
        for (std::uint32_t v = u; v < tree.subtree_end(u); ++v) {
          for (std::size_t c = 0; c < 5; ++c) {
            if (b == 5 || c == b) atoms.push_back(static_cast<std::uint32_t>(v * 5 + c));
          }
        }
        input.cells.push_back(std::move(atoms));
      }
    }
    for (const DisclosedGroup& group : find_disclosed_groups(input, 1000)) {
      bool whole = true;
      std::string text;
      for (std::uint32_t atom : group.atoms) {
        text += " " + tree.unit(atom / 5).code + "/" + std::to_string(atom % 5);
        for (std::uint32_t other = atom / 5 * 5; other < atom / 5 * 5 + 5; ++other) {
          whole = whole && (input.weights[0][other] == 0 || std::ranges::find(group.atoms, other) != group.atoms.end());
        }
      }
      if (!whole) leaks.push_back("gender " + std::to_string(g) + ": " + std::to_string(group.weight) + " people in" + text);
    }
  }
  return leaks;
}

TEST(KeyFigureDisclosure, each_set_decided_alone_lets_a_parent_minus_its_departments_give_small_age_cells) {
  const auto leaks = age_pyramid_leaks(false, date(2026, 12, 3));
  // At 2026-12-03: KF's women under 30 minus its departments' are three people.
  bool kf = false;
  for (const std::string& leak : leaks) kf = kf || leak.starts_with("KF band ");
  EXPECT_TRUE(kf) << "a parent minus its departments";
}

TEST(KeyFigureDisclosure, the_tree_wide_age_decision_leaves_no_small_age_cell_computable) {
  for (const Date at : {date(2025, 12, 31), date(2026, 12, 3)}) {
    for (const std::string& leak : age_pyramid_leaks(true, at)) ADD_FAILURE() << leak;
  }
}

// What the tree-wide age decision costs in the demo (docs/security.md): the share of the
// non-empty age-pyramid cells of the sets an observer reads that are shown, per set alone
// and tree-wide. Printed for the record.
TEST(KeyFigureDisclosure, the_share_of_the_demos_age_cells_shown) {
  demo::DemoOrganisation organisation = demo::build_demo_organisation(1);
  const std::vector<Employment> employments = demo::add_employment_history(organisation, 1);
  const UnitTree tree = UnitTree::build(organisation.units);
  for (const Date at : {date(2025, 12, 31), date(2026, 12, 3)}) {
    const auto decision = KeyFigureDisclosure::decide(organisation.people, employments, tree, at, kDefaultMinGroup);
    std::size_t cells = 0, alone = 0, tree_wide = 0;
    for (std::uint32_t u = 0; u < tree.size(); ++u) {
      if (!decision.published(tree.unit(u).code)) continue;
      KeyFigureQuery query;
      query.at = at;
      query.unit_code = tree.unit(u).code;
      const KeyFigures figures = compute_key_figures(organisation.people, employments, organisation.units, query).value();
      KeyFigures per_set = figures, whole = figures;
      hide_small_cells(per_set, kDefaultMinGroup);
      hide_small_cells(whole, decision);
      for (std::size_t b = 0; b < 5; ++b) {
        for (std::size_t g = 0; g < 3; ++g) {
          if (figures.age.bands[b].people.by_gender[g] == 0) continue;
          ++cells;
          alone += per_set.hidden.age[b][g] ? 0 : 1;
          tree_wide += whole.hidden.age[b][g] ? 0 : 1;
        }
      }
    }
    std::printf("age cells at %s: %zu non-empty, shown per set alone %zu (%.1f %%), tree-wide %zu (%.1f %%)\n",
                to_iso(at).c_str(), cells, alone, 100.0 * static_cast<double>(alone) / static_cast<double>(cells),
                tree_wide, 100.0 * static_cast<double>(tree_wide) / static_cast<double>(cells));
    EXPECT_LE(tree_wide, alone) << "the tree-wide decision only hides more";
  }
}
}  // namespace
}  // namespace trappa::core
