#include "io/csv/csv_reader.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/base/case_fold.hpp"
#include "core/base/text_checks.hpp"
#include "io/csv/csv_writer.hpp"

namespace trappa::io {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// A field longer than this is not something an HR system writes: most likely a quote was
// opened and closed much later, swallowing lines. Refusing it names the place at once.
constexpr std::size_t kMaxFieldBytes = 4096;

// Picks ',', ';' or a tab by counting each outside quotes on the first line; the most
// frequent wins (',' on a tie, so a one-column header stays a comma file).
char detect_separator(std::string_view text) {
  int commas = 0;
  int semicolons = 0;
  int tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) break;
    else if (!quoted && c == ',') ++commas;
    else if (!quoted && c == ';') ++semicolons;
    else if (!quoted && c == '\t') ++tabs;
  }
  if (tabs > commas && tabs > semicolons) return '\t';
  return semicolons > commas ? ';' : ',';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The apostrophe that csv_writer.hpp puts before a text a spreadsheet would run as a formula
// (and that spreadsheets add themselves): '=…, '+…, '-…, '@…, '<tab>…, '<CR>…, and the one it
// puts before a code a spreadsheet would read as a number ('1.1, '007).
bool neutralised_formula(std::string_view text) {
  return text.size() >= 2 && text.front() == '\'' &&
         (std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos ||
          spreadsheet_reads_as_number(text.substr(1)));
}

}  // namespace

std::string CsvTable::where(int line, int column) const { return fmt::format("{}:{}:{}", file, line, column); }

core::Result<CsvTable> parse_csv(std::string_view text, std::string file_name) {
  CsvTable table;
  table.file = std::move(file_name);
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  table.separator = detect_separator(text);

  std::vector<core::Problem> problems;
  std::vector<CsvRecord> rows;
  CsvRecord row;
  CsvField field;
  int line = 1;
  int column = 1;
  bool in_quotes = false;
  bool field_was_quoted = false;
  bool field_started = false;  // anything seen on this record yet
  bool after_closing_quote = false;

  auto start_field = [&] {
    field = CsvField{{}, line, column};
    field_was_quoted = false;
    after_closing_quote = false;
  };
  auto end_field = [&] {
    if (!field_was_quoted) field.text = std::string(trim(field.text));
    if (neutralised_formula(field.text)) field.text.erase(0, 1);
    row.fields.push_back(std::move(field));
  };
  auto end_record = [&] {
    end_field();
    const bool blank = row.fields.size() == 1 && row.fields[0].text.empty() && !field_was_quoted;
    if (!blank) rows.push_back(std::move(row));
    row = CsvRecord{};
  };

  auto field_too_long = [&]() -> core::Result<CsvTable> {
    problems.push_back({table.where(field.line, field.column),
                        fmt::format("the field is longer than {} bytes (is a closing quote missing?)", kMaxFieldBytes)});
    return core::invalid("the file could not be read", std::move(problems));
  };

  start_field();
  row.line = line;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const std::size_t length = core::utf8_sequence_length(text, i);
    if (length == 0) {
      problems.push_back({table.where(line, column), "the text is not valid UTF-8 (save the file as UTF-8)"});
      return core::invalid("the file could not be read", std::move(problems));
    }
    if (const auto byte = static_cast<unsigned char>(c);
        (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F) {
      problems.push_back({table.where(line, column),
                          fmt::format("the text contains the control character U+{:04X}, which no field may hold",
                                      static_cast<unsigned>(byte))});
      return core::invalid("the file could not be read", std::move(problems));
    }
    if (field.text.size() > kMaxFieldBytes) return field_too_long();
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.text += '"';
          i += 2;
          column += 2;
          continue;
        }
        in_quotes = false;
        after_closing_quote = true;
        ++i;
        ++column;
        continue;
      }
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') { ++i; continue; }
      field.text.append(text.substr(i, length));
      i += length;
      if (c == '\n') { ++line; column = 1; } else { ++column; }
      continue;
    }
    if (c == table.separator) {
      end_field();
      ++i;
      ++column;
      start_field();
      field_started = true;
      continue;
    }
    if (c == '\n' || c == '\r') {
      end_record();
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      column = 1;
      start_field();
      row.line = line;
      field_started = false;
      continue;
    }
    if (after_closing_quote) {
      if (c != ' ' && c != '\t') {
        problems.push_back({table.where(line, column), "unexpected text after a closing quote"});
        return core::invalid("the file could not be read", std::move(problems));
      }
      ++i;
      ++column;
      continue;
    }
    if (c == '"' && trim(field.text).empty()) {
      in_quotes = true;
      field_was_quoted = true;
      field.text.clear();
      field.column = column;
      ++i;
      ++column;
      continue;
    }
    field.text.append(text.substr(i, length));
    field_started = true;
    i += length;
    ++column;
  }
  if (field.text.size() > kMaxFieldBytes) return field_too_long();
  if (in_quotes) {
    problems.push_back({table.where(field.line, field.column), "a quoted field is not closed"});
    return core::invalid("the file could not be read", std::move(problems));
  }
  if (field_started || !field.text.empty() || field_was_quoted || !row.fields.empty()) end_record();

  if (rows.empty()) {
    problems.push_back({table.where(1, 1), "the file is empty; expected a header row"});
    return core::invalid("the file could not be read", std::move(problems));
  }
  table.header = std::move(rows.front().fields);
  rows.erase(rows.begin());
  table.records = std::move(rows);
  return table;
}

