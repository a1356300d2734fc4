// The xAPI rules of core/learning/xapi.hpp: IRIs, UUIDs, durations, and a batch of statements
// planned against two people, two activities with an xapi_id and their rows, worked by hand.
#include "core/learning/xapi.hpp"

#include <gtest/gtest.h>

#include "learning_fixture.hpp"

namespace trappa::core {
namespace {

using testing::activity;
using testing::day;
using testing::row;

TEST(XapiIri, absolute_iris_have_a_scheme_and_no_spaces) {
  EXPECT_TRUE(is_absolute_iri("https://lms.example.se/course/view.php?id=42"));
  EXPECT_TRUE(is_absolute_iri("urn:trappa:activity:AI-01"));
  EXPECT_TRUE(is_absolute_iri("http://example.se/kurs/söka"));  // an IRI, not only a URI
  EXPECT_FALSE(is_absolute_iri("/course/42"));
  EXPECT_FALSE(is_absolute_iri("course 42"));
  EXPECT_FALSE(is_absolute_iri("https://lms.example.se/a b"));
  EXPECT_FALSE(is_absolute_iri("1http://x"));
  EXPECT_FALSE(is_absolute_iri("https:"));
  EXPECT_FALSE(is_absolute_iri(""));
}

TEST(XapiUuid, only_the_8_4_4_4_12_hex_form_is_a_uuid) {
  EXPECT_TRUE(is_uuid("fd41c918-b88b-4b20-a0a5-a4c32391aaa0"));
  EXPECT_TRUE(is_uuid("FD41C918-B88B-4B20-A0A5-A4C32391AAA0"));
  EXPECT_FALSE(is_uuid("fd41c918b88b4b20a0a5a4c32391aaa0"));
  EXPECT_FALSE(is_uuid("fd41c918-b88b-4b20-a0a5-a4c32391aaa"));
  EXPECT_FALSE(is_uuid("gd41c918-b88b-4b20-a0a5-a4c32391aaa0"));
}

TEST(XapiDuration, iso_8601_durations_in_hours) {
  const std::vector<std::pair<const char*, double>> cases{
      {"PT1H30M", 1.5}, {"PT45M", 0.75}, {"PT0.5H", 0.5},  {"PT90S", 0.025}, {"P1D", 24},
      {"P1DT2H", 26},   {"P1W", 168},    {"PT1H0M0S", 1}, {"PT2,5H", 2.5},  {"PT1H30M36S", 1.51}};
  for (const auto& [text, hours] : cases) {
    const auto parsed = parse_xapi_duration_hours(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_NEAR(*parsed, hours, 1e-9) << text;
  }
}

TEST(XapiDuration, years_months_empty_negative_and_disordered_durations_are_refused) {
  for (const char* text : {"", "P", "PT", "1H", "PT1.5H30M", "P1Y", "P1M", "-PT1H", "PT1M1H", "PT1H1H", "PT1", "P1DT",
                           "PTH", "PT1.H", "P1H", "PT1D", "PT1H 30M"}) {
    EXPECT_FALSE(parse_xapi_duration_hours(text).has_value()) << text;
  }
}

TEST(XapiVerb, the_four_adl_verbs_and_nothing_else) {
  EXPECT_EQ(parse_xapi_verb("http://adlnet.gov/expapi/verbs/completed"), XapiVerb::kCompleted);
  EXPECT_EQ(parse_xapi_verb("http://adlnet.gov/expapi/verbs/passed"), XapiVerb::kPassed);
  EXPECT_EQ(parse_xapi_verb("http://adlnet.gov/expapi/verbs/attended"), XapiVerb::kAttended);
  EXPECT_EQ(parse_xapi_verb("http://adlnet.gov/expapi/verbs/voided"), XapiVerb::kVoided);
  EXPECT_FALSE(parse_xapi_verb("http://adlnet.gov/expapi/verbs/experienced").has_value());
  EXPECT_FALSE(parse_xapi_verb("http://id.tincanapi.com/verb/viewed").has_value());
  EXPECT_FALSE(parse_xapi_verb("https://adlnet.gov/expapi/verbs/completed").has_value());
}

constexpr const char* kCompleted = "http://adlnet.gov/expapi/verbs/completed";
constexpr const char* kAttended = "http://adlnet.gov/expapi/verbs/attended";
constexpr const char* kVoided = "http://adlnet.gov/expapi/verbs/voided";

// P1 (p1@stad.se) and P2; AI-01 (3 h, https://lms/ai) and SÄK-01 (1.5 h, https://lms/sak) and
// GRUND without an xapi_id. P2 is registered for SÄK-01 by the web.
class XapiPlan : public ::testing::Test {
 protected:
  XapiPlan() {
    people = {Person{"P1", "Ada", "p1@stad.se", Gender::kWoman, 1980, "U1", "medarbetare", "", std::nullopt},
              Person{"P2", "Bo", "", Gender::kMan, 1975, "U1", "medarbetare", "", std::nullopt}};
    activities = {activity("AI-01", {"1.1"}, 1, 3, 3), activity("SÄK-01", {"2.2"}, 1, 2, 1.5),
                  activity("GRUND", {"1.1"}, 1, 2, 4)};
    activities[0].xapi_id = "https://lms/ai";
    activities[1].xapi_id = "https://lms/sak";
    rows = {Participation{"P2", "SÄK-01", day("2026-01-10"), ParticipationStatus::kRegistered, std::nullopt, "web"}};
  }
  static XapiStatement statement(std::string id, const char* verb, std::string name, std::string object,
                                 std::optional<std::string> duration = std::nullopt) {
    XapiStatement made;
    made.id = std::move(id);
    made.verb_id = verb;
    made.actor_account_name = std::move(name);
    made.object_type = "Activity";
    made.object_id = std::move(object);
    made.duration = std::move(duration);
    made.date = day("2026-03-02");
    made.received = "{\"id\":\"" + made.id + "\",\"n\":1}";
    made.served = made.received;
    return made;
  }
  static XapiStatement voiding(std::string id, std::string target) {
    XapiStatement made = statement(std::move(id), kVoided, "P1", std::move(target));
    made.object_type = "StatementRef";
    return made;
  }
  Result<XapiOutcome> plan(const std::vector<XapiStatement>& statements) {
    return plan_xapi_statements(statements, people, activities, rows, stored, "moodle", day("2026-06-01"));
  }
  std::vector<Person> people;
  std::vector<LearningActivity> activities;
  std::vector<Participation> rows;
  std::map<std::string, StoredXapiStatement> stored;
};

TEST_F(XapiPlan, a_completion_credits_the_activity_hours_and_an_attendance_its_duration) {
  XapiStatement by_mail = statement("00000000-0000-4000-8000-000000000002", kAttended, "", "https://lms/sak", "PT1H15M");
  by_mail.actor_mbox = "mailto:P1@Stad.se";
  const auto outcome = plan({statement("00000000-0000-4000-8000-000000000001", kCompleted, "P2", "https://lms/ai"),
                             by_mail});
  ASSERT_TRUE(outcome.has_value()) << outcome.error().describe();
  EXPECT_EQ(outcome->ids, (std::vector<std::string>{"00000000-0000-4000-8000-000000000001",
                                                    "00000000-0000-4000-8000-000000000002"}));
  ASSERT_EQ(outcome->batch.rows.size(), 2u);
  // In key order: (P1, SÄK-01), (P2, AI-01).
  EXPECT_EQ(outcome->batch.rows[0].after,
            (Participation{"P1", "SÄK-01", day("2026-03-02"), ParticipationStatus::kAttended, 1.25,
                           "xapi:00000000-0000-4000-8000-000000000002"}));
  EXPECT_FALSE(outcome->batch.rows[0].before.has_value());
  EXPECT_EQ(outcome->batch.rows[1].after,
            (Participation{"P2", "AI-01", day("2026-03-02"), ParticipationStatus::kAttended, std::nullopt,
                           "xapi:00000000-0000-4000-8000-000000000001"}));
  ASSERT_EQ(outcome->batch.statements.size(), 2u);
  EXPECT_EQ(outcome->batch.statements[0].verb, "completed");
  EXPECT_EQ(outcome->batch.statements[1].employee_id, "P1");
  EXPECT_EQ(outcome->batch.statements[1].client, "moodle");
}

TEST_F(XapiPlan, a_credit_replaces_a_registration_and_keeps_it_for_voiding) {
  const auto outcome = plan({statement("00000000-0000-4000-8000-000000000003", kCompleted, "P2", "https://lms/sak")});
  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->batch.rows.size(), 1u);
  EXPECT_EQ(outcome->batch.rows[0].before, rows[0]);
  EXPECT_EQ(outcome->batch.statements[0].previous_row, rows[0]);
  EXPECT_EQ(outcome->batch.rows[0].after->status, ParticipationStatus::kAttended);
}

TEST_F(XapiPlan, a_statement_without_a_timestamp_is_dated_today) {
  XapiStatement undated = statement("00000000-0000-4000-8000-000000000004", kCompleted, "P1", "https://lms/ai");
  undated.date.reset();
  const auto outcome = plan({undated});
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->batch.rows[0].after->date, day("2026-06-01"));
}

TEST_F(XapiPlan, a_replay_changes_nothing_and_other_content_under_a_stored_id_conflicts) {
  const XapiStatement first = statement("00000000-0000-4000-8000-000000000005", kCompleted, "P1", "https://lms/ai");
  stored[first.id] = StoredXapiStatement{first.id, "moodle", first.received, first.served, "completed", "P1", "AI-01",
                                         "", "", std::nullopt};
  const auto replay = plan({first});
  ASSERT_TRUE(replay.has_value());
  EXPECT_EQ(replay->ids, std::vector<std::string>{first.id});
  EXPECT_TRUE(replay->batch.statements.empty());
  EXPECT_TRUE(replay->batch.rows.empty());

  XapiStatement changed = first;
  changed.received = "{\"id\":\"" + first.id + "\",\"n\":2}";
  const auto conflict = plan({changed});
  ASSERT_FALSE(conflict.has_value());
  EXPECT_EQ(conflict.error().kind, ErrorKind::kConflict);
}

TEST_F(XapiPlan, voiding_restores_the_row_the_credit_replaced_or_removes_a_new_one) {
  const auto credited = plan({statement("00000000-0000-4000-8000-000000000006", kCompleted, "P2", "https://lms/sak"),
                              statement("00000000-0000-4000-8000-000000000007", kCompleted, "P1", "https://lms/ai")});
  ASSERT_TRUE(credited.has_value());
  for (const StoredXapiStatement& kept : credited->batch.statements) stored[kept.id] = kept;
  for (const XapiRowChange& change : credited->batch.rows) {
    std::erase_if(rows, [&](const Participation& r) { return r.employee_id == change.employee_id && r.activity == change.activity; });
    rows.push_back(*change.after);
  }
  const auto voided = plan({voiding("00000000-0000-4000-8000-000000000008", "00000000-0000-4000-8000-000000000006"),
                            voiding("00000000-0000-4000-8000-000000000009", "00000000-0000-4000-8000-000000000007")});
  ASSERT_TRUE(voided.has_value()) << voided.error().describe();
  ASSERT_EQ(voided->batch.rows.size(), 2u);
  EXPECT_EQ(voided->batch.rows[0].employee_id, "P1");
  EXPECT_FALSE(voided->batch.rows[0].after.has_value());  // removed: P1 had no row for AI-01
  EXPECT_EQ(voided->batch.rows[1].after,
            (Participation{"P2", "SÄK-01", day("2026-01-10"), ParticipationStatus::kRegistered, std::nullopt, "web"}));
  EXPECT_EQ(voided->batch.rows[1].cause,
            "xapi:00000000-0000-4000-8000-000000000008 voids xapi:00000000-0000-4000-8000-000000000006");
  EXPECT_EQ(voided->batch.voided.size(), 2u);
}

TEST_F(XapiPlan, voiding_leaves_a_row_that_a_later_import_replaced) {
  const auto credited = plan({statement("00000000-0000-4000-8000-00000000000a", kCompleted, "P1", "https://lms/ai")});
  ASSERT_TRUE(credited.has_value());
  stored[credited->batch.statements[0].id] = credited->batch.statements[0];
  rows.push_back(row("P1", "AI-01", "2026-03-05", ParticipationStatus::kAttended, 2.0));  // source "test"
  const auto voided = plan({voiding("00000000-0000-4000-8000-00000000000b", "00000000-0000-4000-8000-00000000000a")});
  ASSERT_TRUE(voided.has_value());
  EXPECT_TRUE(voided->batch.rows.empty());
  EXPECT_EQ(voided->batch.statements.size(), 1u);
}

TEST_F(XapiPlan, voiding_within_the_batch_undoes_the_credit_before_it) {
  const auto outcome = plan({statement("00000000-0000-4000-8000-00000000000c", kCompleted, "P1", "https://lms/ai"),
                             voiding("00000000-0000-4000-8000-00000000000d", "00000000-0000-4000-8000-00000000000C")});
  ASSERT_TRUE(outcome.has_value()) << outcome.error().describe();
  EXPECT_TRUE(outcome->batch.rows.empty());  // no row before, none after
  EXPECT_EQ(outcome->batch.statements.size(), 2u);
}

TEST_F(XapiPlan, every_bad_statement_is_named_and_the_batch_refused) {
  XapiStatement unknown_mail = statement("00000000-0000-4000-8000-000000000014", kCompleted, "", "https://lms/ai");
  unknown_mail.actor_mbox = "mailto:nobody@stad.se";
  XapiStatement nobody = statement("00000000-0000-4000-8000-000000000015", kCompleted, "", "https://lms/ai");
  const auto outcome = plan({
      statement("00000000-0000-4000-8000-000000000010", kCompleted, "P1", "https://lms/ai"),  // fine
      statement("00000000-0000-4000-8000-000000000011", "http://adlnet.gov/expapi/verbs/experienced", "P1", "https://lms/ai"),
      statement("00000000-0000-4000-8000-000000000012", kCompleted, "P9", "https://lms/ai"),
      statement("00000000-0000-4000-8000-000000000013", kCompleted, "P1", "https://lms/unknown"),
      unknown_mail,
      nobody,
      statement("00000000-0000-4000-8000-000000000016", kAttended, "P1", "https://lms/ai", "PT1Y"),
      statement("00000000-0000-4000-8000-000000000017", kAttended, "P1", "https://lms/ai", "P500D"),
      statement("00000000-0000-4000-8000-000000000018", kCompleted, "P1", "https://lms/ai", "PT1H 30M"),
      statement("00000000-0000-4000-8000-000000000010", kCompleted, "P1", "https://lms/ai"),
  });
  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().kind, ErrorKind::kInvalidInput);
  std::vector<std::string> where;
  for (const Problem& problem : outcome.error().problems) where.push_back(problem.where);
  EXPECT_EQ(where, (std::vector<std::string>{"statements[1].verb.id", "statements[2].actor.account.name",
                                             "statements[3].object.id", "statements[4].actor.mbox", "statements[5].actor",
                                             "statements[6].result.duration", "statements[7].result.duration",
                                             "statements[8].result.duration", "statements[9].id"}));
}

