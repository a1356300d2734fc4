// Reading the file a tabular import is given — CSV in any supported encoding or an XLSX
// workbook — as one CsvTable, so every importer reads every format unchanged (docs/formats.md,
// "File formats and encodings"). The file's shape is recognised from its first bytes
// (io/csv/file_shape.hpp); a shape no import reads is an error naming what the file is.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/result.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

struct TableReadOptions {
  std::string sheet{};     // XLSX: the sheet to read; empty = the first
  std::string encoding{};  // CSV: "utf-8" (default), "utf-16" or "cp1252"
  // The file's name in the table and in every message; empty: `path`. The web passes the
  // uploaded file's own name so that the server's copy's path never reaches the reader.
  std::string display_name{};
};

// XLSX: the sheet as read_xlsx_table gives it (line = row, column = column number). CSV: the
// text decoded to UTF-8 and parsed by parse_csv. Errors are kInvalidInput naming the file
// as `display_name` says (or the parameter `sheet` / `encoding`) and the reason; a missing file is one too.
[[nodiscard]] core::Result<CsvTable> read_table_file(const std::filesystem::path& path,
                                                     const TableReadOptions& options = {});

}  // namespace trappa::io
