// Column maps, Swedish HR headers and value normalisation (issue 15): the files HR systems
// export, read by the people and employments importers. Each finding of the issue has a test
// named after it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "import_fixtures.hpp"
#include "io/imports/column_map.hpp"
#include "io/imports/employment_import.hpp"
#include "io/imports/org_import.hpp"
#include "io/imports/value_normalisation.hpp"

namespace trappa::io {
namespace {

using fixtures::import_directory;

CsvTable table_of(const std::string& text, const std::string& name = "people.csv") {
  auto table = parse_csv(text, name);
  EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().describe());
  return table.value_or(CsvTable{});
}

CsvTable fixture(const std::string& file) { return table_of(fixtures::read_text(import_directory() / file), file); }

const std::vector<core::Unit>& units() {
  static const std::vector<core::Unit> read = [] {
    auto result = read_units(fixture("units.csv"), {});
    EXPECT_TRUE(result.has_value());
    return result.value_or(std::vector<core::Unit>{});
  }();
  return read;
}

NormalisationOptions options(std::string date_format = "") {
  NormalisationOptions result;
  result.date_format = std::move(date_format);
  result.current_year = 2026;
  return result;
}

std::filesystem::path write_map(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

std::string all_problems(const core::Error& error) { return error.describe(); }

TEST(HrColumns, MissingColumnNameWhenFileHasFirstAndLastName) {
  CsvTable table = table_of(
      "employee_id,first_name,last_name,email,gender,birth_year,unit_code,role,manager_id\n"
      "E1,Anna,Svensson,,K,1980,KUL,chef,\n");
  EXPECT_FALSE(read_people(table, units(), {}).has_value());  // the finding, without a map
  auto map = read_column_map(write_map("h37_first_last.toml", "name = [\"first_name\", \"last_name\"]\n"));
  ASSERT_TRUE(map.has_value()) << map.error().describe();
  ASSERT_TRUE(apply_column_map(table, *map).has_value());
  auto people = read_people(table, units(), {});
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  EXPECT_EQ(people->front().name, "Anna Svensson");
}

TEST(HrColumns, MapNamingAColumnTheFileLacksNamesTheMapLineAndTheColumn) {
  CsvTable table = table_of("employee_id,first_name\nE1,Anna\n");
  auto map = read_column_map(write_map("h37_lacking.toml", "# a comment\nemployee_id = \"employee_id\"\n"
                                                           "name = [\"first_name\", \"efternamn\"]\n"));
  ASSERT_TRUE(map.has_value());
  auto applied = apply_column_map(table, *map);
  ASSERT_FALSE(applied.has_value());
  EXPECT_NE(all_problems(applied.error()).find("h37_lacking.toml:3: the file people.csv has no column 'efternamn'"),
            std::string::npos)
      << all_problems(applied.error());
}

TEST(HrColumns, MapThatIsNotTomlIsAnErrorNamingItsLine) {
  auto map = read_column_map(write_map("h37_broken.toml", "name = [\"a\",\n= 3\n"));
  ASSERT_FALSE(map.has_value());
  EXPECT_NE(all_problems(map.error()).find("h37_broken.toml:"), std::string::npos);
}

TEST(HrColumns, SwedishHeadersWithoutAMap) {
  CsvTable table = fixture("hr/people_swedish_headers.csv");
  apply_swedish_headers(table, HeaderUse::kPeople);
  ASSERT_TRUE(normalise_values(table, options()).has_value());
  auto people = read_people(table, units(), {});
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  ASSERT_EQ(people->size(), 3u);
  EXPECT_EQ((*people)[0].name, "Karin Lindqvist");
  EXPECT_EQ((*people)[0].gender, core::Gender::kWoman);
  EXPECT_EQ((*people)[0].birth_year, 1968);
  EXPECT_EQ((*people)[0].role, "chef");
  EXPECT_EQ((*people)[1].birth_year, 1975);
  EXPECT_EQ((*people)[1].gender, core::Gender::kMan);
  EXPECT_EQ((*people)[2].birth_year, 2002);
  EXPECT_EQ((*people)[2].gender, core::Gender::kOther);
  EXPECT_EQ((*people)[2].manager_id, "H002");
}

TEST(HrColumns, GenderMaleIsNotKMX) {
  for (const auto& [word, gender] : std::vector<std::pair<std::string, core::Gender>>{
           {"Male", core::Gender::kMan}, {"FEMALE", core::Gender::kWoman}, {"kvinna", core::Gender::kWoman},
           {"Man", core::Gender::kMan}, {"annat", core::Gender::kOther}, {"Other", core::Gender::kOther},
           {"f", core::Gender::kWoman}, {"x", core::Gender::kOther}}) {
    CsvTable table = table_of("employee_id,name,email,gender,birth_year,unit_code,role,manager_id\nE1,A B,," + word +
                              ",1980,KUL,chef,\n");
    ASSERT_TRUE(normalise_values(table, options()).has_value());
    auto people = read_people(table, units(), {});
    ASSERT_TRUE(people.has_value()) << word << ": " << people.error().describe();
    EXPECT_EQ(people->front().gender, gender) << word;
  }
}

TEST(HrColumns, BirthYearDateIsNotAYearWithoutDateFormat) {
  const std::string text = "employee_id,name,email,gender,birth_year,unit_code,role,manager_id\n"
                           "E1,A B,,K,10/14/1985,KUL,chef,\n";
  CsvTable without = table_of(text);
  auto refused = normalise_values(without, options());
  ASSERT_FALSE(refused.has_value());
  const std::string message = all_problems(refused.error());
  EXPECT_NE(message.find("people.csv:2:11:"), std::string::npos) << message;
  EXPECT_NE(message.find("--date-format"), std::string::npos) << message;
  EXPECT_EQ(message.find("10/14"), std::string::npos) << "the birth date is echoed: " << message;

  CsvTable with = table_of(text);
  ASSERT_TRUE(normalise_values(with, options("MM/DD/YYYY")).has_value());
  auto people = read_people(with, units(), {});
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  EXPECT_EQ(people->front().birth_year, 1985);
}

TEST(HrColumns, PersonalIdentityNumberIsReducedToTheYearAndNeverEchoed) {
  struct Case {
    std::string value;
    int year;
  };
  for (const Case& c : std::vector<Case>{{"19680314-1234", 1968}, {"196803141234", 1968}, {"680314-1234", 1968},
                                         {"6803141234", 1968}, {"200203154321", 2002}, {"020315-4321", 2002},
                                         {"250101+1234", 1925}, {"1968-03-14", 1968}, {"19680314", 1968},
                                         {"680374-1234", 1968} /* co-ordination number: day + 60 */}) {
    CsvTable table = table_of("birth_year\n" + c.value + "\n");
    ASSERT_TRUE(normalise_values(table, options()).has_value()) << c.value;
    EXPECT_EQ(table.records.front().fields.front().text, std::to_string(c.year)) << c.value;
  }
  CsvTable invalid = table_of("birth_year\n19681314-1234\n");  // month 13
  auto refused = normalise_values(invalid, options());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(all_problems(refused.error()).find("1234"), std::string::npos) << all_problems(refused.error());
  EXPECT_EQ(all_problems(refused.error()).find("19681314"), std::string::npos);
}

TEST(HrColumns, DatesAreNeverGuessed) {
  CsvTable table = table_of("start_date,end_date\n01/02/2020,20201231\n");
  auto refused = normalise_values(table, options());
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(all_problems(refused.error()).find("'01/02/2020' is not a date (YYYY-MM-DD); give --date-format"),
            std::string::npos)
      << all_problems(refused.error());
  for (const auto& [format, text, iso] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"DD/MM/YYYY", "01/02/2020", "2020-02-01"},
           {"MM/DD/YYYY", "01/02/2020", "2020-01-02"},
           {"DD.MM.YYYY", "01.02.2020", "2020-02-01"}}) {
    CsvTable dated = table_of("start_date,end_date\n" + text + ",20201231\n");
    ASSERT_TRUE(normalise_values(dated, options(format)).has_value()) << format;
    EXPECT_EQ(dated.records.front().fields[0].text, iso) << format;
    EXPECT_EQ(dated.records.front().fields[1].text, "2020-12-31");
  }
  EXPECT_FALSE(is_date_format("YYYY/MM/DD"));
}