TEST_F(XapiPlan, a_voiding_statement_may_come_before_its_target_which_then_credits_nothing) {
  const std::string target = "00000000-0000-4000-8000-000000000030";
  const auto early = plan({voiding("00000000-0000-4000-8000-000000000031", target)});
  ASSERT_TRUE(early.has_value()) << early.error().describe();
  ASSERT_EQ(early->batch.statements.size(), 1u);
  EXPECT_EQ(early->batch.statements[0].voids, target);
  EXPECT_TRUE(early->batch.voided.empty());
  EXPECT_TRUE(early->batch.rows.empty());
  stored[early->batch.statements[0].id] = early->batch.statements[0];
  const auto late = plan({statement(target, kCompleted, "P1", "https://lms/ai")});
  ASSERT_TRUE(late.has_value()) << late.error().describe();
  ASSERT_EQ(late->batch.statements.size(), 1u);
  EXPECT_EQ(late->batch.statements[0].voided_by, "00000000-0000-4000-8000-000000000031");
  EXPECT_TRUE(late->batch.rows.empty());
  // A second voiding of the same absent target is refused as voided already.
  const auto twice = plan({voiding("00000000-0000-4000-8000-000000000032", target)});
  ASSERT_FALSE(twice.has_value());
}

TEST_F(XapiPlan, a_voiding_statement_cannot_be_voided_nor_a_statement_voided_twice) {
  const auto credited = plan({statement("00000000-0000-4000-8000-000000000020", kCompleted, "P1", "https://lms/ai"),
                              voiding("00000000-0000-4000-8000-000000000021", "00000000-0000-4000-8000-000000000020")});
  ASSERT_TRUE(credited.has_value());
  for (StoredXapiStatement kept : credited->batch.statements) {
    if (kept.id == "00000000-0000-4000-8000-000000000020") kept.voided_by = "00000000-0000-4000-8000-000000000021";
    stored[kept.id] = kept;
  }
  const auto again = plan({voiding("00000000-0000-4000-8000-000000000022", "00000000-0000-4000-8000-000000000020")});
  ASSERT_FALSE(again.has_value());
  EXPECT_NE(again.error().problems.at(0).what.find("voided already"), std::string::npos);
  const auto of_voiding = plan({voiding("00000000-0000-4000-8000-000000000023", "00000000-0000-4000-8000-000000000021")});
  ASSERT_FALSE(of_voiding.has_value());
  EXPECT_NE(of_voiding.error().problems.at(0).what.find("cannot be voided"), std::string::npos);
}

TEST(XapiActivity, an_xapi_id_must_be_an_absolute_iri) {
  const Framework framework = testing::learning_framework();
  LearningActivity made = activity("AI-01", {"1.1"}, 1, 3, 3);
  made.xapi_id = "course/42";
  const auto problems = activity_problems(made, framework);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "xapi_id");
  made.xapi_id = "https://lms.example.se/course/42";
  EXPECT_TRUE(activity_problems(made, framework).empty());
}

}  // namespace
}  // namespace trappa::core
