#include "io/imports/column_map.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <toml.hpp>

#include "io/imports/value_normalisation.hpp"

namespace trappa::io {

namespace {

std::optional<std::size_t> column_of(const CsvTable& table, std::string_view name) {
  const std::string wanted = fold_for_matching(name);
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    if (fold_for_matching(table.header[i].text) == wanted) return i;
  }
  return std::nullopt;
}

std::string first_line(std::string_view text) {
  const auto end = text.find('\n');
  return std::string(end == std::string_view::npos ? text : text.substr(0, end));
}

// The table rebuilt with `columns`: each output column takes the cells at its source
// positions, joined with a space (empty cells left out), placed at the first source's cell.
struct OutputColumn {
  std::string name;
  std::vector<std::size_t> sources;
};

void rebuild(CsvTable& table, const std::vector<OutputColumn>& columns) {
  auto combine = [](const std::vector<CsvField>& fields, const std::vector<std::size_t>& sources, int line) {
    CsvField out;
    out.line = line;
    bool placed = false;
    for (std::size_t source : sources) {
      if (source >= fields.size()) continue;
      const CsvField& field = fields[source];
      if (!placed) {
        out.line = field.line;
        out.column = field.column;
        placed = true;
      }
      std::string_view text = field.text;
      while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
      while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
      if (text.empty()) continue;
      if (!out.text.empty()) out.text += ' ';
      out.text += text;
    }
    return out;
  };
  std::vector<CsvField> header;
  header.reserve(columns.size());
  for (const OutputColumn& column : columns) {
    CsvField field = combine(table.header, column.sources, 1);
    field.text = column.name;
    header.push_back(std::move(field));
  }
  for (CsvRecord& record : table.records) {
    std::vector<CsvField> fields;
    fields.reserve(columns.size());
    for (const OutputColumn& column : columns) fields.push_back(combine(record.fields, column.sources, record.line));
    record.fields = std::move(fields);
  }
  table.header = std::move(header);
}

// Applies `entries` whose sources are all in the table; the rest are returned.
std::vector<const ColumnMap::Entry*> apply_entries(CsvTable& table, const std::vector<ColumnMap::Entry>& entries,
                                                   bool skip_absent) {
  std::vector<OutputColumn> columns;
  std::vector<bool> used(table.header.size(), false);
  std::vector<std::string> mapped_fields;
  std::vector<const ColumnMap::Entry*> missing;
  for (const ColumnMap::Entry& entry : entries) {
    OutputColumn column{entry.field, {}};
    bool complete = true;
    for (const std::string& source : entry.sources) {
      auto position = column_of(table, source);
      if (!position) {
        complete = false;
        break;
      }
      column.sources.push_back(*position);
    }
    if (!complete) {
      if (!skip_absent) missing.push_back(&entry);
      continue;
    }
    if (std::ranges::find(mapped_fields, fold_for_matching(entry.field)) != mapped_fields.end()) continue;
    for (std::size_t source : column.sources) used[source] = true;
    mapped_fields.push_back(fold_for_matching(entry.field));
    columns.push_back(std::move(column));
  }
  if (!missing.empty() || columns.empty()) return missing;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    if (used[i] || std::ranges::find(mapped_fields, fold_for_matching(table.header[i].text)) != mapped_fields.end()) continue;
    columns.push_back({table.header[i].text, {i}});
  }
  // In the file's order, a combined column where its first source was: an importer that reads
  // columns by position (the profile matrix's first column) still finds them there.
  std::ranges::stable_sort(columns, {}, [](const OutputColumn& column) { return std::ranges::min(column.sources); });
  rebuild(table, columns);
  return missing;
}

}  // namespace

