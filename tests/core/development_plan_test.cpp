// Development plans (core/learning/development_plan.hpp): validation reasons, the draft →
// agreed transition, follow-ups and when the assessment reaches followed_up.
#include "core/learning/development_plan.hpp"

#include <gtest/gtest.h>

#include "learning_fixture.hpp"

namespace trappa::core {
namespace {

using testing::day;

const std::vector<std::string> kCatalogue{"BAS", "ADV"};

PlanContent content() {
  return PlanContent{{{"1.1", 3, day("2026-06-30")}, {"2.2", 2, day("2026-12-31")}}, {"BAS"}, "Börja med grunderna."};
}

DevelopmentPlan draft() {
  auto plan = edit_plan(std::nullopt, "P1", "2025", "P1", content(), testing::learning_framework(), kCatalogue);
  EXPECT_TRUE(plan.has_value());
  return *plan;
}

TEST(DevelopmentPlan, CodesRoundTrip) {
  EXPECT_EQ(to_code(PlanState::kAgreed), "agreed");
  EXPECT_EQ(parse_plan_state("DRAFT"), PlanState::kDraft);
  EXPECT_EQ(parse_plan_state("signed"), std::nullopt);
  EXPECT_EQ(to_code(GoalProgress::kInProgress), "in_progress");
  EXPECT_EQ(parse_goal_progress("done"), GoalProgress::kDone);
  EXPECT_EQ(parse_goal_progress("half"), std::nullopt);
}

TEST(DevelopmentPlan, NewDraftKeepsWhoProposedIt) {
  const DevelopmentPlan plan = draft();
  EXPECT_EQ(plan.employee_id, "P1");
  EXPECT_EQ(plan.round, "2025");
  EXPECT_EQ(plan.proposed_by, "P1");
  EXPECT_EQ(plan.state, PlanState::kDraft);
  EXPECT_EQ(plan.goals.size(), 2U);
  EXPECT_EQ(plan.activities, std::vector<std::string>{"BAS"});
  // The manager's later edit keeps the person as proposer.
  PlanContent changed = content();
  changed.note = "Chefens ändring";
  auto edited = edit_plan(plan, "P1", "2025", "M1", changed, testing::learning_framework(), kCatalogue);
  ASSERT_TRUE(edited.has_value());
  EXPECT_EQ(edited->proposed_by, "P1");
  EXPECT_EQ(edited->note, "Chefens ändring");
}

TEST(DevelopmentPlan, ValidationNamesEveryProblem) {
  PlanContent bad;
  bad.goals = {{"9.9", 3, day("2026-01-01")},
               {"1.1", 6, day("2026-01-01")},
               {"1.1", 2, day("2026-01-01")},
               {"1.2", 2, Date{std::chrono::year{2026}, std::chrono::month{2}, std::chrono::day{30}}}};
  bad.activities = {"BAS", "NONE", "BAS"};
  bad.note = std::string(kMaxPlanNote + 1, 'x');
  auto result = edit_plan(std::nullopt, "P1", "2025", "P1", bad, testing::learning_framework(), kCatalogue);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  const std::vector<Problem> expected{
      {"goals[0].competency", "'9.9' is not a competency of framework 'fw'"},
      {"goals[1].target_level", "must be a level from 1 to 5"},
      {"goals[2].competency", "'1.1' has a goal already"},
      {"goals[3].target_date", "is not a date (YYYY-MM-DD)"},
      {"activities[1]", "'NONE' is not an activity of the catalogue"},
      {"activities[2]", "'BAS' is chosen already"},
      {"note", "at most 2000 characters"},
  };
  EXPECT_EQ(result.error().problems, expected);
}

TEST(DevelopmentPlan, ManagerAgreesAndThePlanLocks) {
  const DevelopmentPlan plan = draft();
  auto own = agree_plan(plan, PlanEditor::kPerson, "P1", "2026-03-01T10:00:00Z");
  ASSERT_FALSE(own.has_value());
  EXPECT_EQ(own.error().kind, ErrorKind::kForbidden);
  auto self_review = agree_plan(plan, PlanEditor::kReviewer, "P1", "2026-03-01T10:00:00Z");
  ASSERT_FALSE(self_review.has_value());
  EXPECT_EQ(self_review.error().kind, ErrorKind::kForbidden);

  auto agreed = agree_plan(plan, PlanEditor::kReviewer, "M1", "2026-03-01T10:00:00Z");
  ASSERT_TRUE(agreed.has_value());
  EXPECT_EQ(agreed->state, PlanState::kAgreed);
  EXPECT_EQ(agreed->agreed_by, "M1");
  EXPECT_EQ(agreed->agreed_at, "2026-03-01T10:00:00Z");

  auto again = agree_plan(*agreed, PlanEditor::kReviewer, "M1", "2026-03-02T10:00:00Z");
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  auto edited = edit_plan(*agreed, "P1", "2025", "P1", content(), testing::learning_framework(), kCatalogue);
  ASSERT_FALSE(edited.has_value());
  EXPECT_EQ(edited.error().kind, ErrorKind::kConflict);
}

TEST(DevelopmentPlan, APlanWithoutGoalsIsNotAgreed) {
  auto empty = edit_plan(std::nullopt, "P1", "2025", "M1", PlanContent{}, testing::learning_framework(), kCatalogue);
  ASSERT_TRUE(empty.has_value());
  auto agreed = agree_plan(*empty, PlanEditor::kReviewer, "M1", "2026-03-01T10:00:00Z");
  ASSERT_FALSE(agreed.has_value());
  EXPECT_EQ(agreed.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(agreed.error().problems, (std::vector<Problem>{{"goals", "a plan needs at least one goal"}}));
}

TEST(DevelopmentPlan, FollowUpsOfAnAgreedPlanReachFollowedUp) {
  const DevelopmentPlan plan = draft();
  EXPECT_FALSE(reaches_followed_up(plan));
  auto on_draft = add_follow_up(plan, PlanEditor::kReviewer, {day("2026-04-01"), GoalProgress::kInProgress, "", "M1"});
  ASSERT_FALSE(on_draft.has_value());
  EXPECT_EQ(on_draft.error().kind, ErrorKind::kConflict);

  auto agreed = agree_plan(plan, PlanEditor::kReviewer, "M1", "2026-03-01T10:00:00Z");
  ASSERT_TRUE(agreed.has_value());
  EXPECT_FALSE(reaches_followed_up(*agreed));
  EXPECT_EQ(current_progress(*agreed), GoalProgress::kNotStarted);
  auto by_person = add_follow_up(*agreed, PlanEditor::kPerson, {day("2026-04-01"), GoalProgress::kDone, "", "P1"});
  ASSERT_FALSE(by_person.has_value());
  EXPECT_EQ(by_person.error().kind, ErrorKind::kForbidden);

  auto later = add_follow_up(*agreed, PlanEditor::kReviewer, {day("2026-09-01"), GoalProgress::kDone, "Klart", "M1"});
  ASSERT_TRUE(later.has_value());
  auto earlier = add_follow_up(*later, PlanEditor::kReviewer, {day("2026-05-01"), GoalProgress::kInProgress, "", "M1"});
  ASSERT_TRUE(earlier.has_value());
  ASSERT_EQ(earlier->follow_ups.size(), 2U);
  EXPECT_EQ(earlier->follow_ups[0].date, day("2026-05-01"));
  EXPECT_EQ(current_progress(*earlier), GoalProgress::kDone);
  EXPECT_TRUE(reaches_followed_up(*earlier));

  auto too_long = add_follow_up(*agreed, PlanEditor::kReviewer,
                                {day("2026-04-01"), GoalProgress::kDone, std::string(kMaxFollowUpComment + 1, 'x'), "M1"});
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().problems, (std::vector<Problem>{{"comment", "at most 2000 characters"}}));
}

}  // namespace
}  // namespace trappa::core
