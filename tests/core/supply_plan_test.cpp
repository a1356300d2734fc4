// The supply plan's rules (core/supply_plan/supply_plan.hpp): the indicator state exactly as
// issue 19 defines it, the status derived from the dates, the checkpoint windows, carry-over
// and the plan's own consistency with JSON paths.
#include <gtest/gtest.h>

#include "core/supply_plan/supply_plan.hpp"

namespace trappa::core::supply {
namespace {

Date day(int y, unsigned m, unsigned d) { return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)}; }

SupplyPlan plan_2025_2027() {
  SupplyPlan plan;
  plan.id = "KF-2025-2027";
  plan.unit = "KF";
  plan.period_from = 2025;
  plan.period_to = 2027;
  Activity activity;
  activity.code = "A1";
  activity.title = "Mentorskap";
  activity.target_date = day(2026, 12, 31);
  plan.goals.push_back({"Mål", {activity}});
  return plan;
}

TEST(SupplyPlanIndicatorState, green_when_progress_reaches_the_elapsed_share_yellow_at_half_red_below) {
  const Indicator lower_is_better{"gap.area_need_share", {}, 0.31, 0.2};
  // p = (0.27 − 0.31) / (0.2 − 0.31) = 0.3636…
  EXPECT_EQ(indicator_state(lower_is_better, 0.27, 0.36), IndicatorState::kGreen);
  EXPECT_EQ(indicator_state(lower_is_better, 0.27, 0.5), IndicatorState::kYellow);
  EXPECT_EQ(indicator_state(lower_is_better, 0.27, 0.7272), IndicatorState::kYellow);
  EXPECT_EQ(indicator_state(lower_is_better, 0.27, 0.73), IndicatorState::kRed);
  const Indicator higher_is_better{"learning.participants", {}, 100, 200};
  EXPECT_EQ(indicator_state(higher_is_better, 150, 0.5), IndicatorState::kGreen);  // p = s exactly
  EXPECT_EQ(indicator_state(higher_is_better, 125, 0.5), IndicatorState::kYellow);  // p = s/2 exactly
  EXPECT_EQ(indicator_state(higher_is_better, 90, 0.1), IndicatorState::kRed);     // backwards
  EXPECT_FALSE(indicator_state(Indicator{"series", {}, 1, 1}, 1, 0.5).has_value());
}

TEST(SupplyPlanIndicatorState, the_elapsed_share_runs_over_the_whole_period) {
  const SupplyPlan plan = plan_2025_2027();
  EXPECT_EQ(elapsed_share(plan, day(2024, 6, 1)), 0.0);
  EXPECT_EQ(elapsed_share(plan, day(2025, 1, 1)), 0.0);
  EXPECT_NEAR(elapsed_share(plan, day(2026, 7, 2)), 0.5, 0.001);
  EXPECT_EQ(elapsed_share(plan, day(2028, 1, 1)), 1.0);
}

TEST(SupplyPlanStatus, derived_from_the_dates_unless_set_by_hand) {
  SupplyPlan plan = plan_2025_2027();
  Activity& activity = plan.goals[0].activities[0];
  activity.start_date = day(2025, 9, 1);
  EXPECT_EQ(shown_status(plan, activity, day(2025, 8, 31)), ShownStatus::kPlanned);
  EXPECT_EQ(shown_status(plan, activity, day(2025, 9, 1)), ShownStatus::kOngoing);
  EXPECT_EQ(shown_status(plan, activity, day(2026, 11, 30)), ShownStatus::kOngoing);  // 31 days before
  EXPECT_EQ(shown_status(plan, activity, day(2026, 12, 1)), ShownStatus::kAtRisk);    // 30 days before
  EXPECT_EQ(shown_status(plan, activity, day(2026, 12, 31)), ShownStatus::kAtRisk);
  EXPECT_EQ(shown_status(plan, activity, day(2027, 1, 1)), ShownStatus::kDelayed);
  activity.status = ActivityStatus::kDone;
  EXPECT_EQ(shown_status(plan, activity, day(2027, 1, 1)), ShownStatus::kDone);
}

TEST(SupplyPlanCheckpoints, t1_through_april_t2_through_august_vb_through_december) {
  EXPECT_EQ(checkpoint_end(Checkpoint::kT1, 2025), day(2025, 4, 30));
  EXPECT_EQ(checkpoint_end(Checkpoint::kT2, 2025), day(2025, 8, 31));
  EXPECT_EQ(checkpoint_end(Checkpoint::kVB, 2025), day(2025, 12, 31));
}

TEST(SupplyPlanCarryOver, activities_marked_carry_over_and_not_done_reappear_linked) {
  SupplyPlan previous = plan_2025_2027();
  previous.goals[0].activities[0].carry_over = true;
  previous.goals[0].activities[0].status = ActivityStatus::kOngoing;
  Activity done = previous.goals[0].activities[0];
  done.code = "A2";
  done.status = ActivityStatus::kDone;
  previous.goals[0].activities.push_back(done);
  const auto carried = carried_over_activities(previous);
  ASSERT_EQ(carried.size(), 1u);
  EXPECT_EQ(carried[0].code, "A1");
  EXPECT_EQ(carried[0].carried_from, "KF-2025-2027/A1");
  EXPECT_FALSE(carried[0].status.has_value());
  EXPECT_FALSE(carried[0].carry_over);
}

TEST(SupplyPlanValidation, problems_carry_json_paths) {
  SupplyPlan plan = plan_2025_2027();
  plan.goals[0].activities.push_back(plan.goals[0].activities[0]);
  plan.goals[0].activities[0].indicator = Indicator{"figures.headcount", {{"at", "2025-10-31"}}, 5, 5};
  plan.follow_ups.push_back({"X9", Checkpoint::kT1, 2025});
  const auto problems = validate_supply_plan(plan);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].where, "$.goals[0].activities[0].indicator.target");
  EXPECT_EQ(problems[1].where, "$.goals[0].activities[1].code");
  EXPECT_EQ(problems[2].where, "$.follow_ups[0].activity");
}

TEST(SupplyPlanBindings, the_table_has_every_kind_of_issue_19) {
  std::vector<std::string_view> kinds;
  for (const BindingKind& kind : binding_kinds()) kinds.push_back(kind.kind);
  EXPECT_EQ(kinds, (std::vector<std::string_view>{
                       "gap.share_with_need", "gap.participation", "gap.area_need_share",
                       "gap.area_high_motivation_share", "gap.competency_need_share", "figures.headcount",
                       "figures.share_women", "figures.external_turnover", "learning.participants",
                       "learning.hours_per_participant", "maturity.overall", "series"}));
}

}  // namespace
}  // namespace trappa::core::supply
