// Writing XLSX workbooks for the web's downloads (libxlsxwriter, the one folder that includes
// it). Every cell is a text cell: a code such as "1.1" or an employee id stays as written, and
// a spreadsheet never runs a cell as a formula, so no neutralising is needed as in CSV
// (csv_writer.hpp). The first row of each sheet is its header, in bold and frozen.
// Thread-safe: each call writes its own workbook.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace trappa::io {

struct XlsxSheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (Excel's rule)
  std::vector<std::vector<std::string>> rows;  // the header first
};

// The workbook's bytes; kInvalidInput for a bad sheet name, kStorage when the temporary file
// libxlsxwriter writes cannot be written or read.
[[nodiscard]] core::Result<std::string> write_xlsx(const std::vector<XlsxSheet>& sheets);

}  // namespace trappa::io
