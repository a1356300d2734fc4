// Participants and hours of issue 16 on a case worked out by hand. Units: ROOT with U1 and U2.
// People: E1 (K, U1), E2 (M, U2), E3 (K, U2). Activities: A (3 h, 1.1 → area 1), B (2 h, 1.1
// and 2.1 → areas 1 and 2). Rows: E1 attended A in March (3 h) and B in April (1.5 h given),
// E2 did not show up for A in March and registered for B in June, E3 attended B in May (2 h)
// and A on 31 December 2024, outside the period 2025.
#include "core/learning/learning_stats.hpp"

#include <gtest/gtest.h>

#include "learning_fixture.hpp"

namespace trappa::core {
namespace {

using testing::activity;
using testing::day;
using testing::row;

class LearningStatsCase : public ::testing::Test {
 protected:
  LearningStatsCase()
      : tree(UnitTree::build({{"ROOT", "Staden", "", UnitKind::kCity},
                              {"U1", "Enhet 1", "ROOT", UnitKind::kUnit},
                              {"U2", "Enhet 2", "ROOT", UnitKind::kUnit}})) {
    people = {person("E1", Gender::kWoman, "U1"), person("E2", Gender::kMan, "U2"), person("E3", Gender::kWoman, "U2")};
    activities = {activity("A", {"1.1"}, 1, 2, 3), activity("B", {"1.1", "2.1"}, 1, 2, 2)};
    activities[1].format = ActivityFormat::kELearning;
    rows = {row("E1", "A", "2025-03-01", ParticipationStatus::kAttended),
            row("E1", "B", "2025-04-01", ParticipationStatus::kAttended, 1.5),
            row("E2", "A", "2025-03-01", ParticipationStatus::kNoShow),
            row("E3", "B", "2025-05-01", ParticipationStatus::kAttended),
            row("E3", "A", "2024-12-31", ParticipationStatus::kAttended),
            row("E2", "B", "2025-06-01", ParticipationStatus::kRegistered)};
    query.from = day("2025-01-01");
    query.to = day("2025-12-31");
  }
  static Person person(const char* id, Gender gender, const char* unit) {
    Person made;
    made.employee_id = id;
    made.name = id;
    made.gender = gender;
    made.unit_code = unit;
    made.role = "medarbetare";
    return made;
  }
  LearningStats run() {
    auto stats = compute_learning_stats(people, tree, activities, {testing::learning_framework()}, rows, query);
    EXPECT_TRUE(stats.has_value());
    return *stats;
  }
  static const LearningFigures& group(const LearningStats& stats, const std::string& key) {
    for (const LearningFigures& figures : stats.groups) {
      if (figures.key == key) return figures;
    }
    ADD_FAILURE() << "no group " << key;
    return stats.total;
  }

