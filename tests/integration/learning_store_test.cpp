// The learning-activity catalogue in the store (store/learning/learning_store.hpp), on SQLite
// and PostgreSQL: activities come back as saved, a code that exists is updated rather than
// duplicated, the same content writes nothing, each change is audited, and an unknown
// framework writes nothing. Participation rows come back as saved (hours given or not), a row
// of the same person and activity replaces the old one and is audited with what changed.
#include <gtest/gtest.h>

#include "core/base/date.hpp"
#include "store/assessment/round_store.hpp"
#include "store/audit/audit_store.hpp"
#include "store/change_feed.hpp"
#include "store/framework/framework_store.hpp"
#include "store/learning/learning_store.hpp"
#include "store/org/organisation_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

core::Framework tiny_framework() {
  core::Framework framework;
  framework.id = "liten";
  framework.name = "Liten";
  framework.version = "1";
  framework.scale = {1, 3, {"Låg", "Mellan", "Hög"}};
  framework.roles = {"medarbetare", "chef"};
  framework.areas = {{"A", "Område", "", "", {}, {{"A.1", "Ett", "", {"a", "b", "c"}}, {"A.2", "Två", "", {"a", "b", "c"}}}}};
  return framework;
}

core::LearningActivity activity(std::string code, double hours) {
  core::LearningActivity a;
  a.code = std::move(code);
  a.title = "Kurs \"" + a.code + "\" – å, ä, ö";
  a.description = "Rad ett.\nRad två.";
  a.format = core::ActivityFormat::kELearning;
  a.provider = "Stadens IT";
  a.framework_id = "liten";
  a.competencies = {"A.1", "A.2"};
  a.level_from = 1;
  a.level_to = 3;
  a.hours = hours;
  a.starts = *core::parse_iso_date("2025-09-01");
  a.ends = *core::parse_iso_date("2025-12-19");
  a.capacity = 12;
  a.audience_roles = {"chef"};
  a.theme = "Digitaliseringsmånad";
  a.status = core::ActivityStatus::kOpen;
  return a;
}

using LearningStoreTest = MigratedStoreTest;

TEST_F(LearningStoreTest, activities_come_back_as_saved_and_a_known_code_is_updated_not_duplicated) {
  ASSERT_TRUE(store().frameworks().save_framework(tiny_framework(), store::Actor{"test"}).has_value());
  core::LearningActivity unlimited = activity("B-2", 1.5);
  unlimited.capacity.reset();
  unlimited.audience_roles.clear();
  auto first = store().learning().save_activities({activity("A-1", 3), unlimited}, store::Actor{"cli:hr"});
  ASSERT_TRUE(first.has_value()) << first.error().describe();
  EXPECT_EQ(first->created, 2u);
  reopen();
  auto loaded = store().learning().load_activities();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  EXPECT_EQ(*loaded, (std::vector<core::LearningActivity>{activity("A-1", 3), unlimited}));

  core::LearningActivity longer = activity("A-1", 4.5);
  longer.status = core::ActivityStatus::kClosed;
  auto second = store().learning().save_activities({longer, unlimited}, store::Actor{"cli:hr"});
  ASSERT_TRUE(second.has_value()) << second.error().describe();
  EXPECT_EQ(second->changed, 1u);
  EXPECT_EQ(second->unchanged, 1u);
  EXPECT_EQ(store().learning().load_activities().value_or(std::vector<core::LearningActivity>{}),
            (std::vector<core::LearningActivity>{longer, unlimited}));
  auto trail = store().audit().load_audit("A-1");
  ASSERT_TRUE(trail.has_value());
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ(trail->at(0).action, "activity.create");
  EXPECT_EQ(trail->at(1).action, "activity.update");
  EXPECT_EQ(trail->at(1).detail, "hours, status");
  EXPECT_EQ(trail->at(1).actor, "cli:hr");
}

TEST_F(LearningStoreTest, an_activity_of_an_unknown_framework_writes_nothing) {
  ASSERT_TRUE(store().frameworks().save_framework(tiny_framework(), store::Actor{"test"}).has_value());
  core::LearningActivity stray = activity("C-3", 2);
  stray.framework_id = "finns-inte";
  auto saved = store().learning().save_activities({activity("A-1", 3), stray}, store::Actor{"cli:hr"});
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(saved.error().kind, core::ErrorKind::kNotFound);
  EXPECT_TRUE(store().learning().load_activities().value_or(std::vector<core::LearningActivity>{{}}).empty());
}