TEST(HrColumns, TillsvidareAndOtherSwedishEmploymentForms) {
  CsvTable people_table = fixture("hr/people_swedish_headers.csv");
  apply_swedish_headers(people_table, HeaderUse::kPeople);
  ASSERT_TRUE(normalise_values(people_table, options()).has_value());
  auto people = read_people(people_table, units(), {});
  ASSERT_TRUE(people.has_value());

  CsvTable table = fixture("hr/employments_swedish.csv");
  apply_swedish_headers(table, HeaderUse::kEmployments);
  ASSERT_TRUE(normalise_values(table, options()).has_value());
  auto employments = read_employments(table, units(), *people);
  ASSERT_TRUE(employments.has_value()) << employments.error().describe();
  ASSERT_EQ(employments->size(), 4u);
  EXPECT_EQ((*employments)[0].type, core::EmploymentType::kPermanent);
  EXPECT_EQ((*employments)[0].position, "Kulturchef");
  EXPECT_EQ((*employments)[1].type, core::EmploymentType::kTemporary);
  EXPECT_EQ((*employments)[2].type, core::EmploymentType::kTemporary);  // provanställning
  EXPECT_EQ((*employments)[3].type, core::EmploymentType::kHourly);
  EXPECT_EQ(core::to_iso((*employments)[1].start), "2015-01-01");
}

