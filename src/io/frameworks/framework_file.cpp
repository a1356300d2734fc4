#include "io/frameworks/framework_file.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

#include "io/csv/csv_reader.hpp"
#include "io/frameworks/case_package.hpp"
#include "io/frameworks/digcomp_workbook.hpp"
#include "io/frameworks/moodle_framework_csv.hpp"
#include "io/json/framework_json.hpp"
#include "io/json/json_text.hpp"
#include "io/xlsx/xlsx_reader.hpp"

namespace trappa::io {

namespace {

constexpr std::string_view kAccepted =
    "Trappa reads Trappa's framework JSON, a 1EdTech CASE 1.0 package (JSON with CFDocument and CFItems), "
    "Moodle's competency framework CSV (columns 'Parent ID number', 'ID number', 'Short name', …, 'Is framework') "
    "and, from a file, the DigComp workbook (XLSX with columns 'Competence area' and 'Competence')";

std::string_view without_byte_order_mark(std::string_view bytes) {
  return bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
}

// The first character that is not white space, or 0.
char first_visible(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
  }
  return 0;
}

bool is_json_name(std::string_view file_name) {
  if (file_name.size() < 5) return false;
  std::string extension(file_name.substr(file_name.size() - 5));
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".json";
}

core::Result<ImportedFramework> unrecognised(const std::string& file_name, const std::string& shape) {
  return core::invalid("the file is not a framework Trappa can read", {{file_name, shape + "; " + std::string(kAccepted)}});
}

}  // namespace

core::Result<ImportedFramework> parse_framework_source(std::string_view bytes, const std::string& file_name) {
  if (bytes.starts_with("PK\x03\x04")) {
    return unrecognised(file_name, "this is an XLSX workbook (or another ZIP archive), not a framework file");
  }
  const std::string_view text = without_byte_order_mark(bytes);
  const char first = first_visible(text);
  if (first == '{' || first == '[') {
    // CASE packages carry a CFDocument at the top; any other JSON is read as Trappa's own
    // (whose reader reports a syntax error as before).
    auto document = parse_json_text(bytes, file_name);
    if (document && document->is_object() && document->as_object().contains("CFDocument")) {
      return parse_case_package(bytes, file_name);
    }
    ASSIGN_OR_RETURN(auto framework, parse_framework_json(bytes, file_name));
    return ImportedFramework{std::move(framework), "trappa-json", {}};
  }
  // A file its author calls .json that is neither JSON nor Moodle's CSV (a comment at the top,
  // an empty file) gets the JSON reader's own report, which says more than "not a framework".
  const bool json_name = is_json_name(file_name);
  if (first != 0) {
    auto table = parse_csv(bytes, file_name);
    if (table && is_moodle_framework_csv(*table)) return read_moodle_framework_csv(*table);
    if (!json_name) {
      if (!table) return std::unexpected(std::move(table).error());
      return unrecognised(file_name, "this is a CSV file without Moodle's 'Parent ID number' and 'Is framework' columns");
    }
  }
  if (!json_name) return unrecognised(file_name, "the file is empty");
  ASSIGN_OR_RETURN(auto framework, parse_framework_json(bytes, file_name));
  return ImportedFramework{std::move(framework), "trappa-json", {}};
}

core::Result<ImportedFramework> read_framework_source(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::invalid("cannot read the file", {{path.string(), "no such file or it cannot be opened"}});
  std::ostringstream content;
  content << in.rdbuf();
  const std::string bytes = content.str();
  if (bytes.starts_with("PK\x03\x04")) {
    // A workbook: the DigComp shape, or named for what it is.
    ASSIGN_OR_RETURN(auto table, read_xlsx_table(path));
    if (is_digcomp_table(table)) return read_digcomp_table(table, path.stem().string());
    return unrecognised(path.string(), "this is an XLSX workbook whose first sheet has no 'Competence area' and "
                                       "'Competence' columns of the DigComp workbook");
  }
  return parse_framework_source(bytes, path.string());
}

}  // namespace trappa::io
