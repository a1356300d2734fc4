// Fixture tests for the gap analytics: a small organisation in CSV and JSON files
// (tests/fixtures/analytics), and cases.json with each query and the figures worked out by
// hand. Every case runs the real pipeline — CSV readers, snapshot, query, JSON document —
// and checks the expected fields (numbers to 1e-9, null where a figure must be absent).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include <boost/json.hpp>

#include "core/analytics/gap_query.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/json/framework_json.hpp"
#include "io/exports/gap_report_output.hpp"
#include "io/imports/org_import.hpp"

namespace trappa {
namespace {

namespace json = boost::json;

const std::string kDir = std::string(TRAPPA_FIXTURES_DIR) + "/analytics/";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The organisation and both rounds, loaded once.
struct Organisation {
  std::vector<core::Person> people;
  core::Framework framework;
  std::shared_ptr<const core::UnitTree> tree;
  std::map<std::string, std::shared_ptr<const core::GapSnapshot>> rounds;
};

const Organisation& organisation() {
  static const Organisation loaded = [] {
    Organisation o;
    auto units_table = io::read_csv_file(kDir + "units.csv");
    auto units = io::read_units(units_table.value(), {});
    auto people_table = io::read_csv_file(kDir + "people.csv");
    o.people = io::read_people(people_table.value(), units.value(), {}).value();
    o.framework = io::read_framework_file(kDir + "framework.json").value();
    o.tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(units.value()));

    std::map<std::string, std::uint32_t> person_index;
    for (std::size_t i = 0; i < o.people.size(); ++i) person_index[o.people[i].employee_id] = static_cast<std::uint32_t>(i);
    std::map<std::string, std::uint16_t> competency_index;
    std::map<std::string, std::uint8_t> area_index;
    for (const core::Area& area : o.framework.areas) {
      area_index.emplace(area.code, static_cast<std::uint8_t>(area_index.size()));
      for (const core::Competency& c : area.competencies) {
        competency_index.emplace(c.code, static_cast<std::uint16_t>(competency_index.size()));
      }
    }
    std::map<std::string, core::RoundFacts> facts;
    std::map<std::string, std::map<std::uint32_t, core::AssessmentStatus>> statuses;
    const auto ratings = io::read_csv_file(kDir + "ratings.csv").value();
    const auto rating_columns = io::CsvColumns::bind(ratings, {"round", "employee_id", "competency", "self_level",
                                                               "agreed_level"}).value();
    for (const io::CsvRecord& record : ratings.records) {
      const std::string round = rating_columns.get(record, "round").text;
      const std::uint32_t person = person_index.at(rating_columns.get(record, "employee_id").text);
      const auto self = io::parse_integer(rating_columns.get(record, "self_level").text).value_or(0);
      const auto agreed = io::parse_integer(rating_columns.get(record, "agreed_level").text).value_or(0);
      facts[round].ratings.push_back({person, competency_index.at(rating_columns.get(record, "competency").text),
                                      static_cast<std::uint8_t>(self), static_cast<std::uint8_t>(agreed)});
      auto& status = statuses[round][person];
      status = std::max(status, agreed != 0 ? core::AssessmentStatus::kConversationHeld
                                            : core::AssessmentStatus::kSelfAssessed);
    }
    const auto motivation = io::read_csv_file(kDir + "motivation.csv").value();
    const auto motivation_columns =
        io::CsvColumns::bind(motivation, {"round", "employee_id", "area", "motivation"}).value();
    for (const io::CsvRecord& record : motivation.records) {
      facts[motivation_columns.get(record, "round").text].motivations.push_back(
          {person_index.at(motivation_columns.get(record, "employee_id").text),
           area_index.at(motivation_columns.get(record, "area").text),
           static_cast<std::uint8_t>(io::parse_integer(motivation_columns.get(record, "motivation").text).value())});
    }
    for (auto& [round, round_facts] : facts) {
      for (const auto& [person, status] : statuses[round]) round_facts.statuses.push_back({person, status});
      const core::Round definition{round, o.framework.id, 1, "", "", "", core::RoundState::kOpen};
      o.rounds[round] = core::GapSnapshot::build(definition, o.framework, o.tree, o.people, round_facts);
    }
    return o;
  }();
  return loaded;
}

// Checks that every field in `expected` is in `actual` with the same value. Arrays of
// objects are matched by their "code" or "key" field, so a case lists only what it checks.
void expect_subset(const json::value& expected, const json::value& actual, const std::string& path) {
  if (expected.is_null()) {
    EXPECT_TRUE(actual.is_null()) << path << " should be null but is " << json::serialize(actual);
    return;
  }
  if (expected.is_number()) {
    ASSERT_TRUE(actual.is_number()) << path << " should be a number but is " << json::serialize(actual);
    EXPECT_NEAR(expected.to_number<double>(), actual.to_number<double>(), 1e-9) << path;
    return;
  }
  if (expected.is_object()) {
    ASSERT_TRUE(actual.is_object()) << path << " should be an object";
    for (const auto& [key, value] : expected.get_object()) {
      const json::value* found = actual.get_object().if_contains(key);
      ASSERT_NE(found, nullptr) << path << "." << key << " is missing";
      expect_subset(value, *found, path + "." + std::string(key));
    }
    return;
  }
  if (expected.is_array()) {
    ASSERT_TRUE(actual.is_array()) << path << " should be a list";
    const auto& wanted = expected.get_array();
    const auto& got = actual.get_array();
    for (std::size_t i = 0; i < wanted.size(); ++i) {
      const json::value* match = nullptr;
      if (wanted[i].is_object()) {
        for (const char* id : {"code", "key"}) {
          const json::value* want_id = wanted[i].get_object().if_contains(id);
          if (want_id == nullptr) continue;
          for (const json::value& candidate : got) {
            const json::value* got_id = candidate.is_object() ? candidate.get_object().if_contains(id) : nullptr;
            if (got_id != nullptr && *got_id == *want_id) match = &candidate;
          }
          break;
        }
      }
      if (match == nullptr && i < got.size()) match = &got[i];
      ASSERT_NE(match, nullptr) << path << "[" << i << "] is missing";
      expect_subset(wanted[i], *match, path + "[" + std::to_string(i) + "]");
    }
    return;
  }
  EXPECT_EQ(expected, actual) << path;
}

struct Case {
  std::string name;
  json::object definition;
};

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  const json::value document = json::parse(read_text(kDir + "cases.json"));
  for (const json::value& value : document.as_array()) {
    cases.push_back({std::string(value.at("name").as_string()), value.as_object()});
  }
  return cases;
}

