// The XLSX downloads (io/xlsx): a real workbook (a zip with the sheet named), every cell text,
// and sheet names Excel would refuse are refused here.
#include "io/xlsx/xlsx_writer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace trappa::io {
namespace {

TEST(XlsxWriter, writes_a_zip_holding_the_named_sheet) {
  auto workbook = write_xlsx({{"Ej påbörjade", {{"Namn", "Anställningsnummer"}, {"Åsa Öberg", "E000123"}, {"=1+1", "1.1"}}}});
  ASSERT_TRUE(workbook.has_value()) << workbook.error().describe();
  ASSERT_GT(workbook->size(), 1000u);
  EXPECT_EQ(workbook->substr(0, 4), std::string("PK\x03\x04", 4));
  // File names in a zip are stored as they are, so the parts can be found in the bytes.
  EXPECT_NE(workbook->find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(workbook->find("xl/sharedStrings.xml"), std::string::npos);
}

TEST(XlsxWriter, refuses_a_sheet_name_excel_would_refuse) {
  for (const std::string& name : {std::string(), std::string("a/b"), std::string(32, 'x')}) {
    auto workbook = write_xlsx({{name, {{"a"}}}});
    ASSERT_FALSE(workbook.has_value()) << name;
    EXPECT_EQ(workbook.error().kind, core::ErrorKind::kInvalidInput);
  }
}

}  // namespace
}  // namespace trappa::io
