#include "io/tables/table_file.hpp"

#include <fstream>
#include <sstream>

#include "io/csv/file_shape.hpp"
#include "io/csv/text_encoding.hpp"
#include "io/xlsx/xlsx_reader.hpp"

namespace trappa::io {

core::Result<CsvTable> read_table_file(const std::filesystem::path& path, const TableReadOptions& options) {
  ASSIGN_OR_RETURN(const TextEncoding encoding, parse_text_encoding(options.encoding));
  const auto head = read_file_head(path.string());
  if (!head) return core::invalid("cannot read the file", {{path.string(), "no such file or it cannot be opened"}});
  const FileShape shape = sniff_file_shape(*head);
  if (shape == FileShape::kXlsx) return read_xlsx_table(path, options.sheet);
  if (const std::string unreadable = describe_unreadable_shape(shape); !unreadable.empty()) {
    return core::invalid("cannot read the file", {{path.string(), unreadable}});
  }
  if (!options.sheet.empty()) {
    return core::invalid("cannot read the file",
                         {{"sheet", "'" + options.sheet + "' names a sheet, but " + path.string() +
                                        " is a CSV file, not an XLSX workbook"}});
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  ASSIGN_OR_RETURN(std::string text, decode_to_utf8(std::move(content).str(), encoding, path.string()));
  return parse_csv(text, path.string());
}

}  // namespace trappa::io
