// xAPI in the store (store/learning/learning_store.hpp, store/access/access_store.hpp), on
// SQLite and PostgreSQL: an activity's xapi_id comes back and names one activity only; API
// clients are made once per name, listed, revoked and audited; a batch of statements planned
// by core::plan_xapi_statements writes its statements and rows with their audit entries and a
// `learning` change, and the voiding batch after it restores the row it replaced and removes
// the one it made; a row changed behind the plan's back refuses the batch whole.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/base/date.hpp"
#include "core/learning/xapi.hpp"
#include "store/access/access_store.hpp"
#include "store/audit/audit_store.hpp"
#include "store/change_feed.hpp"
#include "store/framework/framework_store.hpp"
#include "store/learning/learning_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/people/personal_data_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

core::Framework xapi_framework() {
  core::Framework framework;
  framework.id = "liten";
  framework.name = "Liten";
  framework.version = "1";
  framework.scale = {1, 3, {"Låg", "Mellan", "Hög"}};
  framework.roles = {"medarbetare"};
  framework.areas = {{"A", "Område", "", "", {}, {{"A.1", "Ett", "", {"a", "b", "c"}}}}};
  return framework;
}

core::LearningActivity xapi_activity(std::string code, std::string iri) {
  core::LearningActivity a;
  a.code = std::move(code);
  a.title = "Kurs " + a.code;
  a.framework_id = "liten";
  a.competencies = {"A.1"};
  a.level_from = 1;
  a.level_to = 2;
  a.hours = 3;
  a.starts = *core::parse_iso_date("2026-01-01");
  a.ends = *core::parse_iso_date("2026-12-31");
  a.status = core::ActivityStatus::kOpen;
  a.xapi_id = std::move(iri);
  return a;
}

class XapiStoreTest : public MigratedStoreTest {
 protected:
  void seed() {
    const store::Actor actor{"test"};
    ASSERT_TRUE(store().frameworks().save_framework(xapi_framework(), actor).has_value());
    ASSERT_TRUE(store().learning().save_activities({xapi_activity("KURS", "https://lms.stad.se/course/1"),
                                                    xapi_activity("PASS", "https://lms.stad.se/session/2"),
                                                    xapi_activity("UTAN", "")},
                                                   actor)
                    .has_value());
    ASSERT_TRUE(store().organisation().save_units({{"U", "Enheten", "", core::UnitKind::kCity}}, actor).has_value());
    std::vector<core::Person> people;
    for (const char* id : {"E1", "E2"}) {
      core::Person person;
      person.employee_id = id;
      person.name = std::string("Person ") + id;
      person.email = std::string(id) + "@stad.se";
      person.birth_year = 1980;
      person.unit_code = "U";
      person.role = "medarbetare";
      people.push_back(person);
    }
    ASSERT_TRUE(store().organisation().save_people(people, actor).has_value());
  }
  static core::XapiStatement credit(std::string id, std::string person, std::string iri,
                                    std::optional<std::string> duration = std::nullopt) {
    core::XapiStatement statement;
    statement.id = std::move(id);
    statement.verb_id = "http://adlnet.gov/expapi/verbs/completed";
    statement.actor_account_name = std::move(person);
    statement.object_type = "Activity";
    statement.object_id = std::move(iri);
    statement.duration = std::move(duration);
    statement.date = *core::parse_iso_date("2026-03-02");
    statement.received = "{\"id\":\"" + statement.id + "\"}";
    statement.served = "{\"id\":\"" + statement.id + "\",\"stored\":\"x\"}";
    return statement;
  }
  // Plans `statements` against what the store holds and saves the batch.
  core::Result<core::XapiOutcome> deliver(const std::vector<core::XapiStatement>& statements) {
    std::vector<std::string> ids;
    for (const auto& statement : statements) {
      ids.push_back(statement.id);
      if (statement.object_type == "StatementRef") ids.push_back(statement.object_id);
    }
    ASSIGN_OR_RETURN(auto stored, store().learning().load_xapi_statements(ids));
    ASSIGN_OR_RETURN(auto people, store().organisation().load_people());
    ASSIGN_OR_RETURN(auto activities, store().learning().load_activities());
    ASSIGN_OR_RETURN(auto rows, store().learning().load_participation());
    ASSIGN_OR_RETURN(auto outcome, core::plan_xapi_statements(statements, people, activities, rows, stored, "lms",
                                                             *core::parse_iso_date("2026-06-01")));
    TRY(store().learning().save_xapi_batch(outcome.batch, store::Actor{"api:lms"}));
    return outcome;
  }
};

