// Writing XLSX workbooks for the web's downloads (libxlsxwriter, the one folder that includes
// it). A cell is a text cell unless its column is declared a number or percentage column and
// the cell holds a decimal written with '.' (then it is a number cell, a percentage shown as
// 0.0 %); a code such as "1.1" or an employee id in a text column stays as written, and a
// spreadsheet never runs a cell as a formula, so no neutralising is needed as in CSV
// (csv_writer.hpp). The first row of each sheet is its header, in bold, frozen, always text.
// Thread-safe: each call writes its own workbook.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace trappa::io {

enum class XlsxColumn { kText, kNumber, kPercentage };

struct XlsxSheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (Excel's rule)
  std::vector<std::vector<std::string>> rows;  // the header first
  // The kind of each column; columns beyond the list are text. A number or percentage column's
  // cell that is not a decimal (empty, "n/a") is written as text (nothing when empty).
  std::vector<XlsxColumn> columns = {};
};

// The workbook's bytes; kInvalidInput for a bad sheet name, kStorage when the temporary file
// libxlsxwriter writes cannot be written or read.
[[nodiscard]] core::Result<std::string> write_xlsx(const std::vector<XlsxSheet>& sheets);

}  // namespace trappa::io
