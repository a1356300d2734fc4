// Writing key figures (core/key_figures.hpp) for people and programs: the JSON document that
// `trappa figures` prints and /api/v1/figures serves, a long-format CSV and a plain-text table.
// All three round the same way (documented in docs/key-figures.md): FTE, means, medians and
// the average headcount to two decimals, shares and rates to four.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/workforce/key_figures.hpp"
#include "io/csv/csv_writer.hpp"

namespace trappa::io {

// The JSON document in the field order of docs/key-figures.md, in the canonical indented form
// of io/json_text.hpp (ends with a newline).
[[nodiscard]] std::string write_key_figures_json(const core::KeyFigures& figures);

// The CSV's columns as programs read them (the CLI and docs/key-figures.md).
inline constexpr std::array<std::string_view, 5> kKeyFiguresCsvColumns{"figure", "date", "group", "measure", "value"};

// One value per row: figure,date,group,measure,value (empty value for "not defined"), ready
// for a spreadsheet's pivot table, in `dialect` (io/csv/csv_writer.hpp). Age bands are named
// 0–29, 30–39, 40–49, 50–59 and "60 och äldre", which no spreadsheet reads as a number.
// `header`: the five column names in the reader's language for a spreadsheet download from the
// web; empty: kKeyFiguresCsvColumns, the machine CSV's.
[[nodiscard]] std::string write_key_figures_csv(const core::KeyFigures& figures,
                                                const CsvDialect& dialect = kMachineCsv,
                                                const std::vector<std::string>& header = {});

// Aligned plain-text tables for a terminal.
[[nodiscard]] std::string write_key_figures_table(const core::KeyFigures& figures);

}  // namespace trappa::io
