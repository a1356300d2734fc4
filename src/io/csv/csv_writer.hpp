// Writing CSV: for programs (the readers here read it back) and for spreadsheets.
//
// Every CSV Trappa writes — the CLI's exports and reports, the web's downloads — goes through
// CsvRow (or csv_line for rows of text), so these rules hold everywhere:
//   - fields are quoted only when they hold the separator, ',' or ';', a quote or a line break,
//     or begin or end with a space or tab; LF line ends; UTF-8;
//   - a text cell that begins with = + - @, a tab or a carriage return gets a leading
//     apostrophe, so a spreadsheet never runs it as a formula (=HYPERLINK(…) in a name);
//     the CSV reader removes that apostrophe again (csv_reader.hpp), so exports re-import as
//     they were. Number cells are never changed that way: -0.5 stays a number;
//   - in the spreadsheet dialects (en, sv) a text cell a spreadsheet would turn into a number
//     or a date — a code such as 1.1 or 1.2.3, 1/2, 1-2, an id with a leading zero such as
//     007 — gets the same leading apostrophe, so it stays text (see spreadsheet_reads_as_number);
//     the reader removes it again. The machine dialect writes such cells as they are;
//   - the dialect (docs/formats.md, "CSV for spreadsheets") decides the separator, the decimal
//     mark of number cells and the byte order mark that spreadsheets need to see å, ä and ö:
//       machine  ',' '.'  no mark   — the CLI's default, for programs;
//       en       ',' '.'  with mark — `--csv-dialect en`, the web for English readers;
//       sv       ';' ','  with mark — `--csv-dialect sv`, the web for Swedish readers.
// Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trappa::io {

struct CsvDialect {
  char separator = ',';
  char decimal_mark = '.';
  bool byte_order_mark = false;
};

inline constexpr CsvDialect kMachineCsv{',', '.', false};
inline constexpr CsvDialect kEnglishSpreadsheetCsv{',', '.', true};
inline constexpr CsvDialect kSwedishSpreadsheetCsv{';', ',', true};

// "sv" or "en" (the names of --csv-dialect); nullopt otherwise.
[[nodiscard]] std::optional<CsvDialect> csv_dialect_named(std::string_view name);
// The dialect of a reader's spreadsheet by the language code of the page ("sv", "en"):
// English readers get `en`, everyone else `sv`.
[[nodiscard]] CsvDialect spreadsheet_csv_for(std::string_view language_code);

// What a file in `dialect` begins with: the UTF-8 byte order mark, or nothing.
[[nodiscard]] std::string_view csv_start(const CsvDialect& dialect);

// Whether a spreadsheet opening a CSV would read this text as a number or a date rather than
// as text: it begins with a digit, holds only digits and . , / : -, and either holds one of
// those marks (1.1, 1,5, 1/2, 10:30, 1-2) or begins with a 0 and is longer than one digit
// (007, which would lose its zeros). A plain whole number such as 1961 is not counted: it
// reads as the same number; nor is a date written YYYY-MM-DD, which should become a date.
[[nodiscard]] bool spreadsheet_reads_as_number(std::string_view text);

// One record, cell by cell.
class CsvRow {
 public:
  explicit CsvRow(const CsvDialect& dialect = kMachineCsv) : dialect_(dialect) {}
  // A text cell: quoted as needed, neutralised when a spreadsheet would run it.
  CsvRow& text(std::string_view cell);
  // A number already formatted with '.' as its decimal mark (or empty for a missing value):
  // written with the dialect's mark, never neutralised.
  CsvRow& number(std::string_view formatted);
  // The record with its line end.
  [[nodiscard]] std::string line() const { return line_ + '\n'; }

 private:
  void separate();
  CsvDialect dialect_;
  std::string line_;
  bool first_ = true;
};

// A text cell as CsvRow::text writes it in the machine dialect.
[[nodiscard]] std::string csv_field(std::string_view text);
// A record of text cells.
[[nodiscard]] std::string csv_line(const std::vector<std::string>& fields, const CsvDialect& dialect = kMachineCsv);

}  // namespace trappa::io
