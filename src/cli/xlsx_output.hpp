// --format xlsx for the CLI's table exports: the table the command writes as machine CSV
// (io/csv/csv_writer.hpp) becomes a one-sheet workbook (io/xlsx/csv_sheet.hpp, shared with the
// web's downloads), each column a text, number or percentage column as `kind_of` says by its
// header, written to --output (docs/formats.md, "Exports for spreadsheets").
#pragma once

#include <string>

#include "cli/command_context.hpp"
#include "io/xlsx/csv_sheet.hpp"

namespace trappa::cli {

[[nodiscard]] inline int write_csv_as_xlsx(const std::string& machine_csv, const std::string& sheet_name,
                                           const io::XlsxColumnKind& kind_of, const std::string& output) {
  if (output.empty()) {
    return report({core::ErrorKind::kInvalidInput, "--format xlsx needs --output FILE (a workbook is not text)", {}});
  }
  auto workbook = io::xlsx_from_csv(machine_csv, sheet_name, kind_of);
  if (!workbook) return report(workbook.error());
  return write_output(*workbook, output);
}

}  // namespace trappa::cli
