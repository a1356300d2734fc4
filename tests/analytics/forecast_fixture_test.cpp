// The competence forecast on the hand-built organisations in tests/fixtures/forecast/ (its
// README.md shows every number worked out by hand). Each case folder holds units.csv,
// people.csv and employments.csv (read by the real importers) and, for the competence part,
// framework.json, rounds.csv (in creation order) and ratings.csv. Every other *.json file in
// the folder is one expectation:
//
//   {"query": {"at", "years"?, "unit"?, "history_years"?, "retirement_age"?, "round"?},
//    "scenario": {... a trappa-forecast-scenario document ...}?,
//    "expected": {... fields of the forecast document ...}}   or   "error": ["message", "problem", ...]
//
// The pipeline is the one `trappa forecast` runs, minus the store: the scenario goes through
// the scenario reader (as "scenario.json"), the rounds through GapSnapshot::build, the default
// round through core::default_forecast_round, and the result through write_forecast_json. Every
// field listed in "expected" must match (numbers to 1e-9, arrays element by element and of the
// same length); an "error" must be exactly the message and problems reported.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/analytics/gap_snapshot.hpp"
#include "core/assessment/round_facts.hpp"
#include "core/forecast/forecast.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/exports/forecast_output.hpp"
#include "io/imports/employment_import.hpp"
#include "io/imports/org_import.hpp"
#include "io/json/forecast_scenario_json.hpp"
#include "io/json/framework_json.hpp"

namespace trappa {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kFixtures = fs::path(TRAPPA_FIXTURES_DIR) / "forecast";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// One case folder's organisation, history and rounds.
struct CaseData {
  std::vector<core::Unit> units;
  std::vector<core::Person> people;
  std::vector<core::Employment> employments;
  std::vector<core::Round> rounds;
  std::vector<std::shared_ptr<const core::GapSnapshot>> snapshots;  // per round
};

CaseData load_case(const fs::path& folder) {
  CaseData data;
  data.units = io::read_units(io::read_csv_file(folder / "units.csv").value(), {}).value();
  data.people = io::read_people(io::read_csv_file(folder / "people.csv").value(), data.units, {}).value();
  data.employments =
      io::read_employments(io::read_csv_file(folder / "employments.csv").value(), data.units, data.people).value();
  if (!fs::exists(folder / "rounds.csv")) return data;

  const core::Framework framework = io::read_framework_file(folder / "framework.json").value();
  const core::FrameworkNumbering numbering(framework);
  const auto tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(data.units));
  std::map<std::string, std::uint32_t> person_index;
  for (std::size_t i = 0; i < data.people.size(); ++i) {
    person_index[data.people[i].employee_id] = static_cast<std::uint32_t>(i);
  }
  const io::CsvTable rounds = io::read_csv_file(folder / "rounds.csv").value();
  const auto round_columns =
      io::CsvColumns::bind(rounds, {"name", "framework_id", "state", "opens", "closes", "scope_unit"}).value();
  const io::CsvTable ratings = io::read_csv_file(folder / "ratings.csv").value();
  const auto rating_columns =
      io::CsvColumns::bind(ratings, {"round", "employee_id", "competency", "self_level", "agreed_level"}).value();
  for (const io::CsvRecord& record : rounds.records) {
    core::Round round{round_columns.get(record, "name").text, round_columns.get(record, "framework_id").text, 1,
                      round_columns.get(record, "scope_unit").text, round_columns.get(record, "opens").text,
                      round_columns.get(record, "closes").text,
                      core::parse_round_state(round_columns.get(record, "state").text).value()};
    core::RoundFacts facts;
    const std::vector<bool> takes_part =
        core::takes_part_on(data.people, data.employments, core::parse_iso_date(round.opens).value());
    for (std::uint32_t i = 0; i < takes_part.size(); ++i) {
      if (!takes_part[i]) facts.not_employed.push_back(i);
    }
    std::map<std::uint32_t, core::Assessment> assessments;
    for (const io::CsvRecord& rating : ratings.records) {
      if (rating_columns.get(rating, "round").text != round.name) continue;
      const std::uint32_t person = person_index.at(rating_columns.get(rating, "employee_id").text);
      core::Assessment& assessment = assessments[person];
      assessment.round = round.name;
      assessment.employee_id = data.people[person].employee_id;
      assessment.status = core::AssessmentStatus::kConversationHeld;
      core::Rating level;
      level.competency = rating_columns.get(rating, "competency").text;
      if (auto self = io::parse_integer(rating_columns.get(rating, "self_level").text)) level.self_level = static_cast<int>(*self);
      if (auto agreed = io::parse_integer(rating_columns.get(rating, "agreed_level").text)) {
        level.agreed_level = static_cast<int>(*agreed);
      }
      assessment.ratings.push_back(level);
    }
    for (const auto& [person, assessment] : assessments) core::add_assessment_facts(facts, person, assessment, numbering);
    data.snapshots.push_back(core::GapSnapshot::build(round, framework, tree, data.people, facts));
    data.rounds.push_back(std::move(round));
  }
  return data;
}

