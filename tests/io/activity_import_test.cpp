// The learning-activity catalogue file (io/imports/activity_import.hpp, docs/learning.md).
#include <gtest/gtest.h>

#include "core/base/date.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/imports/activity_import.hpp"
#include "io/json/framework_json.hpp"

namespace trappa::io {
namespace {

const core::Framework& shipped() {
  static const core::Framework framework = [] {
    auto read = read_framework_file(TRAPPA_DATA_DIR "/frameworks/digital-kompetens.json");
    EXPECT_TRUE(read.has_value());
    return read.value_or(core::Framework{});
  }();
  return framework;
}

constexpr const char* kHeader =
    "code,title,format,hours,competencies,level_from,level_to,audience_roles,starts,ends,capacity\n";

std::vector<std::string> problems_of(const std::string& text) {
  auto table = parse_csv(text, "a.csv");
  EXPECT_TRUE(table.has_value());
  if (!table) return {};
  auto read = read_activities(*table, shipped());
  EXPECT_FALSE(read.has_value());
  std::vector<std::string> problems;
  if (!read) {
    for (const core::Problem& problem : read.error().problems) problems.push_back(problem.to_string());
  }
  return problems;
}

TEST(ActivityImport, reads_the_fixture_with_lists_decimal_commas_optional_columns_and_any_case) {
  auto table = read_csv_file(TRAPPA_FIXTURES_DIR "/learning/activities.csv");
  ASSERT_TRUE(table.has_value()) << table.error().describe();
  auto read = read_activities(*table, shipped());
  ASSERT_TRUE(read.has_value()) << read.error().describe();
  ASSERT_EQ(read->size(), 3u);
  const core::LearningActivity& ai = (*read)[0];
  EXPECT_EQ(ai.code, "AI-01");
  EXPECT_EQ(ai.format, core::ActivityFormat::kWorkshop);
  EXPECT_EQ(ai.competencies, (std::vector<std::string>{"1.1", "3.1"}));
  EXPECT_EQ(ai.capacity, std::optional<int>(25));
  EXPECT_EQ(ai.theme, "Digitaliseringsmånad");
  EXPECT_EQ(ai.status, core::ActivityStatus::kOpen);
  EXPECT_EQ(ai.framework_id, "digital-kompetens");
  EXPECT_EQ(core::to_iso(ai.ends), "2025-12-19");
  EXPECT_EQ(ai.xapi_id, "https://lms.stad.se/course/view.php?id=12");
  EXPECT_EQ((*read)[1].xapi_id, "");
  EXPECT_DOUBLE_EQ((*read)[1].hours, 1.5);
  EXPECT_EQ((*read)[1].format, core::ActivityFormat::kELearning);
  EXPECT_EQ((*read)[1].capacity, std::nullopt);
  EXPECT_TRUE((*read)[1].audience_roles.empty());
  EXPECT_EQ((*read)[2].format, core::ActivityFormat::kCourse);  // "Kurs"
  EXPECT_EQ((*read)[2].audience_roles, (std::vector<std::string>{"bibliotekarie", "samordnare"}));
  EXPECT_EQ((*read)[2].status, core::ActivityStatus::kPlanned);
}

TEST(ActivityImport, every_problem_is_named_by_file_line_and_column) {
  const std::string text = std::string(kHeader) +
                           "A,Kurs A,seminarium,3,1.1,1,2,,2025-01-01,2025-02-01,\n"       // line 2: format
                           "B,Kurs B,kurs,0,1.1 9.9,3,2,,2025-01-01,2025-02-01,\n"         // 3
                           "C,Kurs C,kurs,2,1.1 1.1,0,7,rektor,2025-03-01,2025-02-01,0\n"  // 4
                           "D,,kurs,x,,1,1,,2025-13-01,2025-02-01,tio\n"                   // 5
                           "A,Kurs A igen,kurs,3,1.1,1,2,,2025-01-01,2025-02-01,\n";       // 6: a code twice
  // Per line: the problems of reading the fields first, then the catalogue's rules in their
  // order (core/learning/learning_activity.hpp), then the duplicate code.
  EXPECT_EQ(problems_of(text),
            (std::vector<std::string>{
                "a.csv:2:10: format 'seminarium' is not one of kurs, e-lärande, föreläsning, workshop, nätverk, "
                "studieresa, konferens, självstudier",
                "a.csv:3:17: '9.9' is not a competency of framework 'digital-kompetens'",
                "a.csv:3:27: level_to 2 is below level_from 3",
                "a.csv:3:15: the hours per participant must be more than 0 and at most 10 000",
                "a.csv:4:17: '1.1' is named twice",
                "a.csv:4:25: level 0 is outside the scale 1–5",
                "a.csv:4:27: level 7 is outside the scale 1–5",
                "a.csv:4:47: the end date 2025-02-01 is before the start 2025-03-01",
                "a.csv:4:58: a capacity is at least 1 (leave it empty for no limit)",
                "a.csv:4:29: 'rektor' is not a role of framework 'digital-kompetens'",
                "a.csv:5:9: hours 'x' is not a number",
                "a.csv:5:17: '2025-13-01' is not a date (YYYY-MM-DD)",
                "a.csv:5:39: capacity 'tio' is not a whole number (leave it empty for no limit)",
                "a.csv:5:3: the title is empty",
                "a.csv:5:11: name at least one competency",
                "a.csv:6:1: the code 'A' is already on line 2",
            }));
}

TEST(ActivityImport, a_missing_column_is_named) {
  auto table = parse_csv("code,title,format,hours\nA,B,kurs,1\n", "a.csv");
  ASSERT_TRUE(table.has_value());
  auto read = read_activities(*table, shipped());
  ASSERT_FALSE(read.has_value());
  EXPECT_NE(read.error().describe().find("competencies"), std::string::npos) << read.error().describe();
}

}  // namespace
}  // namespace trappa::io