TEST_F(LearningStoreTest, participation_comes_back_as_saved_and_a_row_of_the_same_person_and_activity_replaces_it) {
  ASSERT_TRUE(store().frameworks().save_framework(tiny_framework(), store::Actor{"test"}).has_value());
  ASSERT_TRUE(store().learning().save_activities({activity("A-1", 3)}, store::Actor{"test"}).has_value());
  const store::Actor actor{"test"};
  ASSERT_TRUE(store().organisation().save_units({{"U", "Enheten", "", core::UnitKind::kCity}}, actor).has_value());
  std::vector<core::Person> people;
  for (const char* id : {"E1", "E2"}) {
    core::Person person;
    person.employee_id = id;
    person.name = std::string("Person ") + id;
    person.gender = core::Gender::kWoman;
    person.birth_year = 1980;
    person.unit_code = "U";
    person.role = "medarbetare";
    people.push_back(person);
  }
  ASSERT_TRUE(store().organisation().save_people(people, actor).has_value());

  const core::Date day = *core::parse_iso_date("2025-10-01");
  const std::vector<core::Participation> rows{
      {"E1", "A-1", day, core::ParticipationStatus::kAttended, 1.25, "import"},
      {"E2", "A-1", day, core::ParticipationStatus::kRegistered, std::nullopt, "web"}};
  auto saved = store().learning().save_participation(rows, store::Actor{"cli:hr"});
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();
  EXPECT_EQ(saved->created, 2u);
  reopen();
  EXPECT_EQ(store().learning().load_participation().value_or(std::vector<core::Participation>{}), rows);

  std::vector<core::Participation> changed = rows;
  changed[1].status = core::ParticipationStatus::kAttended;
  auto second = store().learning().save_participation(changed, store::Actor{"cli:hr"});
  ASSERT_TRUE(second.has_value()) << second.error().describe();
  EXPECT_EQ(second->changed, 1u);
  EXPECT_EQ(second->unchanged, 1u);
  EXPECT_EQ(store().learning().load_participation().value_or(std::vector<core::Participation>{}), changed);
  auto trail = store().audit().load_audit("E2");
  ASSERT_TRUE(trail.has_value());
  ASSERT_GE(trail->size(), 2u);
  EXPECT_EQ(trail->back().action, "participation.update");
  EXPECT_EQ(trail->back().detail, "A-1: status registered→attended");
}

// Development plans (migration 013): a plan comes back whole (goals, activities in their
// order, follow-ups, who proposed and agreed), a second save replaces it, each write is
// audited with its action and the change feed records a `plans` change.
TEST_F(LearningStoreTest, development_plans_come_back_as_saved_and_every_write_is_audited) {
  const store::Actor actor{"test"};
  ASSERT_TRUE(store().frameworks().save_framework(tiny_framework(), actor).has_value());
  ASSERT_TRUE(store().learning().save_activities({activity("A-1", 3), activity("A-2", 2)}, actor).has_value());
  ASSERT_TRUE(store().organisation().save_units({{"U", "Enheten", "", core::UnitKind::kCity}}, actor).has_value());
  std::vector<core::Person> people;
  for (const char* id : {"E1", "M1"}) {
    core::Person person;
    person.employee_id = id;
    person.name = std::string("Person ") + id;
    person.gender = core::Gender::kMan;
    person.birth_year = 1975;
    person.unit_code = "U";
    person.role = "medarbetare";
    people.push_back(person);
  }
  ASSERT_TRUE(store().organisation().save_people(people, actor).has_value());
  ASSERT_TRUE(store().rounds().create_round({"2025", "liten", 1, "", "", "", core::RoundState::kOpen}, actor).has_value());

  core::DevelopmentPlan plan;
  plan.employee_id = "E1";
  plan.round = "2025";
  plan.goals = {{"A.2", 3, *core::parse_iso_date("2026-06-30")}, {"A.1", 2, *core::parse_iso_date("2026-03-31")}};
  plan.activities = {"A-2", "A-1"};
  plan.note = "Mål – å, ä, ö\nrad två";
  plan.proposed_by = "E1";
  auto created = store().learning().save_plans({plan}, store::PlanWrite::kContent, store::Actor{"E1"});
  ASSERT_TRUE(created.has_value()) << created.error().describe();
  reopen();
  auto loaded = store().learning().load_plan("E1", "2025");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ(**loaded, plan);
  auto none = store().learning().load_plan("M1", "2025");
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->has_value());

  plan.state = core::PlanState::kAgreed;
  plan.agreed_by = "M1";
  plan.agreed_at = "2026-02-01T09:00:00Z";
  ASSERT_TRUE(store().learning().save_plans({plan}, store::PlanWrite::kAgree, store::Actor{"M1"}).has_value());
  plan.follow_ups = {{*core::parse_iso_date("2026-04-01"), core::GoalProgress::kInProgress, "Halvvägs", "M1"},
                     {*core::parse_iso_date("2026-09-01"), core::GoalProgress::kDone, "", "M1"}};
  ASSERT_TRUE(store().learning().save_plans({plan}, store::PlanWrite::kFollowUp, store::Actor{"M1"}).has_value());
  auto all = store().learning().load_plans("2025");
  ASSERT_TRUE(all.has_value()) << all.error().describe();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front(), plan);

  plan.goals.pop_back();
  ASSERT_TRUE(store().learning().save_plans({plan}, store::PlanWrite::kContent, store::Actor{"M1"}).has_value());
  EXPECT_EQ(store().learning().load_plans("2025").value_or(std::vector<core::DevelopmentPlan>{}),
            std::vector<core::DevelopmentPlan>{plan});

  auto trail = store().audit().load_audit("E1");
  ASSERT_TRUE(trail.has_value());
  std::vector<std::pair<std::string, std::string>> plan_entries;
  for (const core::AuditEntry& entry : *trail) {
    if (entry.action.starts_with("plan.")) plan_entries.emplace_back(entry.action, entry.detail);
  }
  const std::vector<std::pair<std::string, std::string>> expected{
      {"plan.create", "2025: 2 goals (A.2→3, A.1→2), 2 activities (A-2 A-1), note"},
      {"plan.agree", "2025: agreed by M1"},
      {"plan.follow_up", "2025: followed up 2026-09-01 done"},
      {"plan.update", "2025: 1 goal (A.2→3), 2 activities (A-2 A-1), note"}};
  EXPECT_EQ(plan_entries, expected);
  auto changes = store().changes().changes_after(0, 10000);
  ASSERT_TRUE(changes.has_value());
  ASSERT_FALSE(changes->empty());
  EXPECT_EQ(changes->back().kind, store::ChangeKind::kPlans);
}

