#include "io/csv/csv_writer.hpp"

namespace trappa::io {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Spreadsheets run a cell that starts with one of these as a formula.
bool runs_as_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

}  // namespace

bool spreadsheet_reads_as_number(std::string_view text) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return false;
  // A date as Trappa writes it (2025-12-31) should become a date in the spreadsheet.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' &&
      text.find_first_not_of("0123456789-") == std::string_view::npos) {
    return false;
  }
  bool mark = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') continue;
    if (std::string_view(".,/:-").find(c) == std::string_view::npos) return false;
    mark = true;
  }
  return mark || (text.size() > 1 && text.front() == '0');
}

namespace {

void append_quoted(std::string& out, std::string_view text, char separator) {
  // Leading and trailing spaces and tabs are quoted too: the reader trims unquoted fields.
  // Both separators are quoted whatever the dialect, so a reader that guesses the
  // separator from the first line guesses right.
  const bool padded = !text.empty() && (text.front() == ' ' || text.front() == '\t' || text.back() == ' ' ||
                                        text.back() == '\t');
  const bool special = text.find_first_of(",;\"\n\r") != std::string_view::npos ||
                       text.find(separator) != std::string_view::npos;
  if (!padded && !special) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::optional<CsvDialect> csv_dialect_named(std::string_view name) {
  if (name == "sv") return kSwedishSpreadsheetCsv;
  if (name == "en") return kEnglishSpreadsheetCsv;
  return std::nullopt;
}

CsvDialect spreadsheet_csv_for(std::string_view language_code) {
  return language_code == "en" ? kEnglishSpreadsheetCsv : kSwedishSpreadsheetCsv;
}

std::string_view csv_start(const CsvDialect& dialect) {
  return dialect.byte_order_mark ? kByteOrderMark : std::string_view();
}

void CsvRow::separate() {
  if (!first_) line_ += dialect_.separator;
  first_ = false;
}

CsvRow& CsvRow::text(std::string_view cell) {
  separate();
  if (runs_as_formula(cell) || (dialect_.byte_order_mark && spreadsheet_reads_as_number(cell))) {
    append_quoted(line_, "'" + std::string(cell), dialect_.separator);
  } else {
    append_quoted(line_, cell, dialect_.separator);
  }
  return *this;
}

CsvRow& CsvRow::number(std::string_view formatted) {
  separate();
  for (char c : formatted) line_ += c == '.' ? dialect_.decimal_mark : c;
  return *this;
}

std::string csv_field(std::string_view text) {
  CsvRow row;
  row.text(text);
  std::string line = row.line();
  line.pop_back();
  return line;
}

std::string csv_line(const std::vector<std::string>& fields, const CsvDialect& dialect) {
  CsvRow row(dialect);
  for (const std::string& field : fields) row.text(field);
  return row.line();
}

}  // namespace trappa::io