  UnitTree tree;
  std::vector<Person> people;
  std::vector<LearningActivity> activities;
  std::vector<Participation> rows;
  LearningStatsQuery query;
};

TEST_F(LearningStatsCase, counts_distinct_participants_and_their_credited_hours_in_the_period) {
  const LearningStats stats = run();
  EXPECT_EQ(stats.total.participants, 2U);  // E1 and E3; E3's row of 2024 is outside
  EXPECT_EQ(stats.total.participants_by_gender, (std::array<std::size_t, 3>{2, 0, 0}));
  EXPECT_DOUBLE_EQ(stats.total.hours, 6.5);  // 3 + 1.5 + 2
  EXPECT_DOUBLE_EQ(*stats.total.hours_per_participant, 3.25);
  EXPECT_EQ(stats.total.registrations, (std::array<std::size_t, 4>{1, 3, 1, 0}));
  EXPECT_FALSE(stats.met.has_value());
  EXPECT_TRUE(stats.groups.empty());
}

TEST_F(LearningStatsCase, targets_are_met_only_when_both_are_reached) {
  query.targets = {2, 3};
  EXPECT_EQ(run().met, std::optional<bool>(true));
  query.targets = {2, 4};
  EXPECT_EQ(run().met, std::optional<bool>(false));
  query.targets = {3, std::nullopt};
  EXPECT_EQ(run().met, std::optional<bool>(false));
}

TEST_F(LearningStatsCase, by_gender_a_group_without_participants_has_no_hours_per_participant) {
  query.by = LearningGrouping::kGender;
  const LearningStats stats = run();
  ASSERT_EQ(stats.groups.size(), 2U);
  EXPECT_EQ(group(stats, "K").participants, 2U);
  EXPECT_DOUBLE_EQ(group(stats, "K").hours, 6.5);
  EXPECT_EQ(group(stats, "M").participants, 0U);
  EXPECT_FALSE(group(stats, "M").hours_per_participant.has_value());
  EXPECT_EQ(group(stats, "M").registrations, (std::array<std::size_t, 4>{1, 0, 1, 0}));
}

TEST_F(LearningStatsCase, by_area_an_activity_counts_in_every_area_of_its_competencies) {
  query.by = LearningGrouping::kArea;
  const LearningStats stats = run();
  EXPECT_EQ(group(stats, "1").name, "Information");
  EXPECT_EQ(group(stats, "1").participants, 2U);
  EXPECT_DOUBLE_EQ(group(stats, "1").hours, 6.5);
  EXPECT_EQ(group(stats, "2").participants, 2U);
  EXPECT_DOUBLE_EQ(group(stats, "2").hours, 3.5);  // B only: 1.5 + 2
}

TEST_F(LearningStatsCase, by_unit_gives_the_children_of_the_selected_unit_in_tree_order) {
  query.unit = "ROOT";
  query.by = LearningGrouping::kUnit;
  const LearningStats stats = run();
  ASSERT_EQ(stats.groups.size(), 2U);
  EXPECT_EQ(stats.groups[0].key, "U1");
  EXPECT_DOUBLE_EQ(stats.groups[0].hours, 4.5);
  EXPECT_EQ(stats.groups[1].key, "U2");
  EXPECT_EQ(stats.groups[1].participants, 1U);
  EXPECT_EQ(stats.groups[1].registrations, (std::array<std::size_t, 4>{1, 1, 1, 0}));
  query.unit = "U2";
  query.by = LearningGrouping::kNone;
  EXPECT_DOUBLE_EQ(run().total.hours, 2);
}

TEST_F(LearningStatsCase, by_month_activity_and_format) {
  query.by = LearningGrouping::kMonth;
  LearningStats stats = run();
  ASSERT_EQ(stats.groups.size(), 4U);
  EXPECT_EQ(stats.groups[0].key, "2025-03");
  EXPECT_EQ(stats.groups[0].participants, 1U);
  EXPECT_EQ(stats.groups[3].key, "2025-06");
  EXPECT_EQ(stats.groups[3].participants, 0U);
  query.by = LearningGrouping::kActivity;
  stats = run();
  EXPECT_EQ(group(stats, "A").name, "Aktivitet A");
  EXPECT_DOUBLE_EQ(group(stats, "A").hours, 3);
  query.by = LearningGrouping::kFormat;
  stats = run();
  EXPECT_DOUBLE_EQ(group(stats, "e-lärande").hours, 3.5);
  EXPECT_DOUBLE_EQ(group(stats, "workshop").hours, 3);
}

TEST_F(LearningStatsCase, an_unknown_unit_or_a_reversed_period_is_refused) {
  query.unit = "NOPE";
  EXPECT_EQ(compute_learning_stats(people, tree, activities, {}, rows, query).error().kind, ErrorKind::kNotFound);
  query.unit.reset();
  query.to = day("2024-01-01");
  EXPECT_EQ(compute_learning_stats(people, tree, activities, {}, rows, query).error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace trappa::core