TEST_F(LearningStoreTest, a_plan_of_an_unknown_round_writes_nothing) {
  const store::Actor actor{"test"};
  ASSERT_TRUE(store().organisation().save_units({{"U", "Enheten", "", core::UnitKind::kCity}}, actor).has_value());
  core::Person person;
  person.employee_id = "E1";
  person.name = "Person";
  person.gender = core::Gender::kWoman;
  person.birth_year = 1990;
  person.unit_code = "U";
  person.role = "medarbetare";
  ASSERT_TRUE(store().organisation().save_people({person}, actor).has_value());
  core::DevelopmentPlan plan;
  plan.employee_id = "E1";
  plan.round = "1999";
  plan.proposed_by = "E1";
  auto saved = store().learning().save_plans({plan}, store::PlanWrite::kContent, actor);
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(saved.error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(saved.error().message, "no round named '1999'");
  EXPECT_TRUE(store().learning().load_plans("1999").value_or(std::vector<core::DevelopmentPlan>{{}}).empty());
}

TEST_F(LearningStoreTest, participation_of_one_person_and_of_one_activity) {
  ASSERT_TRUE(store().frameworks().save_framework(tiny_framework(), store::Actor{"test"}).has_value());
  ASSERT_TRUE(store().learning().save_activities({activity("A-1", 3), activity("A-2", 2)}, store::Actor{"test"}).has_value());
  const store::Actor actor{"test"};
  ASSERT_TRUE(store().organisation().save_units({{"U", "Enheten", "", core::UnitKind::kCity}}, actor).has_value());
  std::vector<core::Person> people;
  for (const char* id : {"E1", "E2"}) {
    core::Person person;
    person.employee_id = id;
    person.name = std::string("Person ") + id;
    person.gender = core::Gender::kWoman;
    person.birth_year = 1980;
    person.unit_code = "U";
    person.role = "medarbetare";
    people.push_back(person);
  }
  ASSERT_TRUE(store().organisation().save_people(people, actor).has_value());
  const core::Date day = *core::parse_iso_date("2025-10-01");
  const std::vector<core::Participation> rows{
      {"E1", "A-1", day, core::ParticipationStatus::kAttended, 1.5, "import"},
      {"E1", "A-2", day, core::ParticipationStatus::kRegistered, std::nullopt, "web"},
      {"E2", "A-1", day, core::ParticipationStatus::kCancelled, std::nullopt, "web"}};
  ASSERT_TRUE(store().learning().save_participation(rows, actor).has_value());
  EXPECT_EQ(store().learning().load_participation_of_person("E1").value_or(std::vector<core::Participation>{}),
            (std::vector<core::Participation>{rows[0], rows[1]}));
  EXPECT_EQ(store().learning().load_participation_of_activity("A-1").value_or(std::vector<core::Participation>{}),
            (std::vector<core::Participation>{rows[0], rows[2]}));
}

}  // namespace
}  // namespace trappa::testing