TEST(HrColumns, FtePercent100) {
  for (const auto& [text, fte] : std::vector<std::pair<std::string, std::string>>{
           {"100%", "1"}, {"75 %", "0.75"}, {"75", "0.75"}, {"0,75", "0,75"}, {"0.75", "0.75"}, {"1", "1"}, {"1,5", "1,5"}, {"150 %", "150 %"}}) {
    CsvTable table = table_of("fte\n\"" + text + "\"\n");
    ASSERT_TRUE(normalise_values(table, options()).has_value());
    EXPECT_EQ(table.records.front().fields.front().text, fte) << text;
  }
}

TEST(HrColumns, UnknownUnitSalesByName) {
  CsvTable table = table_of("unit_code\nSales\nKulturskolan\nkulturförvaltningen\n");
  auto refused = resolve_unit_names(table, units());
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(all_problems(refused.error()).find("people.csv:2:1: unknown unit 'Sales'"), std::string::npos)
      << all_problems(refused.error());
  EXPECT_EQ(table.records[1].fields[0].text, "KS");
  EXPECT_EQ(table.records[2].fields[0].text, "KUL");

  std::vector<core::Unit> twins = units();
  twins.push_back({"KS2", "Kulturskolan", "KUL", core::UnitKind::kUnit});
  CsvTable ambiguous = table_of("unit_code\nKulturskolan\n");
  auto named = resolve_unit_names(ambiguous, twins);
  ASSERT_FALSE(named.has_value());
  EXPECT_NE(all_problems(named.error()).find("unit name 'Kulturskolan' is ambiguous: units KS, KS2"),
            std::string::npos)
      << all_problems(named.error());
}

TEST(HrColumns, ShippedSwedishHrSystemMapImportsItsLayout) {
  CsvTable table = fixture("hr/people_swedish_hr_system.csv");
  auto map = read_column_map(std::filesystem::path(TRAPPA_DATA_DIR) / "import-maps" / "svenskt-hr-system.toml");
  ASSERT_TRUE(map.has_value()) << map.error().describe();
  ASSERT_TRUE(apply_column_map(table, *map).has_value());
  ASSERT_TRUE(normalise_values(table, options()).has_value());
  ASSERT_TRUE(resolve_unit_names(table, units()).has_value());
  auto people = read_people(table, units(), {});
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  ASSERT_EQ(people->size(), 3u);
  EXPECT_EQ((*people)[0].unit_code, "KUL");
  EXPECT_EQ((*people)[0].email, "karin.lindqvist@example.se");
  EXPECT_EQ((*people)[2].unit_code, "BIB-ÖST");
  EXPECT_EQ((*people)[2].birth_year, 2002);
}

