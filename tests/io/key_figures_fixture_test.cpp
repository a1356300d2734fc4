// Key figures on the hand-built histories in tests/fixtures/key_figures/: each folder holds
// units.csv, people.csv and employments.csv (read by the real importers) and one or more
// expected JSON documents, each worked out by hand (the folder's README.md shows how).
//
// An expected document names its own query: "at", and when present "period.from", "unit"
// and "retirement_age". A file named *.complete.json must equal the output exactly (after
// both are written canonically); any other *.json lists only the fields that matter for its
// case, and every field it lists must match (arrays element by element, same length).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/workforce/key_figures.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/imports/employment_import.hpp"
#include "io/json/json_text.hpp"
#include "io/exports/key_figures_json.hpp"
#include "io/imports/org_import.hpp"

namespace trappa::io {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kFixtures = fs::path(TRAPPA_FIXTURES_DIR) / "key_figures";

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
      if (file.path().extension() == ".json") found.push_back({folder.path().filename().string(), file.path()});
    }
  }
  std::ranges::sort(found, {}, [](const Expectation& e) { return e.file.string(); });
  return found;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every field of `expected` must be in `actual` with the same value; numbers compare as
// numbers (1 equals 1.0). Differences are collected with their JSON path.
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

core::Result<core::KeyFigures> compute_case(const fs::path& folder, const json::object& expected) {
  auto units_table = read_csv_file(folder / "units.csv");
  if (!units_table) return std::unexpected(units_table.error());
  auto units = read_units(*units_table, {});
  if (!units) return std::unexpected(units.error());
  auto people_table = read_csv_file(folder / "people.csv");
  if (!people_table) return std::unexpected(people_table.error());
  auto people = read_people(*people_table, *units, {});
  if (!people) return std::unexpected(people.error());
  auto employments_table = read_csv_file(folder / "employments.csv");
  if (!employments_table) return std::unexpected(employments_table.error());
  auto employments = read_employments(*employments_table, *units, *people);
  if (!employments) return std::unexpected(employments.error());

  core::KeyFigureQuery query;
  query.at = core::parse_iso_date(expected.at("at").as_string()).value();
  if (const auto* period = expected.if_contains("period")) {
    if (const auto* from = period->as_object().if_contains("from")) {
      query.from = core::parse_iso_date(from->as_string()).value();
    }
  }
  if (const auto* unit = expected.if_contains("unit"); unit != nullptr && unit->is_string()) {
    query.unit_code = std::string(unit->as_string());
  }
  if (const auto* age = expected.if_contains("retirement_age")) query.retirement_age = static_cast<int>(age->as_int64());
  return core::compute_key_figures(*people, *employments, *units, query);
}

class KeyFiguresFixture : public ::testing::TestWithParam<Expectation> {};

TEST_P(KeyFiguresFixture, matches_the_hand_worked_figures) {
  const Expectation& expectation = GetParam();
  auto expected = parse_json_text(read_text(expectation.file), expectation.file.string());
  ASSERT_TRUE(expected.has_value()) << expected.error().describe();
  ASSERT_TRUE(expected->is_object());

  auto figures = compute_case(expectation.file.parent_path(), expected->as_object());
  ASSERT_TRUE(figures.has_value()) << figures.error().describe();
  const std::string written = write_key_figures_json(*figures);
  auto actual = parse_json_text(written, "output");
  ASSERT_TRUE(actual.has_value()) << actual.error().describe();

  if (expectation.file.filename().string().ends_with(".complete.json")) {
    EXPECT_EQ(written, write_json_text(*expected));
  }
  std::vector<std::string> differences;
  expect_subset(*expected, *actual, "$", differences);
  std::string report;
  for (const std::string& difference : differences) report += difference + "\n";
  EXPECT_TRUE(differences.empty()) << expectation.file.string() << ":\n" << report << "output:\n" << written;
}

std::string test_name(const ::testing::TestParamInfo<Expectation>& info) {
  std::string name = info.param.case_name + "__" + info.param.file.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, KeyFiguresFixture, ::testing::ValuesIn(discover()), test_name);

TEST(KeyFiguresFixtures, cover_every_case_the_issue_names) {
  std::vector<std::string> cases;
  for (const Expectation& expectation : discover()) cases.push_back(expectation.case_name);
  for (const char* required :
       {"employment_starting_or_ending_on_the_date", "temporary_then_permanent", "route_1_move_not_counted",
        "route_2_move_counted_only_in_the_wider_rate", "month_end_average_over_a_period_starting_mid_month",
        "unknown_routes", "full_document"}) {
    EXPECT_NE(std::ranges::find(cases, required), cases.end()) << required;
  }
}

// The CSV and table writers render the same figures; the CSV is pinned to a file.
TEST(KeyFiguresFixtures, the_csv_of_the_full_document_matches_its_file) {
  const fs::path folder = kFixtures / "full_document";
  auto expected = parse_json_text(read_text(folder / "expected.complete.json"), "expected");
  ASSERT_TRUE(expected.has_value());
  auto figures = compute_case(folder, expected->as_object());
  ASSERT_TRUE(figures.has_value()) << figures.error().describe();
  EXPECT_EQ(write_key_figures_csv(*figures), read_text(folder / "expected.csv"));
  const std::string table = write_key_figures_table(*figures);
  EXPECT_NE(table.find("biblioteksassistent"), std::string::npos);
  EXPECT_NE(table.find("16.2 %"), std::string::npos) << table;  // the turnover rate
}

}  // namespace
}  // namespace trappa::io
