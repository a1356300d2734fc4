// The demo's development plans (demo/plans.hpp) over the default demo: most people with needs
// in round 2025 have one, every plan is valid against the framework and the catalogue, its
// goals are needs of the person, plans of people with a manager are agreed by that manager,
// some are followed up, and the same seed gives the same plans.
#include "demo/plans.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/assessment/round_facts.hpp"
#include "core/workforce/employment.hpp"
#include "demo/history.hpp"
#include "demo/learning.hpp"
#include "demo/organisation.hpp"
#include "demo/rounds.hpp"
#include "io/json/framework_json.hpp"

namespace trappa::demo {
namespace {

struct PlanDemo {
  DemoOrganisation organisation;
  core::Framework framework;
  std::vector<core::Assessment> round_2025;
  std::vector<core::LearningActivity> catalogue;
  std::vector<core::Participation> rows;
  std::vector<core::DevelopmentPlan> plans;
};

const PlanDemo& demo_plans() {
  static const PlanDemo made = [] {
    PlanDemo demo;
    demo.organisation = build_demo_organisation(1);
    const auto employments = add_employment_history(demo.organisation, 1);
    demo.framework = *io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json");
    const auto& people = demo.organisation.people;
    std::vector<core::Assessment> rounds[2];
    for (std::size_t r = 0; r < 2; ++r) {
      const auto in_round = core::takes_part_on(people, employments, *core::parse_iso_date(demo_round_specs()[r].opens));
      rounds[r] = build_demo_assessments(demo.framework, people, in_round, 0, people.size(), r, 1);
    }
    demo.round_2025 = rounds[0];
    demo.catalogue = build_demo_catalogue(demo.framework);
    demo.rows = build_demo_participation(people, employments, demo.catalogue, demo.framework, rounds[0], rounds[1], 1);
    demo.plans = build_demo_plans(people, demo.framework, demo.round_2025, demo.catalogue, demo.rows, 1);
    return demo;
  }();
  return made;
}

// The people of round 2025 with at least one need, and their needs.
std::map<std::string, std::set<std::string>> needs_of(const PlanDemo& demo) {
  std::map<std::string, const core::Person*> people;
  for (const core::Person& person : demo.organisation.people) people.emplace(person.employee_id, &person);
  std::map<std::string, std::set<std::string>> needs;
  for (const core::Assessment& assessment : demo.round_2025) {
    const core::RoleProfile* profile = demo.framework.profile_of(people.at(assessment.employee_id)->role);
    if (profile == nullptr) continue;
    for (const core::Rating& rating : assessment.ratings) {
      const auto expected = profile->find(rating.competency);
      const auto level = rating.agreed_level ? rating.agreed_level : rating.self_level;
      if (expected != profile->end() && level && *level < expected->second) needs[assessment.employee_id].insert(rating.competency);
    }
  }
  return needs;
}

TEST(DemoPlans, most_people_with_needs_in_2025_have_a_plan_of_their_needs) {
  const PlanDemo& demo = demo_plans();
  const auto needs = needs_of(demo);
  ASSERT_GT(needs.size(), 100U);
  std::size_t with_plan = 0;
  for (const core::DevelopmentPlan& plan : demo.plans) {
    EXPECT_EQ(plan.round, "2025");
    EXPECT_EQ(plan.proposed_by, plan.employee_id);
    const auto found = needs.find(plan.employee_id);
    ASSERT_NE(found, needs.end()) << plan.employee_id << " has a plan without needs";
    ASSERT_FALSE(plan.goals.empty());
    EXPECT_LE(plan.goals.size(), 3U);
    for (const core::PlanGoal& goal : plan.goals) EXPECT_TRUE(found->second.contains(goal.competency)) << plan.employee_id;
    ++with_plan;
  }
  const double share = static_cast<double>(with_plan) / static_cast<double>(needs.size());
  EXPECT_GT(share, 0.75);
  EXPECT_LT(share, 0.95);
}

TEST(DemoPlans, every_plan_is_valid_and_agreed_by_the_persons_manager) {
  const PlanDemo& demo = demo_plans();
  std::vector<std::string> codes;
  for (const core::LearningActivity& activity : demo.catalogue) codes.push_back(activity.code);
  std::map<std::string, std::string> managers;
  for (const core::Person& person : demo.organisation.people) managers[person.employee_id] = person.manager_id;
  std::size_t agreed = 0, followed = 0, with_activities = 0;
  for (const core::DevelopmentPlan& plan : demo.plans) {
    EXPECT_TRUE(core::validate_plan(plan, demo.framework, codes).empty()) << plan.employee_id;
    if (!plan.activities.empty()) ++with_activities;
    if (plan.state != core::PlanState::kAgreed) {
      EXPECT_TRUE(managers[plan.employee_id].empty()) << plan.employee_id << " has a manager but a draft";
      continue;
    }
    ++agreed;
    EXPECT_EQ(plan.agreed_by, managers[plan.employee_id]);
    EXPECT_FALSE(plan.agreed_at.empty());
    if (core::reaches_followed_up(plan)) {
      ++followed;
      EXPECT_EQ(plan.follow_ups.front().by, plan.agreed_by);
    }
  }
  EXPECT_GT(agreed, demo.plans.size() * 3 / 4);
  EXPECT_GT(followed, agreed / 3);
  EXPECT_LT(followed, agreed * 2 / 3);
  EXPECT_GT(with_activities, demo.plans.size() / 4);
}

TEST(DemoPlans, the_same_seed_gives_the_same_plans) {
  const PlanDemo& demo = demo_plans();
  const auto again = build_demo_plans(demo.organisation.people, demo.framework, demo.round_2025, demo.catalogue, demo.rows, 1);
  EXPECT_EQ(again, demo.plans);
}

}  // namespace
}  // namespace trappa::demo
