// --format xlsx for the CLI's table exports: the table the command writes as machine CSV
// (io/csv/csv_writer.hpp) becomes a one-sheet workbook (io/xlsx/xlsx_writer.hpp), each column a
// text, number or percentage column as `kind_of` says by its header. Codes and ids stay text
// cells, numbers are number cells, shares are percentages (docs/formats.md, "Exports for
// spreadsheets").
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "cli/command_context.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/xlsx/xlsx_writer.hpp"

namespace trappa::cli {

[[nodiscard]] inline int write_csv_as_xlsx(const std::string& machine_csv, const std::string& sheet_name,
                                           const std::function<io::XlsxColumn(std::string_view)>& kind_of,
                                           const std::string& output) {
  if (output.empty()) {
    return report({core::ErrorKind::kInvalidInput, "--format xlsx needs --output FILE (a workbook is not text)", {}});
  }
  auto table = io::parse_csv(machine_csv, sheet_name);
  if (!table) return report(table.error());
  io::XlsxSheet sheet{sheet_name, {}};
  std::vector<std::string> header;
  for (const io::CsvField& field : table->header) {
    header.push_back(field.text);
    sheet.columns.push_back(kind_of(field.text));
  }
  sheet.rows.push_back(std::move(header));
  for (const io::CsvRecord& record : table->records) {
    std::vector<std::string> row;
    for (const io::CsvField& field : record.fields) row.push_back(field.text);
    sheet.rows.push_back(std::move(row));
  }
  auto workbook = io::write_xlsx({sheet});
  if (!workbook) return report(workbook.error());
  return write_output(*workbook, output);
}

}  // namespace trappa::cli