TEST_F(XapiStoreTest, an_xapi_id_comes_back_and_names_one_activity_only) {
  seed();
  reopen();
  auto activities = store().learning().load_activities();
  ASSERT_TRUE(activities.has_value());
  ASSERT_EQ(activities->size(), 3u);
  EXPECT_EQ((*activities)[0].xapi_id, "https://lms.stad.se/course/1");
  EXPECT_EQ((*activities)[2].xapi_id, "");
  auto taken = store().learning().save_activities({xapi_activity("UTAN", "https://lms.stad.se/course/1")}, store::Actor{"test"});
  ASSERT_FALSE(taken.has_value());
  EXPECT_EQ(taken.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(store().learning().load_activities().value_or(std::vector<core::LearningActivity>{}), *activities);
  // Moving an xapi_id from one activity to another in one save is fine.
  auto moved = store().learning().save_activities({xapi_activity("KURS", ""), xapi_activity("UTAN", "https://lms.stad.se/course/1")},
                                                  store::Actor{"test"});
  ASSERT_TRUE(moved.has_value()) << moved.error().describe();
  auto trail = store().audit().load_audit("UTAN");
  ASSERT_TRUE(trail.has_value());
  EXPECT_EQ(trail->back().detail, "xapi_id");
}

TEST_F(XapiStoreTest, api_clients_are_made_once_listed_revoked_and_audited) {
  const core::ApiClient client{"moodle", "digest", "2026-11-01T08:00:00Z", "cli:admin", std::nullopt};
  auto made = store().access().create_api_client(client, store::Actor{"cli:admin"});
  ASSERT_TRUE(made.has_value()) << made.error().describe();
  EXPECT_TRUE(*made);
  EXPECT_FALSE(store().access().create_api_client(client, store::Actor{"cli:admin"}).value_or(true));
  reopen();
  EXPECT_EQ(store().access().load_api_client("moodle").value_or(std::nullopt), client);
  EXPECT_FALSE(store().access().load_api_client("okänd").value_or(client).has_value());
  EXPECT_TRUE(store().access().revoke_api_client("moodle", store::Actor{"cli:admin"}).value_or(false));
  EXPECT_FALSE(store().access().revoke_api_client("moodle", store::Actor{"cli:admin"}).value_or(true));
  auto listed = store().access().list_api_clients();
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_TRUE((*listed)[0].revoked_at.has_value());
  auto trail = store().audit().load_audit("moodle");
  ASSERT_TRUE(trail.has_value());
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ((*trail)[0].action, "client.create");
  EXPECT_EQ((*trail)[1].action, "client.revoke");
}

TEST_F(XapiStoreTest, a_batch_writes_statements_rows_audit_and_a_change_and_voiding_undoes_it) {
  seed();
  const core::Date registered_on = *core::parse_iso_date("2026-02-01");
  const core::Participation registration{"E2", "PASS", registered_on, core::ParticipationStatus::kRegistered, std::nullopt, "web"};
  ASSERT_TRUE(store().learning().save_participation({registration}, store::Actor{"test"}).has_value());
  auto position = store().changes().latest_change();
  ASSERT_TRUE(position.has_value());

  const std::string a = "00000000-0000-4000-8000-0000000000a1";
  const std::string b = "00000000-0000-4000-8000-0000000000b2";
  auto first = deliver({credit(a, "E1", "https://lms.stad.se/course/1"), credit(b, "E2", "https://lms.stad.se/session/2", "PT1H30M")});
  ASSERT_TRUE(first.has_value()) << first.error().describe();
  reopen();
  const core::Date day = *core::parse_iso_date("2026-03-02");
  EXPECT_EQ(store().learning().load_participation().value_or(std::vector<core::Participation>{}),
            (std::vector<core::Participation>{
                {"E1", "KURS", day, core::ParticipationStatus::kAttended, std::nullopt, "xapi:" + a},
                {"E2", "PASS", day, core::ParticipationStatus::kAttended, 1.5, "xapi:" + b}}));
  EXPECT_EQ(store().learning().load_participation_of({"E2", "E2", "E9"}).value_or(std::vector<core::Participation>{}),
            (std::vector<core::Participation>{{"E2", "PASS", day, core::ParticipationStatus::kAttended, 1.5, "xapi:" + b}}));
  auto stored = store().learning().load_xapi_statements({a, b, "00000000-0000-4000-8000-000000000000"});
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ(stored->at(b).previous_row, registration);
  EXPECT_EQ(stored->at(a).statement, "{\"id\":\"" + a + "\",\"stored\":\"x\"}");
  EXPECT_EQ(stored->at(a).client, "lms");
  auto changes = store().changes().changes_after(*position, 100);
  ASSERT_TRUE(changes.has_value());
  EXPECT_TRUE(std::any_of(changes->begin(), changes->end(),
                          [](const store::Change& change) { return change.kind == store::ChangeKind::kLearning; }));
  auto trail = store().audit().load_audit("E2");
  ASSERT_TRUE(trail.has_value());
  EXPECT_EQ(trail->back().actor, "api:lms");
  EXPECT_EQ(trail->back().action, "participation.update");
  EXPECT_EQ(trail->back().detail, "PASS: status registered→attended, date 2026-02-01→2026-03-02, hours –→1.5, source web→xapi:" +
                                      b + " (xapi:" + b + ")");

  // A replay writes nothing; voiding both restores the registration and removes E1's row.
  auto replay = deliver({credit(a, "E1", "https://lms.stad.se/course/1")});
  ASSERT_TRUE(replay.has_value());
  EXPECT_TRUE(replay->batch.statements.empty());
  core::XapiStatement void_a = credit("00000000-0000-4000-8000-0000000000c3", "E1", a);
  void_a.verb_id = "http://adlnet.gov/expapi/verbs/voided";
  void_a.object_type = "StatementRef";
  core::XapiStatement void_b = void_a;
  void_b.id = "00000000-0000-4000-8000-0000000000d4";
  void_b.object_id = b;
  void_b.received = "{\"id\":\"" + void_b.id + "\"}";
  auto voided = deliver({void_a, void_b});
  ASSERT_TRUE(voided.has_value()) << voided.error().describe();
  reopen();
  EXPECT_EQ(store().learning().load_participation().value_or(std::vector<core::Participation>{}),
            std::vector<core::Participation>{registration});
  auto after = store().learning().load_xapi_statements({a, b});
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->at(a).voided_by, void_a.id);
  EXPECT_EQ(after->at(b).voided_by, void_b.id);
  auto e1 = store().audit().load_audit("E1");
  ASSERT_TRUE(e1.has_value());
  EXPECT_EQ(e1->back().action, "participation.delete");
}

