// A table written as machine CSV (io/csv/csv_writer.hpp, kMachineCsv: ',' and '.', no byte
// order mark) turned into one typed XLSX sheet (xlsx_writer.hpp), so every XLSX download and
// export is the same table as its CSV: `kind_of` tells, by the header's text, whether a column
// is text (codes, ids, names, labels), numbers or percentages (shares as fractions 0–1). Used
// by the CLI's `--format xlsx` and the web's .xlsx downloads (docs/formats.md, "Exports for
// spreadsheets"). Pure and thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "io/xlsx/xlsx_writer.hpp"

namespace trappa::io {

using XlsxColumnKind = std::function<XlsxColumn(std::string_view header)>;

// The kind of a table whose `text_columns` (codes, keys, names) are text and whose every other
// column is a count or measure: a number.
[[nodiscard]] XlsxColumnKind numbers_except(std::vector<std::string_view> text_columns);

// The sheet named `sheet_name` holding `machine_csv`'s header and records; kInvalidInput when
// the text is not CSV (a programming error: it comes from Trappa's own writers).
[[nodiscard]] core::Result<XlsxSheet> sheet_from_csv(std::string_view machine_csv, const std::string& sheet_name,
                                                     const XlsxColumnKind& kind_of);

// The workbook of that one sheet.
[[nodiscard]] core::Result<std::string> xlsx_from_csv(std::string_view machine_csv, const std::string& sheet_name,
                                                      const XlsxColumnKind& kind_of);

}  // namespace trappa::io