// Every field of `expected` must be in `actual` with the same value. Differences are
// collected with their JSON path.
void expect_subset(const json::value& expected, const json::value& actual, const std::string& path,
                   std::vector<std::string>& differences) {
  if (expected.is_number() && actual.is_number()) {
    const double want = expected.to_number<double>();
    const double got = actual.to_number<double>();
    if (std::fabs(want - got) > 1e-9) differences.push_back(fmt::format("{}: expected {}, got {}", path, want, got));
    return;
  }
  if (expected.kind() != actual.kind()) {
    differences.push_back(fmt::format("{}: expected {}, got {}", path, json::serialize(expected), json::serialize(actual)));
    return;
  }
  if (expected.is_object()) {
    for (const auto& member : expected.get_object()) {
      const std::string child = path + "." + std::string(member.key());
      const json::value* found = actual.get_object().if_contains(member.key());
      if (found == nullptr) {
        differences.push_back(child + ": missing");
      } else {
        expect_subset(member.value(), *found, child, differences);
      }
    }
  } else if (expected.is_array()) {
    const auto& want = expected.get_array();
    const auto& got = actual.get_array();
    if (want.size() != got.size()) {
      differences.push_back(fmt::format("{}: expected {} elements, got {}", path, want.size(), got.size()));
      return;
    }
    for (std::size_t i = 0; i < want.size(); ++i) expect_subset(want[i], got[i], fmt::format("{}[{}]", path, i), differences);
  } else if (expected != actual) {
    differences.push_back(fmt::format("{}: expected {}, got {}", path, json::serialize(expected), json::serialize(actual)));
  }
}

core::Result<core::Forecast> run_case(const CaseData& data, const json::object& expectation) {
  const json::object& query_json = expectation.at("query").as_object();
  core::ForecastQuery query;
  query.at = core::parse_iso_date(query_json.at("at").as_string()).value();
  if (const auto* years = query_json.if_contains("years")) query.years = static_cast<int>(years->as_int64());
  if (const auto* unit = query_json.if_contains("unit")) query.unit_code = std::string(unit->as_string());
  if (const auto* history = query_json.if_contains("history_years")) query.history_years = static_cast<int>(history->as_int64());
  if (const auto* age = query_json.if_contains("retirement_age")) query.retirement_age = static_cast<int>(age->as_int64());

  core::ForecastScenario scenario;
  if (const auto* document = expectation.if_contains("scenario")) {
    auto read = io::parse_forecast_scenario(json::serialize(*document), "scenario.json");
    if (!read) return std::unexpected(read.error());
    scenario = std::move(*read);
  }

  std::optional<std::size_t> round;
  if (const auto* name = query_json.if_contains("round")) {
    const auto found = std::ranges::find(data.rounds, std::string(name->as_string()), &core::Round::name);
    if (found == data.rounds.end()) return core::fail(core::ErrorKind::kNotFound, "no such round in the case");
    round = static_cast<std::size_t>(found - data.rounds.begin());
  } else {
    round = core::default_forecast_round(data.rounds, data.units, query.unit_code);
  }
  core::ForecastRounds rounds;
  if (round) {
    rounds.round = data.snapshots[*round].get();
    if (const auto before = core::round_before(data.rounds, *round)) rounds.earlier = data.snapshots[*before].get();
  }
  return core::compute_forecast(data.people, data.employments, data.units, query, scenario, rounds);
}

struct Expectation {
  std::string case_name;
  fs::path file;
};

void PrintTo(const Expectation& expectation, std::ostream* out) { *out << expectation.file.string(); }

std::vector<Expectation> discover() {
  std::vector<Expectation> found;
  for (const auto& folder : fs::directory_iterator(kFixtures)) {
    if (!folder.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(folder.path())) {
      if (file.path().extension() == ".json" && file.path().filename() != "framework.json") {
        found.push_back({folder.path().filename().string(), file.path()});
      }
    }
  }
  std::ranges::sort(found, {}, [](const Expectation& e) { return e.file.string(); });
  return found;
}

