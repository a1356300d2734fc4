// The units and people imports: valid files as HR systems write them, and every error case
// in tests/fixtures/import/ reported in full, as FILE:LINE:COLUMN: reason.
#include "io/imports/org_import.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "import_fixtures.hpp"

namespace trappa::io {
namespace {

using core::Gender;
using core::Person;
using core::Unit;
using core::UnitKind;
using fixtures::import_directory;

// Reads a fixture with the name a user would see, as `trappa import` run in its directory.
CsvTable read_import_fixture(const std::string& file) {
  auto table = parse_csv(fixtures::read_text(import_directory() / file), file);
  EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().describe());
  return table.value_or(CsvTable{});
}

// The store's state before every case: units.csv and people.csv imported.
const std::vector<Unit>& base_units() {
  static const std::vector<Unit> units = [] {
    auto read = read_units(read_import_fixture("units.csv"), {});
    EXPECT_TRUE(read.has_value()) << (read ? "" : read.error().describe());
    return read.value_or(std::vector<Unit>{});
  }();
  return units;
}

const std::vector<Person>& base_people() {
  static const std::vector<Person> people = [] {
    auto read = read_people(read_import_fixture("people.csv"), base_units(), {});
    EXPECT_TRUE(read.has_value()) << (read ? "" : read.error().describe());
    return read.value_or(std::vector<Person>{});
  }();
  return people;
}

Person person(std::string id, std::string name, std::string email, Gender gender, int birth_year, std::string unit,
              std::string role, std::string manager) {
  return Person{std::move(id), std::move(name), std::move(email), gender, birth_year, std::move(unit),
                std::move(role), std::move(manager), std::nullopt};
}

TEST(UnitsImport, reads_the_tree_with_english_and_swedish_kinds) {
  EXPECT_EQ(base_units(), (std::vector<Unit>{
                              {"STHLM", "Stockholms stad", "", UnitKind::kCity},
                              {"KUL", "Kulturförvaltningen", "STHLM", UnitKind::kAdministration},
                              {"BIB", "Stockholms stadsbibliotek", "KUL", UnitKind::kDepartment},
                              {"BIB-ÖST", "Östermalms bibliotek", "BIB", UnitKind::kUnit},
                              {"BIB-SKÄ", "Skärholmens bibliotek", "BIB", UnitKind::kUnit},
                              {"KS", "Kulturskolan", "KUL", UnitKind::kDepartment},
                              {"KS-SÖD", "Kulturskolan Söderort, Årsta", "KS", UnitKind::kUnit},
                          }));
}

TEST(UnitsImport, accepts_a_parent_listed_later_in_the_file_or_already_in_the_store) {
  auto table = parse_csv("kind;parent_code;name;code\nenhet;MUS;Stadsmuseet;MUS-1\navdelning;KUL;Museer och konst;MUS\n",
                         "museer.csv");
  ASSERT_TRUE(table.has_value());
  auto units = read_units(*table, base_units());
  ASSERT_TRUE(units.has_value()) << units.error().describe();
  EXPECT_EQ(*units, (std::vector<Unit>{{"MUS-1", "Stadsmuseet", "MUS", UnitKind::kUnit},
                                       {"MUS", "Museer och konst", "KUL", UnitKind::kDepartment}}));
}

TEST(UnitsImport, accepts_moving_an_existing_unit_under_another_parent) {
  auto table = parse_csv("code,name,parent_code,kind\nBIB-SKÄ,Skärholmens bibliotek,KS,enhet\n", "flytt.csv");
  ASSERT_TRUE(table.has_value());
  auto units = read_units(*table, base_units());
  ASSERT_TRUE(units.has_value()) << units.error().describe();
  EXPECT_EQ(units->at(0).parent_code, "KS");
}

TEST(PeopleImport, reads_a_semicolon_file_with_bom_crlf_extra_column_and_its_own_column_order) {
  std::vector<Person> expected{
      person("E001", "Åsa Öberg", "asa.oberg@stockholm.se", Gender::kWoman, 1968, "KUL", "chef", ""),
      person("E002", "Märta Ängström", "marta.angstrom@stockholm.se", Gender::kWoman, 1975, "BIB", "chef", "E001"),
      person("E003", "Örjan Åkesson", "", Gender::kMan, 1982, "BIB-ÖST", "bibliotekarie", "E002"),
      person("E004", "Kim Lindqvist", "kim.lindqvist@stockholm.se", Gender::kOther, 1990, "BIB-SKÄ",
             "biblioteksassistent", "E002"),
      person("E005", "Jöns Ekström", "jons.ekstrom@stockholm.se", Gender::kMan, 1979, "KS", "chef", "E001"),
      person("E006", "Söderberg, Ingrid", "", Gender::kWoman, 1985, "KS-SÖD", "medarbetare", "E005"),
  };
  EXPECT_EQ(base_people(), expected);
}

TEST(PeopleImport, reimporting_the_same_file_is_valid_and_gives_the_same_people) {
  auto again = read_people(read_import_fixture("people.csv"), base_units(), base_people());
  ASSERT_TRUE(again.has_value()) << again.error().describe();
  EXPECT_EQ(*again, base_people());
}

TEST(PeopleImport, a_person_may_report_to_a_manager_already_in_the_store) {
  auto table = parse_csv(
      "employee_id,name,email,gender,birth_year,unit_code,role,manager_id,city_start_date\n"
      "E020,Lars Ågren,lars.agren@stockholm.se,m,1958,KS-SÖD,medarbetare,E005,1989-08-01\n",
      "nyanstalld.csv");
  ASSERT_TRUE(table.has_value());
  auto people = read_people(*table, base_units(), base_people());
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  Person expected = person("E020", "Lars Ågren", "lars.agren@stockholm.se", Gender::kMan, 1958, "KS-SÖD",
                           "medarbetare", "E005");
  expected.city_start_date = "1989-08-01";
  EXPECT_EQ(*people, std::vector<Person>{expected});
}

TEST(PeopleImport, a_role_without_a_profile_anywhere_is_accepted) {
  auto table = parse_csv(
      "employee_id,name,email,gender,birth_year,unit_code,role,manager_id\n"
      "E021,Nora Wik,,K,2001,KS,museipedagog,E005\n",
      "roll.csv");
  ASSERT_TRUE(table.has_value());
  auto people = read_people(*table, base_units(), base_people());
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  EXPECT_EQ(people->at(0).role, "museipedagog");
}

// --------------------------------------------------------------------------------------------
// Every error case, with all its problems.

class UnitsFileErrors : public ::testing::TestWithParam<std::string> {};

TEST_P(UnitsFileErrors, are_all_reported_and_nothing_is_returned) {
  const std::string file = GetParam() + ".csv";
  auto table = parse_csv(fixtures::read_text(import_directory() / file), file);
  ASSERT_TRUE(table.has_value()) << table.error().describe();
  auto units = read_units(*table, base_units());
  ASSERT_FALSE(units.has_value()) << file << " was accepted";
  EXPECT_EQ(units.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(fixtures::reported_lines(units.error()), fixtures::expected_lines(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(OrgImport, UnitsFileErrors, ::testing::ValuesIn(fixtures::case_names("units_", ".csv")),
                         fixtures::case_test_name);

class PeopleFileErrors : public ::testing::TestWithParam<std::string> {};

TEST_P(PeopleFileErrors, are_all_reported_and_nothing_is_returned) {
  const std::string file = GetParam() + ".csv";
  auto table = parse_csv(fixtures::read_text(import_directory() / file), file);
  ASSERT_TRUE(table.has_value()) << table.error().describe();
  auto people = read_people(*table, base_units(), base_people());
  ASSERT_FALSE(people.has_value()) << file << " was accepted";
  EXPECT_EQ(people.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(fixtures::reported_lines(people.error()), fixtures::expected_lines(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(OrgImport, PeopleFileErrors, ::testing::ValuesIn(fixtures::case_names("people_", ".csv")),
                         fixtures::case_test_name);

TEST(ImportFixtures, every_case_file_has_its_expected_report_and_the_issue_cases_are_there) {
  for (const auto& entry : std::filesystem::directory_iterator(import_directory())) {
    const std::string stem = entry.path().stem().string();
    const std::string extension = entry.path().extension().string();
    if (extension != ".csv" && extension != ".json" && extension != ".expected") continue;
    if (stem == "units" || stem == "people" || stem == "matrix") continue;
    const bool has_input = std::filesystem::exists(import_directory() / (stem + ".csv")) ||
                           std::filesystem::exists(import_directory() / (stem + ".json"));
    EXPECT_TRUE(has_input) << entry.path() << " has no input file beside it";
    EXPECT_TRUE(std::filesystem::exists(import_directory() / (stem + ".expected")))
        << entry.path() << " has no .expected file beside it";
  }
  // The error cases the foundation issue names must stay covered.
  const std::vector<std::string> units = fixtures::case_names("units_", ".csv");
  const std::vector<std::string> people = fixtures::case_names("people_", ".csv");
  auto has = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  for (const char* name : {"people_unknown_unit", "people_manager_not_found", "people_manager_cycle",
                           "people_gender_not_kmx", "people_birth_year_out_of_range", "people_duplicate_id",
                           "people_missing_column"}) {
    EXPECT_TRUE(has(people, name)) << name;
  }
  for (const char* name : {"units_unknown_parent", "units_cycle", "units_duplicate_code", "units_missing_column"}) {
    EXPECT_TRUE(has(units, name)) << name;
  }
}

}  // namespace
}  // namespace trappa::io