TEST_F(XapiStoreTest, a_row_changed_behind_the_plans_back_refuses_the_whole_batch) {
  seed();
  auto people = store().organisation().load_people();
  auto activities = store().learning().load_activities();
  ASSERT_TRUE(people.has_value() && activities.has_value());
  auto outcome = core::plan_xapi_statements(
      {credit("00000000-0000-4000-8000-0000000000e5", "E1", "https://lms.stad.se/course/1"),
       credit("00000000-0000-4000-8000-0000000000f6", "E2", "https://lms.stad.se/session/2")},
      *people, *activities, {}, {}, "lms", *core::parse_iso_date("2026-06-01"));
  ASSERT_TRUE(outcome.has_value());
  // Meanwhile an import gives E2 a row for PASS.
  const core::Participation imported{"E2", "PASS", *core::parse_iso_date("2026-03-01"), core::ParticipationStatus::kAttended, 2.0,
                                     "import"};
  ASSERT_TRUE(store().learning().save_participation({imported}, store::Actor{"test"}).has_value());
  auto saved = store().learning().save_xapi_batch(outcome->batch, store::Actor{"api:lms"});
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(saved.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(store().learning().load_participation().value_or(std::vector<core::Participation>{}),
            std::vector<core::Participation>{imported});
  EXPECT_TRUE(store().learning().load_xapi_statements({"00000000-0000-4000-8000-0000000000e5"}).value_or(
      std::map<std::string, core::StoredXapiStatement>{{"x", {}}}).empty());
}

TEST_F(XapiStoreTest, a_statement_voided_before_it_came_is_stored_voided_and_credits_nothing) {
  seed();
  const std::string target = "00000000-0000-4000-8000-0000000000b8";
  core::XapiStatement early = credit("00000000-0000-4000-8000-0000000000b9", "E1", target);
  early.verb_id = "http://adlnet.gov/expapi/verbs/voided";
  early.object_type = "StatementRef";
  auto voided = deliver({early});
  ASSERT_TRUE(voided.has_value()) << voided.error().describe();
  auto late = deliver({credit(target, "E1", "https://lms.stad.se/course/1")});
  ASSERT_TRUE(late.has_value()) << late.error().describe();
  reopen();
  auto kept = store().learning().load_xapi_statements({target});
  ASSERT_TRUE(kept.has_value());
  ASSERT_EQ(kept->size(), 2u);  // the target and the statement that voids it
  EXPECT_EQ(kept->at(target).voided_by, early.id);
  EXPECT_EQ(kept->at(early.id).voids, target);
  EXPECT_TRUE(store().learning().load_participation().value_or(std::vector<core::Participation>{{}}).empty());
}

TEST_F(XapiStoreTest, erasing_a_person_keeps_only_the_ids_of_the_statements_that_credited_them) {
  seed();
  const std::string id = "00000000-0000-4000-8000-0000000000a7";
  core::XapiStatement statement = credit(id, "E1", "https://lms.stad.se/course/1");
  statement.received = "{\"actor\":{\"mbox\":\"mailto:E1@stad.se\",\"name\":\"Person E1\"},\"id\":\"" + id + "\"}";
  statement.served = statement.received;
  ASSERT_TRUE(deliver({statement}).has_value());
  auto erased = store().personal_data().erase_person("E1", store::Actor{"cli:dataskydd"});
  ASSERT_TRUE(erased.has_value()) << erased.error().describe();
  auto kept = store().learning().load_xapi_statements({id});
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->at(id).statement, "{\"id\":\"" + id + "\"}");
  EXPECT_EQ(kept->at(id).received, "{\"id\":\"" + id + "\"}");
  EXPECT_EQ(store().learning().load_participation().value_or(std::vector<core::Participation>{}).size(), 1u);
}

}  // namespace
}  // namespace trappa::testing
