// The learning-activity catalogue in the store (store/learning/learning_store.hpp), on SQLite
// and PostgreSQL: activities come back as saved, a code that exists is updated rather than
// duplicated, the same content writes nothing, each change is audited, and an unknown
// framework writes nothing. Participation rows come back as saved (hours given or not), a row
// of the same person and activity replaces the old one and is audited with what changed.
#include <gtest/gtest.h>

#include "core/base/date.hpp"
#include "store/audit/audit_store.hpp"
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

}  // namespace
}  // namespace trappa::testing
