// Attendance marking and saving an activity from the page Läraktiviteter
// (app/learning/attendance_use_case.hpp), on SQLite and PostgreSQL: HR marks registered rows
// attended (with or without hours) or no_show through the store's participation save, audited
// with what changed; a person outside HR's scope, a cancelled row, a cancel mark or hours on a
// no_show are refused with the person named and nothing written; an activity is saved after
// the import's checks, errors by field name.
#include <gtest/gtest.h>

#include "app/learning/attendance_use_case.hpp"
#include "app/learning/learning_use_case.hpp"
#include "core/base/date.hpp"
#include "store/audit/audit_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/learning/learning_store.hpp"
#include "store/org/organisation_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

core::Framework small_framework() {
  core::Framework framework;
  framework.id = "liten";
  framework.name = "Liten";
  framework.version = "1";
  framework.scale = {1, 3, {"Låg", "Mellan", "Hög"}};
  framework.roles = {"medarbetare"};
  framework.areas = {{"A", "Område", "", "", {}, {{"A.1", "Ett", "", {"a", "b", "c"}}}}};
  return framework;
}

core::LearningActivity course() {
  core::LearningActivity a;
  a.code = "K1";
  a.title = "Kurs";
  a.framework_id = "liten";
  a.competencies = {"A.1"};
  a.level_from = 1;
  a.level_to = 2;
  a.hours = 4;
  a.starts = *core::parse_iso_date("2026-01-01");
  a.ends = *core::parse_iso_date("2026-06-30");
  a.status = core::ActivityStatus::kOpen;
  return a;
}

class AttendanceTest : public MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    const store::Actor actor{"test"};
    ASSERT_TRUE(store().frameworks().save_framework(small_framework(), actor).has_value());
    ASSERT_TRUE(store().organisation().save_units({{"ROOT", "Staden", "", core::UnitKind::kCity},
                                                   {"U1", "Ett", "ROOT", core::UnitKind::kUnit},
                                                   {"U2", "Två", "ROOT", core::UnitKind::kUnit}},
                                                  actor).has_value());
    std::vector<core::Person> people;
    for (const auto& [id, unit] : std::vector<std::pair<const char*, const char*>>{
             {"E1", "U1"}, {"E2", "U1"}, {"E3", "U2"}, {"E4", "U1"}}) {
      core::Person person;
      person.employee_id = id;
      person.name = std::string("Person ") + id;
      person.gender = core::Gender::kWoman;
      person.birth_year = 1980;
      person.unit_code = unit;
      person.role = "medarbetare";
      people.push_back(person);
    }
    ASSERT_TRUE(store().organisation().save_people(people, actor).has_value());
    ASSERT_TRUE(store().learning().save_activities({course()}, actor).has_value());
    const core::Date day = *core::parse_iso_date("2026-02-10");
    ASSERT_TRUE(store().learning().save_participation(
        {{"E1", "K1", day, core::ParticipationStatus::kRegistered, std::nullopt, "import"},
         {"E2", "K1", day, core::ParticipationStatus::kRegistered, std::nullopt, "import"},
         {"E3", "K1", day, core::ParticipationStatus::kRegistered, std::nullopt, "import"},
         {"E4", "K1", day, core::ParticipationStatus::kCancelled, std::nullopt, "import"}},
        actor).has_value());
  }
  core::Result<core::LearningStats> stats() {
    core::LearningStatsQuery query;
    query.from = *core::parse_iso_date("2026-01-01");
    query.to = *core::parse_iso_date("2026-12-31");
    return app::run_learning_stats(store(), query);
  }
};

TEST_F(AttendanceTest, hr_marks_attendance_and_the_statistics_follow) {
  app::AttendanceRequest request{"K1",
                                 {{"E1", core::ParticipationStatus::kAttended, std::nullopt},
                                  {"E2", core::ParticipationStatus::kAttended, 2.5},
                                  {"E3", core::ParticipationStatus::kNoShow, std::nullopt}},
                                 ""};
  auto marked = app::mark_attendance(store(), request, store::Actor{"hr1"});
  ASSERT_TRUE(marked.has_value()) << marked.error().describe();
  EXPECT_EQ(marked->changed, 3u);
  auto figures = stats();
  ASSERT_TRUE(figures.has_value());
  EXPECT_EQ(figures->total.participants, 2u);
  EXPECT_DOUBLE_EQ(figures->total.hours, 6.5);  // 4 + 2.5
  EXPECT_EQ(figures->total.registrations[static_cast<std::size_t>(core::ParticipationStatus::kNoShow)], 1u);
  auto trail = store().audit().load_audit("E2");
  ASSERT_TRUE(trail.has_value());
  EXPECT_EQ(trail->back().action, "participation.update");
  EXPECT_EQ(trail->back().detail, "K1: status registered→attended, hours –→2.5, source import→web");
  EXPECT_EQ(trail->back().actor, "hr1");
  // The same marks again change nothing.
  auto again = app::mark_attendance(store(), request, store::Actor{"hr1"});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->changed, 0u);
  EXPECT_EQ(again->unchanged, 3u);
}

TEST_F(AttendanceTest, marks_outside_the_scope_or_rules_are_named_and_nothing_is_written) {
  const auto before = store().learning().load_participation().value();
  app::AttendanceRequest request{"K1",
                                 {{"E1", core::ParticipationStatus::kAttended, std::nullopt},
                                  {"E3", core::ParticipationStatus::kAttended, std::nullopt},   // U2: outside U1
                                  {"E4", core::ParticipationStatus::kAttended, std::nullopt},   // cancelled
                                  {"E2", core::ParticipationStatus::kNoShow, 1.0}},              // hours on no_show
                                 "U1"};
  auto refused = app::mark_attendance(store(), request, store::Actor{"hr1"});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kInvalidInput);
  ASSERT_EQ(refused.error().problems.size(), 3u);
  EXPECT_EQ(refused.error().problems[0].where, "E3");
  EXPECT_EQ(refused.error().problems[1].where, "E4");
  EXPECT_EQ(refused.error().problems[2].where, "hours E2");
  EXPECT_EQ(store().learning().load_participation().value(), before);
  auto unknown = app::mark_attendance(store(), {"NONE", {}, ""}, store::Actor{"hr1"});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, core::ErrorKind::kNotFound);
}

TEST_F(AttendanceTest, an_activity_is_saved_after_the_imports_checks) {
  core::LearningActivity made = course();
  made.code = "K2";
  made.hours = 0;
  made.level_to = 9;
  auto refused = app::save_activity(store(), made, true, store::Actor{"hr1"});
  ASSERT_FALSE(refused.has_value());
  std::vector<std::string> fields;
  for (const core::Problem& problem : refused.error().problems) fields.push_back(problem.where);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "hours"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "level_to"), fields.end());
  made.hours = 1.5;
  made.level_to = 3;
  ASSERT_TRUE(app::save_activity(store(), made, true, store::Actor{"hr1"}).has_value());
  auto taken = app::save_activity(store(), made, true, store::Actor{"hr1"});
  ASSERT_FALSE(taken.has_value());
  EXPECT_EQ(taken.error().problems.at(0).where, "code");
  made.title = "Ny titel";
  ASSERT_TRUE(app::save_activity(store(), made, false, store::Actor{"hr1"}).has_value());
  auto trail = store().audit().load_audit("K2");
  ASSERT_TRUE(trail.has_value());
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ(trail->front().action, "activity.create");
  EXPECT_EQ(trail->back().action, "activity.update");
  EXPECT_EQ(trail->back().detail, "title");
}

}  // namespace
}  // namespace trappa::testing
