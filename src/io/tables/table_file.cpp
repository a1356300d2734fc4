#include "io/tables/table_file.hpp"

#include <fstream>
#include <sstream>

#include "io/csv/file_shape.hpp"
#include "io/csv/text_encoding.hpp"
#include "io/xlsx/xlsx_reader.hpp"

namespace trappa::io {

namespace {

core::Result<CsvTable> read_named_as_path(const std::filesystem::path& path, const TableReadOptions& options) {
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

// Every mention of the file as `from` becomes `to`.
void rename_file(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

core::Result<CsvTable> read_table_file(const std::filesystem::path& path, const TableReadOptions& options) {
  core::Result<CsvTable> table = read_named_as_path(path, options);
  if (options.display_name.empty()) return table;
  const std::string server_path = path.string();
  if (table) {
    table->file = options.display_name;
    return table;
  }
  core::Error error = std::move(table).error();
  rename_file(error.message, server_path, options.display_name);
  for (core::Problem& problem : error.problems) {
    rename_file(problem.where, server_path, options.display_name);
    rename_file(problem.what, server_path, options.display_name);
  }
  return std::unexpected(std::move(error));
}

}  // namespace trappa::io
