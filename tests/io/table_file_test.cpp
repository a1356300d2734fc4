// The file formats of the tabular imports (io/tables, io/xlsx, io/csv/file_shape and
// text_encoding) over real files in tests/fixtures/import/formats/ (written by its
// make_formats.py): XLSX with shared and inline strings, a date-styled cell and a second sheet;
// tab-separated; UTF-16 LE/BE with a byte-order mark; Windows-1252; and every shape no import
// reads, named for what it is.
#include "io/tables/table_file.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/csv/file_shape.hpp"
#include "io/imports/org_import.hpp"
#include "io/xlsx/xlsx_reader.hpp"
#include "import_fixtures.hpp"

namespace trappa::io {
namespace {

std::filesystem::path formats(const std::string& file) { return fixtures::import_directory() / "formats" / file; }

std::vector<core::Person> import_people(const CsvTable& table) {
  auto units = read_units(parse_csv(fixtures::read_text(fixtures::import_directory() / "units.csv"), "units.csv").value(), {});
  EXPECT_TRUE(units.has_value()) << units.error().describe();
  auto people = read_people(table, *units, {});
  EXPECT_TRUE(people.has_value()) << people.error().describe();
  return people ? *people : std::vector<core::Person>{};
}

std::string only_problem(const core::Result<CsvTable>& table) {
  EXPECT_FALSE(table.has_value());
  if (table || table.error().problems.size() != 1) return table ? "" : table.error().describe();
  return table.error().problems.front().to_string();
}

// Issue 15: "an XLSX file got `the text contains the control character U+0003`".
TEST(TableFile, an_xlsx_people_file_is_read_not_reported_as_a_control_character) {
  auto table = read_table_file(formats("people.xlsx"));
  ASSERT_TRUE(table.has_value()) << table.error().describe();
  const auto people = import_people(*table);
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].name, "Åsa Öberg");
  EXPECT_EQ(people[1].name, "Märta Ängström");  // an inline string
  EXPECT_EQ(people[1].birth_year, 1975);          // a number cell, written without ".0"
}

TEST(XlsxReader, reads_dates_numbers_booleans_and_empty_cells_as_the_spreadsheet_shows_them) {
  auto people = read_xlsx_sheet(formats("people.xlsx"));
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  EXPECT_EQ(people->name, "Personal");
  ASSERT_EQ(people->rows.size(), 3u);
  EXPECT_EQ(people->rows[1].cells[8], "2024-01-01");  // serial 45292 in a yyyy-mm-dd style
  EXPECT_EQ(people->rows[1].cells[6], "");            // the empty manager_id cell keeps its place
  auto values = read_xlsx_sheet(formats("people.xlsx"), "värden");
  ASSERT_TRUE(values.has_value()) << values.error().describe();
  ASSERT_EQ(values->rows.size(), 2u);
  EXPECT_EQ(values->rows[1].cells, (std::vector<std::string>{"42", "0.75", "TRUE", "", "1.1"}));
}

TEST(XlsxReader, lists_the_sheets_and_names_them_for_an_unknown_sheet) {
  auto names = xlsx_sheet_names(formats("people.xlsx"));
  ASSERT_TRUE(names.has_value()) << names.error().describe();
  EXPECT_EQ(*names, (std::vector<std::string>{"Personal", "Värden"}));
  const std::string problem = only_problem(read_table_file(formats("people.xlsx"), {.sheet = "Blad1"}));
  EXPECT_NE(problem.find("no sheet 'Blad1'; its sheets are 'Personal', 'Värden'"), std::string::npos) << problem;
}

TEST(XlsxReader, problems_name_the_row_and_column) {
  auto table = read_xlsx_table(formats("people.xlsx"));
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->where(table->records[1].fields[2]), formats("people.xlsx").string() + ":3:3");
  EXPECT_EQ(xlsx_cell_reference(5, 3), "C5");
  EXPECT_EQ(xlsx_cell_reference(1, 28), "AB1");
}

// Issue 15: "a tab-separated file got eight `missing column` lines".
TEST(TableFile, a_tab_separated_people_file_is_read_not_reported_as_missing_columns) {
  auto table = read_table_file(formats("people.tsv"));
  ASSERT_TRUE(table.has_value()) << table.error().describe();
  EXPECT_EQ(table->separator, '\t');
  EXPECT_EQ(import_people(*table).size(), 2u);
}

TEST(TableFile, reads_utf16_little_and_big_endian_by_their_byte_order_mark) {
  for (const char* file : {"people_utf16le.csv", "people_utf16be.csv"}) {
    auto table = read_table_file(formats(file));
    ASSERT_TRUE(table.has_value()) << file << ": " << table.error().describe();
    const auto people = import_people(*table);
    ASSERT_EQ(people.size(), 2u) << file;
    EXPECT_EQ(people[1].name, "Märta Ängström") << file;
  }
}

TEST(TableFile, reads_windows_1252_when_told) {
  const std::string bytes = fixtures::read_text(formats("people_cp1252.csv"));
  ASSERT_NE(bytes.find("E001;\xC5sa"), std::string::npos);  // "Å" as the one byte C5
  auto table = read_table_file(formats("people_cp1252.csv"), {.encoding = "cp1252"});
  ASSERT_TRUE(table.has_value()) << table.error().describe();
  const auto people = import_people(*table);
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].name, "Åsa Öberg");
  // Without --encoding the bytes are not UTF-8, and the CSV reader says so at the place.
  EXPECT_FALSE(read_table_file(formats("people_cp1252.csv")).has_value());
}

TEST(TableFile, refuses_an_unknown_encoding_naming_the_parameter) {
  auto table = read_table_file(formats("people.tsv"), {.encoding = "latin-9"});
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().problems.at(0).where, "encoding");
}

TEST(TableFile, names_each_unreadable_shape_for_what_it_is) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"people.xls", "this is an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV and import that"},
      {"people.ods", "this is an OpenDocument spreadsheet (.ods)"},
      {"people.zip", "this is a ZIP archive, not an XLSX workbook"},
      {"people.pdf", "this is a PDF document, not a table"},
      {"people.json", "this is a JSON file, not a table"},
      {"people_utf16_no_bom.csv", "this is UTF-16 text without a byte-order mark"},
      {"people.bin", "this is a binary file, not text"},
  };
  for (const auto& [file, expected] : cases) {
    const std::string problem = only_problem(read_table_file(formats(file)));
    EXPECT_EQ(problem.rfind(formats(file).string() + ": " + expected, 0), 0u) << problem;
    EXPECT_EQ(problem.find("control character"), std::string::npos) << problem;
  }
}

TEST(FileShape, recognises_shapes_from_the_first_bytes) {
  EXPECT_EQ(sniff_file_shape("code,name\nA,B\n"), FileShape::kText);
  EXPECT_EQ(sniff_file_shape("\xEF\xBB\xBF" "code;name\n"), FileShape::kText);
  EXPECT_EQ(sniff_file_shape(std::string_view("\xFF\xFE" "c\0o\0", 6)), FileShape::kUtf16Le);
  EXPECT_EQ(sniff_file_shape(std::string_view("\xFE\xFF\0c\0o", 6)), FileShape::kUtf16Be);
  EXPECT_EQ(sniff_file_shape("  [1, 2]"), FileShape::kJson);
  EXPECT_EQ(sniff_file_shape(fixtures::read_text(formats("people.xlsx"))), FileShape::kXlsx);
}

}  // namespace
}  // namespace trappa::io
