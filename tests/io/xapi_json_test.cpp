// Reading xAPI statements (io/json/xapi_json.hpp): one statement or an array, ids kept or
// made, the fields the rules need, the received text canonical whatever the key order, the
// served statement with stored/authority/version, and every problem named.
#include "io/json/xapi_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace trappa::io {
namespace {

std::string fixed_id() { return "11111111-2222-4333-8444-555555555555"; }

core::Result<std::vector<core::XapiStatement>> read(std::string_view body) {
  return read_xapi_statements(body, "moodle", "2026-11-02T12:00:00Z", fixed_id);
}

constexpr const char* kMoodleCompleted = R"({
  "id": "8A7C1F52-3B1E-4C2A-9D1E-0F6B2A4C5D01",
  "actor": {"objectType": "Agent", "name": "Jose", "account": {"homePage": "https://moodle.stad.se", "name": "E000001"}},
  "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en": "completed"}},
  "object": {"id": "https://moodle.stad.se/course/view.php?id=12", "objectType": "Activity"},
  "result": {"completion": true},
  "timestamp": "2026-11-02T10:15:00+01:00"})";

TEST(XapiJson, a_moodle_completion_is_read_with_its_id_in_lower_case) {
  const auto statements = read(kMoodleCompleted);
  ASSERT_TRUE(statements.has_value()) << statements.error().describe();
  ASSERT_EQ(statements->size(), 1u);
  const core::XapiStatement& statement = statements->front();
  EXPECT_EQ(statement.id, "8a7c1f52-3b1e-4c2a-9d1e-0f6b2a4c5d01");
  EXPECT_EQ(statement.actor_account_name, "E000001");
  EXPECT_EQ(statement.verb_id, "http://adlnet.gov/expapi/verbs/completed");
  EXPECT_EQ(statement.object_type, "Activity");
  EXPECT_EQ(statement.object_id, "https://moodle.stad.se/course/view.php?id=12");
  EXPECT_FALSE(statement.duration.has_value());
  EXPECT_EQ(statement.date, core::parse_iso_date("2026-11-02"));
  const auto served = boost::json::parse(statement.served).as_object();
  EXPECT_EQ(served.at("stored").as_string(), "2026-11-02T12:00:00Z");
  EXPECT_EQ(served.at("timestamp").as_string(), "2026-11-02T10:15:00+01:00");
  EXPECT_EQ(served.at("version").as_string(), "1.0.0");
  EXPECT_EQ(served.at("authority").at("account").at("name").as_string(), "moodle");
  EXPECT_EQ(served.at("result").at("completion").as_bool(), true);
}

TEST(XapiJson, an_array_without_ids_gets_new_ids_and_the_key_order_does_not_matter) {
  const auto one = read(R"([{"actor": {"mbox": "mailto:eva@stad.se"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                             "object": {"id": "https://lms/s"}, "result": {"duration": "PT1H30M"}}])");
  const auto other = read(R"([{"result": {"duration": "PT1H30M"}, "object": {"id": "https://lms/s"},
                               "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"}, "actor": {"mbox": "mailto:eva@stad.se"}}])");
  ASSERT_TRUE(one.has_value() && other.has_value());
  EXPECT_EQ(one->front().id, fixed_id());
  EXPECT_EQ(one->front().actor_mbox, "mailto:eva@stad.se");
  EXPECT_EQ(one->front().duration, "PT1H30M");
  EXPECT_FALSE(one->front().date.has_value());
  EXPECT_EQ(one->front().received, other->front().received);
  EXPECT_EQ(one->front().received,
            R"({"actor":{"mbox":"mailto:eva@stad.se"},"id":"11111111-2222-4333-8444-555555555555","object":{"id":"https://lms/s"},)"
            R"("result":{"duration":"PT1H30M"},"verb":{"id":"http://adlnet.gov/expapi/verbs/attended"}})");
}

TEST(XapiJson, a_statement_ref_is_read_as_such) {
  const auto statements = read(R"({"actor": {"mbox": "mailto:admin@stad.se"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                                   "object": {"objectType": "StatementRef", "id": "8a7c1f52-3b1e-4c2a-9d1e-0f6b2a4c5d01"}})");
  ASSERT_TRUE(statements.has_value());
  EXPECT_EQ(statements->front().object_type, "StatementRef");
}

TEST(XapiJson, every_problem_is_named_by_statement_and_field) {
  const auto statements = read(R"([
    {"id": "42", "actor": {"mbox": "eva@stad.se"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}, "object": {"id": "https://lms/c"}},
    {"actor": {"objectType": "Group", "account": {"homePage": "https://lms"}}, "verb": {}, "object": {"objectType": "SubStatement", "id": "x"}},
    {"actor": {"mbox": "mailto:a@b"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}, "object": {"id": 12},
     "result": {"duration": 90}, "timestamp": "yesterday"},
    17])");
  ASSERT_FALSE(statements.has_value());
  std::vector<std::string> where;
  for (const core::Problem& problem : statements.error().problems) where.push_back(problem.where);
  EXPECT_EQ(where, (std::vector<std::string>{"statements[0].id", "statements[0].actor.mbox", "statements[1].actor.objectType",
                                             "statements[1].actor.account.name", "statements[1].verb.id",
                                             "statements[1].object.objectType", "statements[2].object.id",
                                             "statements[2].object.id", "statements[2].result.duration",
                                             "statements[2].timestamp", "statements[3]"}));
}

TEST(XapiJson, a_body_that_is_not_json_is_named_as_the_body) {
  for (const char* body : {"", "[{\"actor\": ", "not json", "\"text\""}) {
    const auto statements = read(body);
    ASSERT_FALSE(statements.has_value()) << body;
    EXPECT_EQ(statements.error().problems.at(0).where, "body") << body;
  }
}

TEST(XapiJson, the_ids_answer_is_a_json_array) {
  EXPECT_EQ(write_xapi_ids({"a", "b"}), R"(["a","b"])");
  EXPECT_EQ(write_xapi_ids({}), "[]");
}

}  // namespace
}  // namespace trappa::io
