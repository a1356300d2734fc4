// A machine CSV turned into a typed XLSX sheet (io/xlsx/csv_sheet.hpp), as the CLI's
// --format xlsx and the web's .xlsx downloads do it.
#include "io/xlsx/csv_sheet.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace trappa::io {
namespace {

TEST(CsvSheet, keeps_the_header_and_records_and_types_columns_by_header) {
  auto sheet = sheet_from_csv("group,name,count\ntotal,,3\n1.1,\"Söka, navigera\",2\n", "t", numbers_except({"group", "name"}));
  ASSERT_TRUE(sheet.has_value()) << sheet.error().describe();
  EXPECT_EQ(sheet->columns, (std::vector<XlsxColumn>{XlsxColumn::kText, XlsxColumn::kText, XlsxColumn::kNumber}));
  ASSERT_EQ(sheet->rows.size(), 3u);
  EXPECT_EQ(sheet->rows[0], (std::vector<std::string>{"group", "name", "count"}));
  EXPECT_EQ(sheet->rows[2], (std::vector<std::string>{"1.1", "Söka, navigera", "2"}));
}

TEST(CsvSheet, a_neutralised_formula_comes_back_as_the_text_it_was) {
  // The writer's apostrophe is for CSV only; in a workbook the text cell is safe as it is.
  auto sheet = sheet_from_csv("name\n\"'=HYPERLINK(\"\"x\"\")\"\n", "t", numbers_except({"name"}));
  ASSERT_TRUE(sheet.has_value()) << sheet.error().describe();
  EXPECT_EQ(sheet->rows[1][0], "=HYPERLINK(\"x\")");
}

TEST(CsvSheet, makes_a_workbook) {
  auto workbook = xlsx_from_csv("role,year\nchef,2027\n", "prognos", numbers_except({"role"}));
  ASSERT_TRUE(workbook.has_value()) << workbook.error().describe();
  EXPECT_EQ(workbook->substr(0, 2), "PK");
}

}  // namespace
}  // namespace trappa::io
