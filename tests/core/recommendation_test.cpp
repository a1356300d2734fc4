// The recommendation rule of issue 16 on a person worked out by hand (tests/core/learning_fixture.hpp):
// levels 1.1 = 1 (self), 1.2 = 2 (agreed; self 4), 2.1 = 2 (no need), 2.2 = 1 (self) against
// the expected 3, 4, 2, 3. Catalogue: BAS raises 1.1 and 1.2 from 1 to 2 in 2 h, ADV raises
// 1.1 from 2 to 3 in 1 h, MID raises 1.2 from 2 to 4 in 4 h; nothing raises 2.2.
#include "core/learning/recommendation.hpp"

#include <gtest/gtest.h>

#include "learning_fixture.hpp"

namespace trappa::core {
namespace {

using testing::activity;
using testing::day;
using testing::row;

class Recommend : public ::testing::Test {
 protected:
  Recommend() {
    person.employee_id = "E1";
    person.role = "medarbetare";
    assessment.round = "2026";
    assessment.employee_id = "E1";
    assessment.ratings = {{"1.1", 1, std::nullopt, "", ""},
                          {"1.2", 4, 2, "M1", "2026-03-01T10:00:00Z"},
                          {"2.1", 2, std::nullopt, "", ""},
                          {"2.2", 1, std::nullopt, "", ""}};
    catalogue = {activity("BAS", {"1.1", "1.2"}, 1, 2, 2), activity("ADV", {"1.1"}, 2, 3, 1),
                 activity("MID", {"1.2"}, 2, 4, 4)};
  }
  RecommendationList run(std::optional<double> budget) {
    std::vector<Participation> own;
    for (const Participation& row : participation) {
      if (row.employee_id == person.employee_id) own.push_back(row);
    }
    return recommend(person, &assessment, framework, catalogue, places_taken(catalogue, participation), own,
                     day("2026-06-01"), budget);
  }
  static std::vector<std::string> picked(const RecommendationList& list) {
    std::vector<std::string> codes;
    for (const Recommendation& recommendation : list.recommendations) codes.push_back(recommendation.activity);
    return codes;
  }

