// The ESF participant list (core/learning/participant_list.hpp) on a case worked out by hand.
// Units: ROOT with U1 and U2. People: E1 (K, U1), E2 (M, U2). Activities A (3 h), B (2 h).
#include "core/learning/participant_list.hpp"

#include <gtest/gtest.h>

#include "learning_fixture.hpp"

namespace trappa::core {
namespace {

using testing::activity;
using testing::day;
using testing::row;

class ParticipantListCase : public ::testing::Test {
 protected:
  ParticipantListCase()
      : tree(UnitTree::build({{"ROOT", "Staden", "", UnitKind::kCity},
                              {"U1", "Enhet 1", "ROOT", UnitKind::kUnit},
                              {"U2", "Enhet 2", "ROOT", UnitKind::kUnit}})) {
    people = {person("E1", "Anna", Gender::kWoman, "U1"), person("E2", "Bo", Gender::kMan, "U2")};
    activities = {activity("A", {"1.1"}, 1, 2, 3), activity("B", {"1.1"}, 1, 2, 2)};
    rows = {row("E1", "A", "2025-03-01", ParticipationStatus::kAttended),
            row("E1", "B", "2025-02-01", ParticipationStatus::kAttended, 1.5),
            row("E2", "A", "2025-03-01", ParticipationStatus::kNoShow),
            row("E2", "B", "2025-04-01", ParticipationStatus::kAttended),
            row("E2", "C", "2025-04-01", ParticipationStatus::kAttended),   // unknown activity
            row("E9", "A", "2025-04-01", ParticipationStatus::kAttended),   // unknown person
            row("E1", "C", "2024-12-31", ParticipationStatus::kAttended)};
  }
  static Person person(const char* id, const char* name, Gender gender, const char* unit) {
    Person made;
    made.employee_id = id;
    made.name = name;
    made.gender = gender;
    made.unit_code = unit;
    return made;
  }
  UnitTree tree;
  std::vector<Person> people;
  std::vector<LearningActivity> activities;
  std::vector<Participation> rows;
};

TEST_F(ParticipantListCase, lists_attended_rows_of_the_period_by_date_with_credited_hours) {
  auto list = participant_list(people, tree, activities, rows, day("2025-01-01"), day("2025-12-31"), std::nullopt);
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 3U);
  EXPECT_EQ((*list)[0], (ParticipantListRow{"E1", "Anna", Gender::kWoman, "U1", "Enhet 1", "B", "Aktivitet B",
                                            day("2025-02-01"), 1.5}));
  EXPECT_EQ((*list)[1].activity, "A");
  EXPECT_DOUBLE_EQ((*list)[1].hours, 3);  // the activity's hours
  EXPECT_EQ((*list)[2], (ParticipantListRow{"E2", "Bo", Gender::kMan, "U2", "Enhet 2", "B", "Aktivitet B",
                                            day("2025-04-01"), 2}));
}

TEST_F(ParticipantListCase, keeps_a_units_subtree) {
  auto list = participant_list(people, tree, activities, rows, day("2025-01-01"), day("2025-12-31"), "U2");
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 1U);
  EXPECT_EQ((*list)[0].employee_id, "E2");
}

TEST_F(ParticipantListCase, refuses_a_reversed_period_and_an_unknown_unit) {
  auto reversed = participant_list(people, tree, activities, rows, day("2025-12-31"), day("2025-01-01"), std::nullopt);
  ASSERT_FALSE(reversed.has_value());
  EXPECT_EQ(reversed.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(reversed.error().problems.at(0).where, "to");
  auto unknown = participant_list(people, tree, activities, rows, day("2025-01-01"), day("2025-12-31"), "NONE");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace trappa::core