class ForecastFixture : public ::testing::TestWithParam<Expectation> {};

TEST_P(ForecastFixture, forecast_matches_the_hand_worked_expectation) {
  const Expectation& expectation = GetParam();
  const CaseData data = load_case(expectation.file.parent_path());
  const json::object definition = json::parse(read_text(expectation.file)).as_object();
  auto forecast = run_case(data, definition);

  if (const auto* error = definition.if_contains("error")) {
    ASSERT_FALSE(forecast.has_value()) << "an error was expected";
    std::vector<std::string> wanted;
    for (const json::value& line : error->as_array()) wanted.emplace_back(line.as_string());
    EXPECT_EQ(split_lines(forecast.error().describe()), wanted);
    return;
  }
  ASSERT_TRUE(forecast.has_value()) << forecast.error().describe();
  const json::value document = json::parse(io::write_forecast_json(*forecast));
  std::vector<std::string> differences;
  expect_subset(definition.at("expected"), document, "$", differences);
  for (const std::string& difference : differences) ADD_FAILURE() << difference;
}

INSTANTIATE_TEST_SUITE_P(Cases, ForecastFixture, ::testing::ValuesIn(discover()),
                         [](const ::testing::TestParamInfo<Expectation>& info) {
                           std::string name = info.param.case_name + "_" + info.param.file.stem().string();
                           std::ranges::replace_if(name, [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

// The CSV has one row per role and year with the flows, in the JSON's rounding.
TEST(ForecastOutput, csv_has_one_row_per_role_and_year) {
  const CaseData data = load_case(kFixtures / "leaving_rates");
  core::ForecastQuery query;
  query.at = core::parse_iso_date("2025-12-31").value();
  query.years = 2;
  query.unit_code = "ENH";
  auto forecast = core::compute_forecast(data.people, data.employments, data.units, query, {}, {});
  ASSERT_TRUE(forecast.has_value()) << forecast.error().describe();
  EXPECT_EQ(split_lines(io::write_forecast_csv(*forecast)),
            (std::vector<std::string>{
                "role,year,start,retirements,leavers,demand,recruitment_need,end,turning_65,turning_67,turning_69",
                "handlaggare,2026,12,0,0.56,12,0.56,12,0,0,0",
                "handlaggare,2027,12,0,0.56,12,0.56,12,0,0,0",
                "jurist,2026,3,0,0.17,3,0.17,3,0,0,0",
                "jurist,2027,3,0,0.17,3,0.17,3,0,0,0",
            }));
}

// Input in any order gives the same forecast as input in employee-id order.
TEST(ForecastInput, order_of_people_and_employments_does_not_matter) {
  const CaseData data = load_case(kFixtures / "retirement_hazard");
  core::ForecastQuery query;
  query.at = core::parse_iso_date("2025-12-31").value();
  query.history_years = 1;
  auto sorted = core::compute_forecast(data.people, data.employments, data.units, query, {}, {});
  std::vector<core::Person> people(data.people.rbegin(), data.people.rend());
  std::vector<core::Employment> employments(data.employments.rbegin(), data.employments.rend());
  auto reversed = core::compute_forecast(people, employments, data.units, query, {}, {});
  ASSERT_TRUE(sorted.has_value() && reversed.has_value());
  EXPECT_EQ(io::write_forecast_json(*sorted), io::write_forecast_json(*reversed));
}

TEST(ForecastQuery, years_and_history_outside_their_ranges_are_refused) {
  const CaseData data = load_case(kFixtures / "leaving_rates");
  core::ForecastQuery query;
  query.at = core::parse_iso_date("2025-12-31").value();
  query.years = 11;
  query.history_years = 0;
  auto forecast = core::compute_forecast(data.people, data.employments, data.units, query, {}, {});
  ASSERT_FALSE(forecast.has_value());
  EXPECT_EQ(split_lines(forecast.error().describe()),
            (std::vector<std::string>{"bad forecast options", "--years: 11 is not between 1 and 10",
                                      "--history-years: 0 is not between 1 and 10"}));
  query.years = 1;
  query.history_years = 1;
  query.unit_code = "NOPE";
  forecast = core::compute_forecast(data.people, data.employments, data.units, query, {}, {});
  ASSERT_FALSE(forecast.has_value());
  EXPECT_EQ(forecast.error().kind, core::ErrorKind::kNotFound);
}

}  // namespace
}  // namespace trappa
