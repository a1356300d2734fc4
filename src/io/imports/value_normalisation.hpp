// Value normalisation: the values HR files hold rewritten, in the table, into the forms Trappa's
// importers read (docs/formats.md, "Values as HR systems write them"). Runs after the column
// map (column_map.hpp) and before the importer binds the columns; a value it does not
// recognise is left for the importer to reject with its own message.
//
// A personal identity number or a full birth date in `birth_year` is reduced to the year at
// once: the rest is overwritten in the table and never appears in a message (docs/personal-data.md).
#pragma once

#include <span>
#include <string>

#include "core/base/result.hpp"
#include "core/org/org.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

struct NormalisationOptions {
  // "" (ISO dates and YYYYMMDD only), "DD/MM/YYYY", "MM/DD/YYYY" or "DD.MM.YYYY".
  std::string date_format{};
  int current_year = 0;  // for the century of a YYMMDD personal identity number
};

// Whether `format` is a date format --date-format accepts ("" included).
[[nodiscard]] bool is_date_format(std::string_view format);

// `text` without surrounding spaces and tabs, in small letters (core::fold_case): how header
// names and values from HR files are matched.
[[nodiscard]] std::string fold_for_matching(std::string_view text);

// Rewrites the columns gender, birth_year, city_start_date, start_date, end_date,
// employment_type and fte where the table has them. Problems: a date in a form the options do
// not name (the message suggests --date-format), a birth year that is neither a year, a
// personal identity number nor a date.
[[nodiscard]] core::Result<void> normalise_values(CsvTable& table, const NormalisationOptions& options);

// Replaces unit names in `unit_code` by the code of the one unit with that name (case
// ignored). An unknown or ambiguous name is a problem naming the candidates.
[[nodiscard]] core::Result<void> resolve_unit_names(CsvTable& table, std::span<const core::Unit> units);

}  // namespace trappa::io
