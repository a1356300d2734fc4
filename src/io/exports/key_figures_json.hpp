// Writing key figures (core/key_figures.hpp) for people and programs: the JSON document that
// `trappa figures` prints and /api/v1/figures serves, a long-format CSV and a plain-text table.
// All three round the same way (documented in docs/key-figures.md): FTE, means, medians and
// the average headcount to two decimals, shares and rates to four.
#pragma once

#include <string>

#include "core/workforce/key_figures.hpp"

namespace trappa::io {

// The JSON document in the field order of docs/key-figures.md, in the canonical indented form
// of io/json_text.hpp (ends with a newline).
[[nodiscard]] std::string write_key_figures_json(const core::KeyFigures& figures);

// One value per row: figure,date,group,measure,value (comma-separated, '.' decimals, empty
// value for "not defined"), ready for a spreadsheet's pivot table.
[[nodiscard]] std::string write_key_figures_csv(const core::KeyFigures& figures);

// Aligned plain-text tables for a terminal.
[[nodiscard]] std::string write_key_figures_table(const core::KeyFigures& figures);

}  // namespace trappa::io
