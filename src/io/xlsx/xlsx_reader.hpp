// Reading XLSX workbooks (Office Open XML spreadsheets) as HR systems and spreadsheets save them.
//
// The ZIP container is opened with libzip and the XML parts are parsed with expat; nothing here
// parses ZIP or XML by hand. A cell's text is what the spreadsheet shows, in a form the CSV
// importers accept: shared and inline strings as written; numbers with integers written without
// ".0" and decimals in their shortest form ("0.75"); booleans as TRUE/FALSE; a number whose
// style is a date format (built-in formats 14–17, 22, 27–36, 50–58, or a custom format with a
// day or year code) as ISO "YYYY-MM-DD" counted from Excel's 1900 date system (1904 when the
// workbook says so); formula cells as their cached value; error cells (#N/A) as written.
// Empty cells are empty texts; rows and columns keep their places (row 5 is row 5 even when
// rows 3–4 are empty), so problems can name a cell as FILE:ROW:COLUMN.
//
// Limits against zip bombs and runaway files: every part read is at most 512 MiB uncompressed
// and the workbook's parts together at most 2 GiB, checked against the sizes libzip reports
// before anything is inflated and again while reading; a sheet has at most 1 048 576 rows and
// 16 384 columns (Excel's own limits). Exceeding a limit is a kInvalidInput error naming the
// part and the limit.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

// One row of a sheet: its number (1 = the first row) and its cells' texts, index 0 = column A.
// Trailing empty cells are dropped; a row with no non-empty cell is not listed at all.
struct XlsxRow {
  int number = 0;
  std::vector<std::string> cells{};
};

struct XlsxSheetRows {
  std::string name;  // the sheet's name as the workbook lists it
  std::vector<XlsxRow> rows{};
};

// The workbook's sheet names in their order. A file that is not a readable workbook is a
// kInvalidInput error naming the file and the reason.
[[nodiscard]] core::Result<std::vector<std::string>> xlsx_sheet_names(const std::filesystem::path& path);

// The rows of the sheet called `sheet` (matched exactly, then ignoring ASCII case), or of the
// first sheet when `sheet` is empty. An unknown sheet name is a kInvalidInput error listing the
// workbook's sheets.
[[nodiscard]] core::Result<XlsxSheetRows> read_xlsx_sheet(const std::filesystem::path& path,
                                                          const std::string& sheet = {});

// The same sheet as a CsvTable so every CSV importer reads XLSX unchanged: the first non-empty
// row is the header, each later non-empty row a record; a field's `line` is its row number and
// its `column` its column number (A = 1), so table.where(field) reads FILE:ROW:COLUMN.
// Texts are checked as CSV fields are (no control characters, at most 4096 bytes per cell).
[[nodiscard]] core::Result<CsvTable> read_xlsx_table(const std::filesystem::path& path,
                                                     const std::string& sheet = {});

// "C5" for row 5, column 3 — for messages that name a cell the way a spreadsheet does.
[[nodiscard]] std::string xlsx_cell_reference(int row, int column);

}  // namespace trappa::io
