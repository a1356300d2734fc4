// Column maps: renaming and combining an HR file's columns into the columns Trappa's importers
// read, before they bind them (so every CSV import gets it).
//
// A map is a TOML file of `trappa_field = "Source column"` or
// `trappa_field = ["Source A", "Source B"]` (the sources' values joined with a space, empty
// ones left out). Without a map, the Swedish headers HR systems use (Förnamn + Efternamn,
// Personnummer, Kön, Enhet, ...) are recognised; docs/formats.md lists them. Source names match
// case-insensitively (also Å, Ä, Ö) after trimming spaces.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

struct ColumnMap {
  struct Entry {
    std::string field{};                 // Trappa's column name
    std::vector<std::string> sources{};  // the file's columns, joined with a space
    int line = 0;                        // line in the map file; 0 for the built-in headers
  };
  std::string file{};  // the map file as named in messages
  std::vector<Entry> entries{};
};

// Reads a map file; a malformed file, a value that is neither a string nor an array of
// strings, or an empty source list is an error naming the map's line.
[[nodiscard]] core::Result<ColumnMap> read_column_map(const std::filesystem::path& path);

// The table with each map entry as a column named `field`; columns the map does not use are
// kept (but a kept column named like a mapped field gives way to it). A source column the
// table lacks is an error naming the map's line and the column.
[[nodiscard]] core::Result<void> apply_column_map(CsvTable& table, const ColumnMap& map);

// What the file's header is for: Befattning is the role of a person but the position of an
// employment. Other files keep their headers.
enum class HeaderUse { kPeople, kEmployments, kOther };

// Renames the Swedish headers of a people or employments file (and combines Förnamn + Efternamn into `name`)
// where the table lacks Trappa's own column of that name. Never fails.
void apply_swedish_headers(CsvTable& table, HeaderUse use);

}  // namespace trappa::io
