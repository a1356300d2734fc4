// The numbers behind a chart as an accessible HTML table and as CSV.
//
// Every chart on a page gets its table (visible, or in a <details> beside the chart), so
// the figures can be read without the picture: table_for(chart) builds it from the same
// struct the chart was drawn from.
//
// HTML: <table class="trappa-table"> with a <caption>, a header row of <th scope="col">,
// one <th scope="row"> per row, numbers in Swedish format ("29 %", "3,05", "1 021") in
// <td class="num"> (for the page CSS to right-align: no inline styles), "–" for a missing
// value with a note in the caption saying so. Every text is escaped.
//
// CSV, for the download link, for programs and spreadsheets alike, in a dialect of
// io/csv/csv_writer.hpp (the web: `sv` for Swedish readers, `en` for English ones; the default
// is the machine dialect):
//   - UTF-8, with the byte order mark that spreadsheets need to see å ä ö in the `sv` and `en`
//     dialects; one record per line ending in LF;
//   - numbers without thousands grouping, with the dialect's decimal mark;
//   - shares as fractions (0.2857, not 29 %), and the heading of a share column says so
//     with " (andel 0–1)" / " (share 0–1)"; a missing value is an empty field;
//   - a text cell that starts with = + - @ or a tab or carriage return gets a leading
//     apostrophe, so a spreadsheet never runs a name as a formula.
//
// XLSX, for the download beside the CSV: one sheet with the CSV's header and rows (the same
// headings, shares still fractions 0–1), the label column as text, share columns as percentage
// cells, the other columns as number cells (io/xlsx/xlsx_writer.hpp).
// All functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/csv/csv_writer.hpp"
#include "io/xlsx/xlsx_writer.hpp"
#include "report/charts/charts.hpp"
#include "report/charts/number_format.hpp"

namespace trappa::report {

struct DataColumn {
  std::string heading;
  NumberFormat format = NumberFormat::share();
};

struct DataRow {
  std::string label;
  std::vector<std::optional<double>> values;  // one per column; missing trailing values are nullopt
};

struct DataTable {
  std::string caption;                 // what the table shows, e.g. the chart's title
  std::string row_heading;             // heading of the label column, e.g. "Område"
  std::vector<DataColumn> columns;
  std::vector<DataRow> rows;
  std::string note;                    // optional, added to the caption (e.g. the reference value)
  i18n::Language language = i18n::Language::kSwedish;  // of the words the table adds (notes, "(andel 0–1)")
  // The language (BCP 47) of the row labels and of the column headings when they may differ
  // from `language` — a framework's names on an English page; the HTML marks them lang="…".
  // Empty: `language`.
  std::string row_labels_language{};
  std::string column_headings_language{};
};

[[nodiscard]] std::string data_table_html(const DataTable& table);

[[nodiscard]] std::string data_table_csv(const DataTable& table, const io::CsvDialect& dialect = io::kMachineCsv);

// The sheet `sheet_name` (at most 31 characters, Excel's rule) of the table, typed as above.
[[nodiscard]] io::XlsxSheet data_table_sheet(const DataTable& table, const std::string& sheet_name);

// The table of each chart: the same labels and numbers, the chart's title as the caption,
// the chart's language (empty headings become the catalogue's words, as in the chart).
// Bar chart: value (and comparison) per bar, the reference in the note. Stacked bar: value
// and share per part, and the total. Heatmap: one column per heatmap column (headed by its
// code and name). Pyramid: women, men (and other, when any band has it) per band, youngest
// first, and the total. Line chart: one row per period, one column per series.
[[nodiscard]] DataTable table_for(const BarChart& chart);
[[nodiscard]] DataTable table_for(const StackedBar& chart);
[[nodiscard]] DataTable table_for(const Heatmap& chart);
[[nodiscard]] DataTable table_for(const Pyramid& chart);
[[nodiscard]] DataTable table_for(const LineChart& chart);

}  // namespace trappa::report