core::Result<ColumnMap> read_column_map(const std::filesystem::path& path) {
  ColumnMap map;
  map.file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::invalid("cannot read the column map", {{map.file, "no such file, or not readable"}});
  std::ostringstream content;
  content << in.rdbuf();
  toml::value root;
  try {
    std::istringstream stream(content.str());
    root = toml::parse(stream, map.file);
  } catch (const toml::exception& error) {
    return core::invalid("the column map is not valid TOML",
                         {{fmt::format("{}:{}", map.file, error.location().line()), first_line(error.what())}});
  } catch (const std::exception& error) {
    return core::invalid("the column map is not valid TOML", {{map.file, first_line(error.what())}});
  }
  std::vector<core::Problem> problems;
  if (!root.is_table()) return core::invalid("the column map is not a TOML table", {{map.file, "expected key = value"}});
  for (const auto& [key, value] : root.as_table()) {
    ColumnMap::Entry entry;
    entry.field = key;
    entry.line = static_cast<int>(value.location().line());
    const std::string where = fmt::format("{}:{}", map.file, entry.line);
    if (value.is_string()) {
      entry.sources.push_back(value.as_string());
    } else if (value.is_array()) {
      for (const toml::value& item : value.as_array()) {
        if (!item.is_string()) {
          problems.push_back({where, fmt::format("'{}' lists something that is not a column name", key)});
          break;
        }
        entry.sources.push_back(item.as_string());
      }
      if (entry.sources.empty()) problems.push_back({where, fmt::format("'{}' names no column", key)});
    } else {
      problems.push_back({where, fmt::format("'{}' is neither a column name nor a list of column names", key)});
    }
    map.entries.push_back(std::move(entry));
  }
  if (!problems.empty()) return core::invalid("the column map has problems", std::move(problems));
  // In the order of the file (TOML tables are read in no particular order).
  std::ranges::stable_sort(map.entries, {}, &ColumnMap::Entry::line);
  return map;
}

core::Result<void> apply_column_map(CsvTable& table, const ColumnMap& map) {
  const auto missing = apply_entries(table, map.entries, false);
  if (missing.empty()) return {};
  std::vector<core::Problem> problems;
  for (const ColumnMap::Entry* entry : missing) {
    for (const std::string& source : entry->sources) {
      if (column_of(table, source)) continue;
      problems.push_back({fmt::format("{}:{}", map.file, entry->line),
                          fmt::format("the file {} has no column '{}' (for '{}')", table.file, source, entry->field)});
    }
  }
  return core::invalid("the column map does not fit the file; nothing was imported", std::move(problems));
}

void apply_swedish_headers(CsvTable& table, HeaderUse use) {
  if (use == HeaderUse::kOther) return;
  std::vector<ColumnMap::Entry> entries;
  auto alias = [&](std::string field, std::vector<std::string> sources) {
    if (column_of(table, field)) return;  // Trappa's own column wins
    entries.push_back({std::move(field), std::move(sources), 0});
  };
  alias("employee_id", {"Anställningsnummer"});
  alias("employee_id", {"Anst.nr"});
  alias("employee_id", {"Anstnr"});
  alias("name", {"Förnamn", "Efternamn"});
  alias("name", {"Namn"});
  alias("email", {"E-post"});
  alias("email", {"E-postadress"});
  alias("gender", {"Kön"});
  alias("birth_year", {"Födelseår"});
  alias("birth_year", {"Personnummer"});
  alias("birth_year", {"Födelsedatum"});
  alias("unit_code", {"Enhetskod"});
  alias("unit_code", {"Enhet"});
  alias("manager_id", {"Chef"});
  alias("manager_id", {"Chefens anställningsnummer"});
  alias("city_start_date", {"Anställd sedan"});
  alias("employment_type", {"Anställningsform"});
  alias("fte", {"Sysselsättningsgrad"});
  alias("start_date", {"Från"});
  alias("start_date", {"Startdatum"});
  alias("end_date", {"Till"});
  alias("end_date", {"Slutdatum"});
  alias("recruitment_route", {"Rekryteringsväg"});
  alias("departure_route", {"Avgångsväg"});
  alias("departure_reason", {"Avgångsorsak"});
  if (use == HeaderUse::kEmployments) {
    alias("position", {"Befattning"});
  } else {
    alias("role", {"Befattning"});
    alias("role", {"Roll"});
  }
  apply_entries(table, entries, true);
}

}  // namespace trappa::io
