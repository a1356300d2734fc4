// Recognising what a file is from its first bytes, so an import can name a file it cannot read
// for what it is ("this is an Excel 97–2003 workbook (.xls); …") instead of failing on the first
// odd byte. Used by the table imports (io/tables) and the framework import.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trappa::io {

enum class FileShape {
  kText,          // UTF-8 (with or without a byte-order mark) or another 8-bit text
  kUtf16Le,       // UTF-16 little-endian with its byte-order mark FF FE
  kUtf16Be,       // UTF-16 big-endian with its byte-order mark FE FF
  kUtf16NoBom,    // NUL bytes every other byte and no byte-order mark
  kJson,          // text whose first non-blank character is '{' or '['
  kXlsx,          // a ZIP archive holding an Office Open XML package
  kOds,           // a ZIP archive whose mimetype is an OpenDocument spreadsheet
  kZip,           // any other ZIP archive
  kXls,           // an OLE2 compound file: Excel 97–2003 (.xls) or another old Office file
  kPdf,           // %PDF-
  kBinary,        // many NUL or other control bytes (over 32, or over a tenth of the head)
};

// The shape of a file whose first bytes (4 KiB is plenty) are `head`.
[[nodiscard]] FileShape sniff_file_shape(std::string_view head);

// Reads the first 4 KiB of `path`; nullopt when it cannot be opened.
[[nodiscard]] std::optional<std::string> read_file_head(const std::string& path);

// For a shape a table import cannot read (every shape but kText, kUtf16Le, kUtf16Be, kXlsx):
// what the file is and what to do instead, e.g. "this is an Excel 97–2003 workbook (.xls);
// save it as .xlsx or CSV and import that". Empty for the shapes it can read.
[[nodiscard]] std::string describe_unreadable_shape(FileShape shape);

}  // namespace trappa::io
