// Reading CSV files as HR systems and spreadsheets write them.
//
// Accepts UTF-8 with or without a byte-order mark, ',', ';' or a tab as separator (detected from
// the header row; other encodings are converted first, io/csv/text_encoding.hpp), fields quoted with '"' (doubled quotes inside, line breaks allowed), LF or
// CRLF line ends, and blank lines (skipped). A field that begins with an apostrophe followed by
// = + - @, a tab or a carriage return loses the apostrophe: it is how Trappa's exports (and
// spreadsheets) keep such a text from running as a formula (csv_writer.hpp). Every field
// remembers where it started so a problem can be reported as FILE:LINE:COLUMN, with the
// column counted in characters from 1.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace trappa::io {

struct CsvField {
  std::string text;
  int line = 0;
  int column = 0;
};

struct CsvRecord {
  int line = 0;  // line where the record starts
  std::vector<CsvField> fields;
};

struct CsvTable {
  std::string file;  // as it should appear in messages
  char separator = ',';
  std::vector<CsvField> header;
  std::vector<CsvRecord> records;

  // "FILE:LINE:COLUMN"
  [[nodiscard]] std::string where(int line, int column) const;
  [[nodiscard]] std::string where(const CsvField& field) const { return where(field.line, field.column); }
};

// Parses the whole text. Fails, naming the place, on an unterminated quote, text after a
// closing quote, bytes that are not UTF-8, a control character other than tab and line ends
// (U+0000 and friends), or a field longer than 4096 bytes.
[[nodiscard]] core::Result<CsvTable> parse_csv(std::string_view text, std::string file_name);

// Reads and parses a file; a missing or unreadable file is an error naming it.
[[nodiscard]] core::Result<CsvTable> read_csv_file(const std::filesystem::path& path);

// Maps header names to positions so records can be read by column name in any order.
// Header names are matched case-insensitively after trimming spaces; unknown columns are
// ignored. Missing required columns, duplicate known columns and records with more cells
// than the header has columns are problems.
class CsvColumns {
 public:
  [[nodiscard]] static core::Result<CsvColumns> bind(const CsvTable& table,
                                                     const std::vector<std::string_view>& required,
                                                     const std::vector<std::string_view>& optional = {});

  [[nodiscard]] bool has(std::string_view name) const;
  // The field of `record` in column `name`, trimmed; a short record yields an empty field
  // positioned just after its last field.
  [[nodiscard]] CsvField get(const CsvRecord& record, std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::size_t>> positions_;
};

// Number parsing for CSV cells. Both return nullopt for text that is not entirely a number.
[[nodiscard]] std::optional<long long> parse_integer(std::string_view text);
// Accepts '.' or ',' as decimal separator ("0,75"); "nan" and "inf" are not numbers here.
[[nodiscard]] std::optional<double> parse_decimal(std::string_view text);

}  // namespace trappa::io