  Framework framework = testing::learning_framework();
  Person person;
  Assessment assessment;
  std::vector<LearningActivity> catalogue;
  std::vector<Participation> participation;
};

TEST_F(Recommend, needs_use_the_agreed_level_before_the_self_level) {
  const RecommendationList list = run(std::nullopt);
  const std::vector<LearningNeed> expected{{"1.1", 1, 3}, {"1.2", 2, 4}, {"2.2", 1, 3}};
  EXPECT_EQ(list.needs, expected);
}

TEST_F(Recommend, without_a_budget_chains_a_basic_then_an_advanced_activity) {
  const RecommendationList list = run(std::nullopt);
  // MID and BAS both gain 0.5 a step per hour; MID gains more (2 against 1) and goes first.
  // BAS then raises 1.1 to 2, which lets ADV raise it to 3.
  EXPECT_EQ(picked(list), (std::vector<std::string>{"MID", "BAS", "ADV"}));
  EXPECT_EQ(list.recommendations[0].closes, (std::vector<ClosedSteps>{{"1.2", 2, 4}}));
  EXPECT_EQ(list.recommendations[1].closes, (std::vector<ClosedSteps>{{"1.1", 1, 2}}));
  EXPECT_EQ(list.recommendations[1].gain, 1);
  EXPECT_EQ(list.recommendations[2].closes, (std::vector<ClosedSteps>{{"1.1", 2, 3}}));
  EXPECT_DOUBLE_EQ(list.total_hours, 7);
  EXPECT_EQ(list.steps_closed, 4);
  EXPECT_EQ(list.steps_open, 2);  // 2.2: 3 − 1
  EXPECT_EQ(list.uncovered, (std::vector<std::string>{"2.2"}));
}

TEST_F(Recommend, an_activity_that_exactly_uses_up_the_budget_still_fits) {
  const RecommendationList list = run(3);
  EXPECT_EQ(picked(list), (std::vector<std::string>{"BAS", "ADV"}));  // MID's 4 h do not fit
  EXPECT_DOUBLE_EQ(list.total_hours, 3);
  EXPECT_EQ(list.steps_closed, 2);
  EXPECT_EQ(list.steps_open, 4);  // 1.2: 4 − 2, 2.2: 3 − 1
}

TEST_F(Recommend, a_budget_just_short_of_the_next_activity_stops_the_chain) {
  const RecommendationList list = run(2.5);
  EXPECT_EQ(picked(list), (std::vector<std::string>{"BAS"}));
  EXPECT_EQ(list.steps_open, 5);
  EXPECT_EQ(run(0).recommendations.size(), 0U);
}

TEST_F(Recommend, equal_gain_and_hours_go_to_the_lower_code) {
  catalogue = {activity("Z-1", {"2.2"}, 1, 3, 2), activity("A-9", {"2.2"}, 1, 3, 2)};
  EXPECT_EQ(picked(run(std::nullopt)), (std::vector<std::string>{"A-9"}));  // then Z-1 gains nothing
}

TEST_F(Recommend, equal_gain_per_hour_goes_to_the_higher_gain) {
  // 2 steps in 2 h against 1 step in 1 h. (Fewer hours can only decide between equal gains per
  // hour with unequal gains, which the gain has decided already.)
  catalogue = {activity("ONE", {"2.2"}, 1, 2, 1), activity("TWO", {"2.2"}, 1, 3, 2)};
  EXPECT_EQ(picked(run(std::nullopt)), (std::vector<std::string>{"TWO"}));
}

TEST_F(Recommend, full_activities_other_roles_and_the_persons_own_rows_are_not_candidates) {
  catalogue = {activity("FULL", {"2.2"}, 1, 3, 1), activity("CHEF", {"2.2"}, 1, 3, 1),
               activity("OWN", {"2.2"}, 1, 3, 1), activity("SHUT", {"2.2"}, 1, 3, 1),
               activity("OVER", {"2.2"}, 1, 3, 1), activity("OPEN", {"2.2"}, 1, 3, 8)};
  catalogue[0].capacity = 1;
  catalogue[1].audience_roles = {"chef"};
  catalogue[3].status = ActivityStatus::kClosed;
  catalogue[4].ends = day("2026-05-31");
  participation = {row("E2", "FULL", "2026-05-01", ParticipationStatus::kRegistered),
                   row("E1", "OWN", "2026-05-01", ParticipationStatus::kCancelled)};
  EXPECT_EQ(picked(run(std::nullopt)), (std::vector<std::string>{"OPEN"}));
  // A cancelled row frees its place.
  participation[0].status = ParticipationStatus::kCancelled;
  EXPECT_EQ(picked(run(std::nullopt)), (std::vector<std::string>{"FULL"}));
}

TEST_F(Recommend, a_person_without_needs_gets_nothing) {
  assessment.ratings = {{"1.1", 3, std::nullopt, "", ""}, {"1.2", 5, std::nullopt, "", ""}};
  const RecommendationList list = run(10);
  EXPECT_TRUE(list.needs.empty());
  EXPECT_TRUE(list.recommendations.empty());
  EXPECT_EQ(list.steps_open, 0);
  EXPECT_TRUE(list.uncovered.empty());
  EXPECT_TRUE(recommend(person, nullptr, framework, catalogue, {}, {}, day("2026-06-01"), 10).needs.empty());
}

TEST_F(Recommend, a_need_below_every_activitys_entry_level_is_uncovered) {
  catalogue = {activity("ADV", {"1.1"}, 2, 3, 1)};
  const RecommendationList list = run(std::nullopt);
  EXPECT_TRUE(list.recommendations.empty());
  EXPECT_EQ(list.uncovered, (std::vector<std::string>{"1.1", "1.2", "2.2"}));
}

}  // namespace
}  // namespace trappa::core
