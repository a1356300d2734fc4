// The demo's learning data (demo/learning.hpp) tell seed 001's story: about 1 224
// participants, two thirds of them women, about 28 000 hours, some 23 hours each, the
// catalogue valid against the shipped framework, capacities held, one row per person and
// activity — and people who took an activity for a competency they needed in 2025 rate it
// higher in 2026 more often than those who took none for it.
#include "demo/learning.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/assessment/round_facts.hpp"
#include "core/base/date.hpp"
#include "core/learning/learning_stats.hpp"
#include "core/org/unit_tree.hpp"
#include "demo/history.hpp"
#include "demo/organisation.hpp"
#include "demo/rounds.hpp"
#include "io/json/framework_json.hpp"

namespace trappa::demo {
namespace {

struct LearningDemo {
  DemoOrganisation organisation;
  std::vector<core::Employment> employments;
  core::Framework framework;
  std::vector<core::Assessment> rounds[2];
  std::vector<core::LearningActivity> catalogue;
  std::vector<core::Participation> rows;
};

const LearningDemo& demo_learning() {
  static const LearningDemo made = [] {
    LearningDemo demo;
    demo.organisation = build_demo_organisation(1);
    demo.employments = add_employment_history(demo.organisation, 1);
    demo.framework = *io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json");
    const auto& people = demo.organisation.people;
    for (std::size_t r = 0; r < 2; ++r) {
      const auto in_round = core::takes_part_on(people, demo.employments, *core::parse_iso_date(demo_round_specs()[r].opens));
      demo.rounds[r] = build_demo_assessments(demo.framework, people, in_round, 0, people.size(), r, 1);
    }
    demo.catalogue = build_demo_catalogue(demo.framework);
    demo.rows = build_demo_participation(people, demo.employments, demo.catalogue, demo.framework, demo.rounds[0],
                                         demo.rounds[1], 1);
    return demo;
  }();
  return made;
}

TEST(DemoLearning, the_catalogue_is_valid_and_about_fifty_activities) {
  const LearningDemo& demo = demo_learning();
  EXPECT_GE(demo.catalogue.size(), 45u);
  EXPECT_LE(demo.catalogue.size(), 60u);
  for (const core::LearningActivity& activity : demo.catalogue) {
    EXPECT_TRUE(core::activity_problems(activity, demo.framework).empty()) << activity.code;
  }
}

TEST(DemoLearning, totals_resemble_the_projects_participants_and_hours) {
  const LearningDemo& demo = demo_learning();
  core::LearningStatsQuery query;
  query.from = *core::parse_iso_date("2023-09-01");
  query.to = *core::parse_iso_date("2026-02-28");
  const core::UnitTree tree = core::UnitTree::build(demo.organisation.units);
  auto stats = core::compute_learning_stats(demo.organisation.people, tree, demo.catalogue, {demo.framework}, demo.rows,
                                            query);
  ASSERT_TRUE(stats.has_value());
  const core::LearningFigures& total = stats->total;
  EXPECT_GE(total.participants, 1100u);
  EXPECT_LE(total.participants, 1350u);
  const double women = static_cast<double>(total.participants_by_gender[0]) / static_cast<double>(total.participants);
  EXPECT_GT(women, 0.6);
  EXPECT_LT(women, 0.75);
  EXPECT_GT(total.hours, 24'000);
  EXPECT_LT(total.hours, 33'000);
  EXPECT_GT(*total.hours_per_participant, 18);  // the project's goal
}

TEST(DemoLearning, one_row_per_person_and_activity_and_capacities_hold) {
  const LearningDemo& demo = demo_learning();
  std::set<std::pair<std::string, std::string>> seen;
  std::map<std::string, std::size_t> taken;
  for (const core::Participation& row : demo.rows) {
    EXPECT_TRUE(seen.insert({row.employee_id, row.activity}).second) << row.employee_id << " " << row.activity;
    if (core::takes_a_place(row.status)) ++taken[row.activity];
  }
  for (const core::LearningActivity& activity : demo.catalogue) {
    if (activity.capacity) {
      EXPECT_LE(taken[activity.code], static_cast<std::size_t>(*activity.capacity)) << activity.code;
    }
  }
}

TEST(DemoLearning, an_activity_for_a_need_goes_with_a_higher_level_the_next_year_more_often) {
  const LearningDemo& demo = demo_learning();
  std::map<std::string, std::set<std::string>> attended;  // person → competencies of attended activities
  std::map<std::string, const core::LearningActivity*> by_code;
  for (const core::LearningActivity& activity : demo.catalogue) by_code[activity.code] = &activity;
  for (const core::Participation& row : demo.rows) {
    if (row.status != core::ParticipationStatus::kAttended) continue;
    for (const std::string& competency : by_code.at(row.activity)->competencies) attended[row.employee_id].insert(competency);
  }
  std::map<std::string, const core::Assessment*> later;
  for (const core::Assessment& assessment : demo.rounds[1]) later[assessment.employee_id] = &assessment;
  std::map<std::string, const core::Person*> people;
  for (const core::Person& person : demo.organisation.people) people[person.employee_id] = &person;
  std::size_t with_activity = 0, with_activity_raised = 0, without = 0, without_raised = 0;
  const auto level = [](const core::Rating& rating) { return rating.agreed_level ? rating.agreed_level : rating.self_level; };
  for (const core::Assessment& before : demo.rounds[0]) {
    const auto after = later.find(before.employee_id);
    const core::RoleProfile* profile = demo.framework.profile_of(people.at(before.employee_id)->role);
    if (after == later.end() || profile == nullptr) continue;
    for (const core::Rating& rating : before.ratings) {
      const auto expected = profile->find(rating.competency);
      const auto was = level(rating);
      const core::Rating* next = after->second->find_rating(rating.competency);
      if (expected == profile->end() || !was || *was >= expected->second || next == nullptr || !level(*next)) continue;
      const bool raised = *level(*next) > *was;
      if (attended[before.employee_id].contains(rating.competency)) {
        ++with_activity;
        with_activity_raised += raised;
      } else {
        ++without;
        without_raised += raised;
      }
    }
  }
  ASSERT_GT(with_activity, 30u);
  ASSERT_GT(without, 30u);
  EXPECT_GT(static_cast<double>(with_activity_raised) / static_cast<double>(with_activity),
            static_cast<double>(without_raised) / static_cast<double>(without) + 0.05);
}

}  // namespace
}  // namespace trappa::demo