class GapFixture : public ::testing::TestWithParam<Case> {};

TEST_P(GapFixture, figures_match_the_hand_computed_expectation) {
  const Organisation& o = organisation();
  const json::object& definition = GetParam().definition;
  const json::object& query_json = definition.at("query").as_object();
  auto text = [&](const char* key) -> std::string {
    const json::value* value = query_json.if_contains(key);
    return value != nullptr ? std::string(value->as_string()) : std::string();
  };
  core::GapQuery query;
  query.basis = text("basis") == "self" ? core::LevelBasis::kSelf : core::LevelBasis::kAgreed;
  query.unit = text("unit");
  query.role = text("role");
  if (!text("gender").empty()) query.gender = core::parse_gender(text("gender"));
  const std::string by = text("by");
  query.group_by = by == "unit" ? core::GroupBy::kUnit
                   : by == "role" ? core::GroupBy::kRole
                   : by == "gender" ? core::GroupBy::kGender
                                    : core::GroupBy::kNone;
  if (const json::value* min_group = query_json.if_contains("min_group")) {
    query.min_group = static_cast<std::size_t>(min_group->as_int64());
  }
  const std::string round(definition.at("round").as_string());
  auto report = core::run_gap_query(*o.rounds.at(round), query);
  ASSERT_TRUE(report.has_value()) << report.error().describe();
  std::optional<core::GapComparison> comparison;
  if (!text("compare").empty()) {
    auto earlier = core::run_gap_query(*o.rounds.at(text("compare")), query);
    ASSERT_TRUE(earlier.has_value());
    comparison = core::compare_reports(*report, *earlier);
  }
  const json::value document = json::parse(io::gap_report_json(*report, comparison));
  expect_subset(definition.at("expected"), document, "$");
  if (const json::value* absent = definition.if_contains("absent")) {
    for (const json::value& key : absent->as_array()) {
      EXPECT_FALSE(document.as_object().contains(key.as_string())) << key.as_string() << " should be absent";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GapFixture, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(GapQuery, unknown_unit_is_reported_not_ignored) {
  core::GapQuery query;
  query.unit = "NOPE";
  auto report = core::run_gap_query(*organisation().rounds.at("2025"), query);
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(report.error().message, "unknown unit 'NOPE'");
}

TEST(GapQuery, csv_output_has_one_row_per_competency_and_matrix_with_groups) {
  auto report = core::run_gap_query(*organisation().rounds.at("2025"), {});
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(io::gap_report_csv(*report),
            "code,name,area,applicable,rated,participation,mean_level,need_share\n"
            "a1,Delkompetens a1,A,6,5,0.8333333333333334,3.4,0.2\n"
            "a2,Delkompetens a2,A,6,4,0.6666666666666666,2,0.5\n"
            "b1,Delkompetens b1,B,2,2,1,2.5,0.5\n");
  core::GapQuery by_unit;
  by_unit.group_by = core::GroupBy::kUnit;
  auto grouped = core::run_gap_query(*organisation().rounds.at("2025"), by_unit);
  ASSERT_TRUE(grouped.has_value());
  EXPECT_EQ(io::gap_report_csv(*grouped),
            "key,name,people,assessed,share_with_need,suppressed,a1,a2,b1\n"
            "D1,Avdelning Ett,3,3,0.6666666666666666,false,0.3333333333333333,0.5,0\n"
            "D2,Avdelning Två,3,2,1,false,0,0.5,1\n");
}

}  // namespace
}  // namespace trappa