core::Result<CsvTable> read_csv_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::invalid("cannot read the file", {{path.string(), "no such file or it cannot be opened"}});
  }
  std::ostringstream content;
  content << in.rdbuf();
  return parse_csv(content.str(), path.string());
}

core::Result<CsvColumns> CsvColumns::bind(const CsvTable& table, const std::vector<std::string_view>& required,
                                          const std::vector<std::string_view>& optional) {
  CsvColumns columns;
  std::vector<core::Problem> problems;
  auto bind_one = [&](std::string_view name, bool is_required) {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      if (core::ascii_lower(trim(table.header[i].text)) != name) continue;
      if (found) {
        problems.push_back({table.where(table.header[i]), fmt::format("column '{}' appears twice", name)});
      } else {
        found = i;
      }
    }
    if (found) {
      columns.positions_.emplace_back(std::string(name), *found);
    } else if (is_required) {
      problems.push_back({table.where(1, 1), fmt::format("missing column '{}' in the header row", name)});
    }
  };
  for (std::string_view name : required) bind_one(name, true);
  for (std::string_view name : optional) bind_one(name, false);
  if (!problems.empty()) return core::invalid("the header row is not as expected", std::move(problems));
  // A cell beyond the header is a value without a column: usually an unquoted separator
  // inside a value, which shifts every cell after it.
  for (const CsvRecord& record : table.records) {
    if (record.fields.size() > table.header.size()) {
      problems.push_back({table.where(record.fields[table.header.size()]),
                          fmt::format("more cells than header columns ({}); quote values that hold '{}'",
                                      table.header.size(), table.separator)});
    }
  }
  if (!problems.empty()) return core::invalid("the file has problems; nothing was imported", std::move(problems));
  return columns;
}

bool CsvColumns::has(std::string_view name) const {
  for (const auto& [column_name, position] : positions_) {
    if (column_name == name) return true;
  }
  return false;
}

CsvField CsvColumns::get(const CsvRecord& record, std::string_view name) const {
  for (const auto& [column_name, position] : positions_) {
    if (column_name != name) continue;
    if (position < record.fields.size()) return record.fields[position];
    CsvField missing;
    missing.line = record.line;
    if (record.fields.empty()) {
      missing.column = 1;
    } else {
      const CsvField& last = record.fields.back();
      missing.line = last.line;
      // Columns count characters, not bytes: skip UTF-8 continuation bytes.
      int characters = 0;
      for (char c : last.text) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      missing.column = last.column + characters;
    }
    return missing;
  }
  return CsvField{{}, record.line, 1};
}

std::optional<long long> parse_integer(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<double> parse_decimal(std::string_view text) {
  std::string normalised(text);
  for (char& c : normalised) {
    if (c == ',') c = '.';
  }
  double value = 0;
  const auto [end, error] = std::from_chars(normalised.data(), normalised.data() + normalised.size(), value);
  if (error != std::errc{} || end != normalised.data() + normalised.size() || normalised.empty()) return std::nullopt;
  if (!std::isfinite(value)) return std::nullopt;  // "nan" and "inf" parse, but are no quantity
  return value;
}

}  // namespace trappa::io
