#include "report/charts/data_table.hpp"

#include <cmath>

#include <fmt/format.h>

#include "io/csv/csv_writer.hpp"
#include "report/charts/markup.hpp"

namespace trappa::report {

namespace {

std::optional<double> value_at(const DataRow& row, std::size_t column) {
  if (column >= row.values.size()) return std::nullopt;
  const auto& value = row.values[column];
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

bool any_missing(const DataTable& table) {
  for (const DataRow& row : table.rows) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (!value_at(row, c)) return true;
    }
  }
  return false;
}

}  // namespace

std::string data_table_html(const DataTable& table) {
  std::string html = "<table class=\"trappa-table\"><caption>" + escape_markup(table.caption);
  const bool noted = !table.note.empty() || any_missing(table);
  // The notes follow the caption as sentences, so it reads right even without page CSS.
  if (noted && !table.caption.empty() && std::string_view(".!?:").find(table.caption.back()) == std::string_view::npos) {
    html += '.';
  }
  if (!table.note.empty()) html += " <span class=\"trappa-table-note\">" + escape_markup(table.note) + "</span>";
  if (any_missing(table)) {
    html += " <span class=\"trappa-table-note\">" + escape_markup(detail::words(table.language, "report_table_dash_note")) +
            "</span>";
  }
  html += "</caption><thead><tr><th scope=\"col\">" + escape_markup(table.row_heading) + "</th>";
  for (const DataColumn& column : table.columns) {
    const std::string lang = detail::lang_attribute(table.column_headings_language, table.language);
    html += "<th scope=\"col\" class=\"num\"" + (lang.empty() ? "" : " " + lang) + ">" + escape_markup(column.heading) + "</th>";
  }
  html += "</tr></thead><tbody>";
  for (const DataRow& row : table.rows) {
    const std::string lang = detail::lang_attribute(table.row_labels_language, table.language);
    html += "<tr><th scope=\"row\"" + (lang.empty() ? "" : " " + lang) + ">" + escape_markup(row.label) + "</th>";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      html += "<td class=\"num\">" + escape_markup(format_value(value_at(row, c), table.columns[c].format)) + "</td>";
    }
    html += "</tr>";
  }
  html += "</tbody></table>";
  return html;
}

namespace {

std::vector<std::string> header_cells(const DataTable& table) {
  std::vector<std::string> cells{table.row_heading};
  for (const DataColumn& column : table.columns) {
    cells.push_back(column.format.kind == ValueKind::kShare
                        ? detail::sentence(table.language, "report_csv_share_heading", {{"heading", column.heading}})
                        : column.heading);
  }
  return cells;
}

}  // namespace

std::string data_table_csv(const DataTable& table, const io::CsvDialect& dialect) {
  std::string csv(io::csv_start(dialect));
  io::CsvRow header(dialect);
  for (const std::string& cell : header_cells(table)) header.text(cell);
  csv += header.line();
  for (const DataRow& row : table.rows) {
    io::CsvRow record(dialect);
    record.text(row.label);
    for (std::size_t c = 0; c < table.columns.size(); ++c) record.number(csv_value(value_at(row, c), table.columns[c].format));
    csv += record.line();
  }
  return csv;
}

io::XlsxSheet data_table_sheet(const DataTable& table, const std::string& sheet_name) {
  io::XlsxSheet sheet{sheet_name, {header_cells(table)}};
  sheet.columns.push_back(io::XlsxColumn::kText);
  for (const DataColumn& column : table.columns) {
    sheet.columns.push_back(column.format.kind == ValueKind::kShare ? io::XlsxColumn::kPercentage : io::XlsxColumn::kNumber);
  }
  for (const DataRow& row : table.rows) {
    std::vector<std::string> cells{row.label};
    for (std::size_t c = 0; c < table.columns.size(); ++c) cells.push_back(csv_value(value_at(row, c), table.columns[c].format));
    sheet.rows.push_back(std::move(cells));
  }
  return sheet;
}

}  // namespace trappa::report
