// Small groups in key figures (core/key_figure_disclosure.hpp): which units' sets observers may
// see at a date, and the small cells hidden inside a shown set.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/workforce/key_figure_disclosure.hpp"
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

}  // namespace
}  // namespace trappa::core