TEST(HrColumns, ShippedErpnextMapImportsAnEmployeeExport) {
  CsvTable table = fixture("hr/people_erpnext.csv");
  auto map = read_column_map(std::filesystem::path(TRAPPA_DATA_DIR) / "import-maps" / "erpnext.toml");
  ASSERT_TRUE(map.has_value()) << map.error().describe();
  ASSERT_TRUE(apply_column_map(table, *map).has_value());
  ASSERT_TRUE(normalise_values(table, options()).has_value());
  ASSERT_TRUE(resolve_unit_names(table, units()).has_value());
  auto people = read_people(table, units(), {});
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  ASSERT_EQ(people->size(), 3u);
  EXPECT_EQ((*people)[0].employee_id, "HR-EMP-00001");
  EXPECT_EQ((*people)[0].gender, core::Gender::kWoman);
  EXPECT_EQ((*people)[0].birth_year, 1968);
  EXPECT_EQ((*people)[0].city_start_date, "2001-09-01");
  EXPECT_EQ((*people)[1].manager_id, "HR-EMP-00001");
  EXPECT_EQ((*people)[1].unit_code, "BIB");
  EXPECT_EQ((*people)[2].gender, core::Gender::kOther);
}

// OrangeHRM's importData.csv has no unit, job title or supervisor: with the shipped map and
// a `sub_unit` column the file imports, the people without a role (OrangeHRM has none).
TEST(HrColumns, ShippedOrangeHrmMapImportsTheEmployeeImportTemplate) {
  CsvTable table = fixture("hr/people_orangehrm.csv");
  auto map = read_column_map(std::filesystem::path(TRAPPA_DATA_DIR) / "import-maps" / "orangehrm.toml");
  ASSERT_TRUE(map.has_value()) << map.error().describe();
  ASSERT_TRUE(apply_column_map(table, *map).has_value());
  ASSERT_TRUE(normalise_values(table, options()).has_value());
  ASSERT_TRUE(resolve_unit_names(table, units()).has_value());
  auto people = read_people(table, units(), {});
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  ASSERT_EQ(people->size(), 3u);
  EXPECT_EQ((*people)[0].employee_id, "0001");
  EXPECT_EQ((*people)[0].name, "Karin Maria Lindqvist");  // first, middle and last name
  EXPECT_EQ((*people)[0].gender, core::Gender::kWoman);
  EXPECT_EQ((*people)[0].birth_year, 1968);
  EXPECT_EQ((*people)[0].unit_code, "KUL");
  EXPECT_EQ((*people)[0].email, "karin.lindqvist@orange.example.se");
  EXPECT_EQ((*people)[1].name, "Johan Ek");
  EXPECT_EQ((*people)[1].unit_code, "BIB");
  // No date of birth (OrangeHRM does not require one): unknown.
  EXPECT_EQ((*people)[2].gender, core::Gender::kMan);
  EXPECT_FALSE((*people)[2].birth_year_known());
  for (const core::Person& person : *people) EXPECT_FALSE(person.role_known()) << person.employee_id;
}

