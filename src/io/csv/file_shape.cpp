#include "io/csv/file_shape.hpp"

#include <fstream>

namespace trappa::io {

namespace {

bool starts_with_bytes(std::string_view head, std::string_view magic) { return head.substr(0, magic.size()) == magic; }

// The first entry of a ZIP archive: an OpenDocument file stores "mimetype" first, uncompressed;
// an Office Open XML package names [Content_Types].xml, _rels/ or xl/ within its first entries.
FileShape zip_shape(std::string_view head) {
  if (head.substr(30, 8) == "mimetype" && head.find("opendocument.spreadsheet") != std::string_view::npos) {
    return FileShape::kOds;
  }
  if (head.find("[Content_Types].xml") != std::string_view::npos || head.find("xl/") != std::string_view::npos) {
    return FileShape::kXlsx;
  }
  return FileShape::kZip;
}

}  // namespace

FileShape sniff_file_shape(std::string_view head) {
  if (starts_with_bytes(head, "PK\x03\x04")) return zip_shape(head);
  if (starts_with_bytes(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileShape::kXls;
  if (starts_with_bytes(head, "%PDF-")) return FileShape::kPdf;
  if (starts_with_bytes(head, "\xFF\xFE")) return FileShape::kUtf16Le;
  if (starts_with_bytes(head, "\xFE\xFF")) return FileShape::kUtf16Be;
  std::string_view text = head;
  if (starts_with_bytes(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  // UTF-16 without a byte-order mark: ASCII letters alternate with NUL bytes.
  std::size_t even_nuls = 0;
  std::size_t odd_nuls = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\0') ++(i % 2 == 0 ? even_nuls : odd_nuls);
  }
  const std::size_t half = text.size() / 2;
  if (half >= 2 && (even_nuls * 10 >= half * 8 || odd_nuls * 10 >= half * 8)) return FileShape::kUtf16NoBom;
  // A stray control byte in a text file is left to the CSV reader, which names its place;
  // many of them (over 32, or over a tenth of the bytes) make a binary file.
  std::size_t control_bytes = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control_bytes;
  }
  if (control_bytes > 32 || control_bytes * 10 > text.size()) return FileShape::kBinary;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) return FileShape::kJson;
  return FileShape::kText;
}

std::optional<std::string> read_file_head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

std::string describe_unreadable_shape(FileShape shape) {
  switch (shape) {
    case FileShape::kXls:
      return "this is an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV and import that";
    case FileShape::kOds:
      return "this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV and import that";
    case FileShape::kZip:
      return "this is a ZIP archive, not an XLSX workbook; unpack it and import the CSV or .xlsx file inside";
    case FileShape::kPdf:
      return "this is a PDF document, not a table; export the table as CSV or .xlsx from the system that made it";
    case FileShape::kJson:
      return "this is a JSON file, not a table; this import reads CSV or .xlsx (a framework in JSON is imported "
             "with 'trappa import framework')";
    case FileShape::kUtf16NoBom:
      return "this is UTF-16 text without a byte-order mark; save it as UTF-8, or as UTF-16 with a byte-order mark";
    case FileShape::kBinary:
      return "this is a binary file, not text; this import reads CSV (UTF-8, UTF-16 or Windows-1252) or .xlsx";
    case FileShape::kText:
    case FileShape::kUtf16Le:
    case FileShape::kUtf16Be:
    case FileShape::kXlsx:
      break;
  }
  return {};
}

}  // namespace trappa::io
