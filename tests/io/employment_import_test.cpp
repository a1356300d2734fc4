// The employments import: what it accepts (Swedish codes, decimal commas, optional route
// columns) and every problem it reports as FILE:LINE:COLUMN, all at once, with no records.
#include "io/imports/employment_import.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace trappa::io {
namespace {

const std::vector<core::Unit> kUnits{{"KF", "Kulturförvaltningen", "", core::UnitKind::kAdministration},
                                     {"U1", "Enhet 1", "KF", core::UnitKind::kUnit}};

std::vector<core::Person> people() {
  std::vector<core::Person> result(2);
  result[0].employee_id = "E1";
  result[1].employee_id = "E2";
  return result;
}

constexpr std::string_view kHeader =
    "employee_id,start_date,end_date,employment_type,position,fte,unit_code,recruitment_route,departure_route,"
    "departure_reason\n";

core::Result<std::vector<core::Employment>> read(std::string_view text) {
  auto table = parse_csv(text, "employments.csv");
  EXPECT_TRUE(table.has_value()) << table.error().describe();
  const std::vector<core::Person> known = people();
  return read_employments(*table, kUnits, known);
}

// The problems of a failed import, as the command line prints them.
std::vector<std::string> problems(std::string_view rows) {
  auto result = read(std::string(kHeader) + std::string(rows));
  std::vector<std::string> lines;
  if (result) {
    ADD_FAILURE() << "the import succeeded";
    return lines;
  }
  EXPECT_EQ(result.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(result.error().message, "the employments file has problems; nothing was imported");
  for (const core::Problem& problem : result.error().problems) lines.push_back(problem.to_string());
  return lines;
}

TEST(EmploymentImport, reads_swedish_codes_decimal_commas_and_semicolons) {
  auto result = read(
      "\xEF\xBB\xBF"
      "employee_id;start_date;end_date;employment_type;position;fte;unit_code;recruitment_route;departure_route;"
      "departure_reason\n"
      "E1;2020-01-01;2022-12-31;VI;lärare;0,5;U1;3;1;tillsvidare\n"
      "E1;2023-01-01;;tv;lärare;1;U1;1;;\n"
      "E2;2024-05-01;;TIM;värd;0;U1;;;\n"
      "E2;2024-06-01;2024-12-31;AMI;värd;0.75;U1;2;3;insats_slut\n");
  ASSERT_TRUE(result.has_value()) << result.error().describe();
  ASSERT_EQ(result->size(), 4u);
  const core::Employment& first = (*result)[0];
  EXPECT_EQ(first.employee_id, "E1");
  EXPECT_EQ(first.start, core::parse_iso_date("2020-01-01"));
  EXPECT_EQ(first.end, core::parse_iso_date("2022-12-31"));
  EXPECT_EQ(first.type, core::EmploymentType::kTemporary);
  EXPECT_EQ(first.position, "lärare");
  EXPECT_DOUBLE_EQ(first.fte, 0.5);
  EXPECT_EQ(first.recruitment_route, core::Route::kExternal);
  EXPECT_EQ(first.departure_route, core::Route::kWithinAdministration);
  EXPECT_EQ(first.departure_reason, "tillsvidare");
  EXPECT_EQ((*result)[1].type, core::EmploymentType::kPermanent);
  EXPECT_FALSE((*result)[1].end.has_value());
  EXPECT_EQ((*result)[1].departure_route, core::Route::kUnknown);
  EXPECT_EQ((*result)[2].type, core::EmploymentType::kHourly);
  EXPECT_EQ((*result)[2].recruitment_route, core::Route::kUnknown);
  EXPECT_EQ((*result)[3].type, core::EmploymentType::kProgram);
  EXPECT_EQ((*result)[3].recruitment_route, core::Route::kOtherAdministration);
}

TEST(EmploymentImport, the_route_and_reason_columns_are_optional) {
  auto table = parse_csv(
      "employee_id,start_date,end_date,employment_type,position,fte,unit_code\n"
      "E1,2020-01-01,,permanent,lärare,1,U1\n",
      "employments.csv");
  ASSERT_TRUE(table.has_value());
  const std::vector<core::Person> known = people();
  auto result = read_employments(*table, kUnits, known);
  ASSERT_TRUE(result.has_value()) << result.error().describe();
  EXPECT_EQ((*result)[0].recruitment_route, core::Route::kUnknown);
}

TEST(EmploymentImport, a_person_may_hold_a_temporary_post_beside_a_permanent_one_and_posts_may_follow_each_other) {
  auto result = read(std::string(kHeader) +
                     "E1,2020-01-01,2024-12-31,permanent,lärare,1,U1,3,1,\n"
                     "E1,2025-01-01,,permanent,rektor,1,U1,1,,\n"
                     "E1,2024-06-01,2025-06-30,temporary,lärare,0.25,U1,1,,\n"
                     "E1,2024-06-01,2025-06-30,temporary,lärare,0.25,U1,1,,\n");
  EXPECT_TRUE(result.has_value()) << result.error().describe();
}

TEST(EmploymentImport, an_unknown_person_is_named_with_its_place) {
  EXPECT_EQ(problems("E9,2020-01-01,,permanent,lärare,1,U1,3,,\n"),
            std::vector<std::string>{"employments.csv:2:1: unknown person 'E9'; import the people first"});
}

TEST(EmploymentImport, an_unknown_unit_is_named_with_its_place) {
  EXPECT_EQ(problems("E1,2020-01-01,,permanent,lärare,1,U9,3,,\n"),
            std::vector<std::string>{"employments.csv:2:35: unknown unit 'U9'"});
}

TEST(EmploymentImport, an_end_before_the_start_is_refused) {
  EXPECT_EQ(problems("E1,2024-02-01,2024-01-31,permanent,lärare,1,U1,3,3,\n"),
            std::vector<std::string>{
                "employments.csv:2:15: the end date 2024-01-31 is before the start date 2024-02-01"});
}

TEST(EmploymentImport, overlapping_permanent_employments_of_one_person_are_refused) {
  EXPECT_EQ(problems("E1,2020-01-01,2024-12-31,permanent,lärare,1,U1,3,1,\n"
                     "E2,2020-01-01,,permanent,lärare,1,U1,3,,\n"
                     "E1,2024-12-31,,permanent,rektor,1,U1,1,,\n"
                     "E2,2023-01-01,2023-06-30,permanent,lärare,1,U1,1,1,\n"),
            (std::vector<std::string>{
                "employments.csv:4:4: permanent employment 2024-12-31– of 'E1' overlaps the permanent employment "
                "2020-01-01–2024-12-31 on line 2",
                "employments.csv:5:4: permanent employment 2023-01-01–2023-06-30 of 'E2' overlaps the permanent "
                "employment 2020-01-01– on line 3"}));
}

TEST(EmploymentImport, bad_fte_values_are_refused) {
  EXPECT_EQ(problems("E1,2020-01-01,,permanent,lärare,\"1,5\",U1,3,,\n"
                     "E1,2010-01-01,2011-01-01,temporary,lärare,-0.1,U1,3,,\n"
                     "E2,2020-01-01,,temporary,lärare,heltid,U1,3,,\n"
                     "E2,2021-01-01,,temporary,lärare,,U1,3,,\n"),
            (std::vector<std::string>{"employments.csv:2:33: fte '1,5' is not a number from 0 to 1",
                                      "employments.csv:3:43: fte '-0.1' is not a number from 0 to 1",
                                      "employments.csv:4:33: fte 'heltid' is not a number from 0 to 1",
                                      "employments.csv:5:33: fte '' is not a number from 0 to 1"}));
}

TEST(EmploymentImport, bad_types_routes_and_dates_are_refused) {
  EXPECT_EQ(problems("E1,2020-01-01,,fast,lärare,1,U1,3,,\n"
                     "E1,2020-13-01,,VI,lärare,1,U1,4,,\n"
                     "E2,2020-01-01,,VI,lärare,1,U1,3,3,pension\n"
                     "E2,,,VI,,1,,,,\n"),
            (std::vector<std::string>{
                "employments.csv:2:16: employment type 'fast' is not permanent, temporary, hourly or program (or TV, "
                "VI, TIM, AMI)",
                "employments.csv:3:4: '2020-13-01' is not a date (YYYY-MM-DD)",
                "employments.csv:3:31: recruitment route '4' is not 1, 2, 3 or empty",
                "employments.csv:4:33: a departure route needs an end date",
                "employments.csv:4:35: a departure reason needs an end date",
                "employments.csv:5:4: the start date is empty",
                "employments.csv:5:9: the position is empty",
                "employments.csv:5:12: the unit code is empty"}));
}

TEST(EmploymentImport, a_missing_column_is_refused_before_any_row) {
  auto table = parse_csv("employee_id,start_date,end_date,employment_type,position,unit_code\nE1,2020-01-01,,TV,x,U1\n",
                         "employments.csv");
  ASSERT_TRUE(table.has_value());
  const std::vector<core::Person> known = people();
  auto result = read_employments(*table, kUnits, known);
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().describe().find("fte"), std::string::npos) << result.error().describe();
}

}  // namespace
}  // namespace trappa::io