TEST(HrColumns, OrangeHrmTemplateWithoutSubUnitIsRefusedNamingTheColumn) {
  CsvTable table = table_of(
      "first_name,middle_name,last_name,employee_id,other_id,driver's_license_no,license_expiry_date,gender,"
      "marital_status,nationality,date_of_birth,address_street_1,address_street_2,city,state/province,"
      "zip/postal_code,country,home_telephone,mobile,work_telephone,work_email,other_email\n"
      "Devi,,DS,001,,,,Female,,,1990-01-01,,,,,,,,,,,\n",
      "importData.csv");
  auto map = read_column_map(std::filesystem::path(TRAPPA_DATA_DIR) / "import-maps" / "orangehrm.toml");
  ASSERT_TRUE(map.has_value()) << map.error().describe();
  auto applied = apply_column_map(table, *map);
  ASSERT_FALSE(applied.has_value());
  EXPECT_NE(all_problems(applied.error()).find("has no column 'sub_unit' (for 'unit_code')"), std::string::npos)
      << all_problems(applied.error());
}

TEST(HrColumns, ShippedOdooMapImportsAnImportCompatibleEmployeeExport) {
  CsvTable table = fixture("hr/people_odoo.csv");
  auto map = read_column_map(std::filesystem::path(TRAPPA_DATA_DIR) / "import-maps" / "odoo.toml");
  ASSERT_TRUE(map.has_value()) << map.error().describe();
  ASSERT_TRUE(apply_column_map(table, *map).has_value());
  ASSERT_TRUE(normalise_values(table, options()).has_value());
  ASSERT_TRUE(resolve_unit_names(table, units()).has_value());
  auto people = read_people(table, units(), {});
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  ASSERT_EQ(people->size(), 3u);
  EXPECT_EQ((*people)[0].employee_id, "__export__.hr_employee_1_5e3a9c1d");
  EXPECT_EQ((*people)[0].gender, core::Gender::kWoman);
  EXPECT_EQ((*people)[0].birth_year, 1968);
  EXPECT_EQ((*people)[0].role, "chef");
  EXPECT_EQ((*people)[1].manager_id, "__export__.hr_employee_1_5e3a9c1d");
  EXPECT_EQ((*people)[1].unit_code, "BIB");
  EXPECT_EQ((*people)[2].gender, core::Gender::kOther);
  EXPECT_EQ((*people)[2].unit_code, "BIB-ÖST");
  EXPECT_FALSE((*people)[2].role_known());
  EXPECT_FALSE((*people)[2].birth_year_known());
}

// Issue 15: "Role and birth year may be missing ... because most HR exports have neither."
TEST(HrColumns, PeopleFileWithoutRoleAndBirthYearColumnsImportsThemAsUnknown) {
  auto people = read_people(fixture("hr/people_without_role_and_birth_year.csv"), units(), {});
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  ASSERT_EQ(people->size(), 3u);
  for (const core::Person& person : *people) {
    EXPECT_EQ(person.role, "") << person.employee_id;
    EXPECT_EQ(person.birth_year, 0) << person.employee_id;
  }
  // Empty values in the columns are unknown too; a year that is there is still checked.
  auto empty_values = read_people(table_of("employee_id,name,gender,birth_year,unit_code,role\n"
                                           "E1,Anna Ek,K,,KUL,\nE2,Bo Ek,M,1870,KUL,\n"),
                                  units(), {});
  ASSERT_FALSE(empty_values.has_value());
  EXPECT_EQ(all_problems(empty_values.error()),
            "the people file has problems; nothing was imported\n"
            "people.csv:3:12: birth year 1870 is out of range 1930–2015");
}

// A partial export (no role or birth_year column) does not wipe what the store knows.
TEST(HrColumns, FileWithoutRoleOrBirthYearColumnKeepsWhatTheStoreHolds) {
  core::Person stored{"E101", "Ingrid Sjöberg", "", core::Gender::kWoman, 1971, "BIB-ÖST", "bibliotekarie", "", {}};
  auto people = read_people(fixture("hr/people_without_role_and_birth_year.csv"), units(), {stored});
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  EXPECT_EQ((*people)[0].role, "bibliotekarie");
  EXPECT_EQ((*people)[0].birth_year, 1971);
  EXPECT_EQ((*people)[0].email, "ingrid.sjoberg@stockholm.se");  // the file's columns still apply
  EXPECT_FALSE((*people)[1].role_known());
}

}  // namespace
}  // namespace trappa::io
