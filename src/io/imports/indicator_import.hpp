// Turning an indicator series CSV into validated series (docs/maturity.md, "Indicator file").
#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/maturity/indicator_series.hpp"
#include "io/csv/csv_reader.hpp"

namespace trappa::io {

struct IndicatorImportContext {
  std::map<std::string, std::size_t, std::less<>> headcount{};  // unit code → employees in its subtree; every unit
  std::size_t min_group = 0;                                     // K, the small-group threshold
  std::span<const core::IndicatorSeries> existing{};             // the stored series
};

// Columns series,unit,period,value,comparison,source and the optional measure
// (index|%|count|score) and direction (higher|lower). One record per series × period; a
// series is the records with the same name. `unit` must be a unit of the context with at least
// `min_group` employees (else the series is refused); `period` a year (YYYY) or a date
// (YYYY-MM-DD), once per series; `value` a number, `comparison` a number or empty (decimal
// comma allowed); `source` free text. Where measure or direction is empty the stored series'
// is kept, and a new series is an index where higher is better. The unit, measure and direction
// must agree on every record of a series where given. A column employee_id (or personnummer)
// is refused: a series has no per-person place. Series in file order of first appearance,
// values in file order. On any problem, returns every one found as FILE:LINE:COLUMN: reason.
[[nodiscard]] core::Result<std::vector<core::IndicatorSeries>> read_indicator_series(
    const CsvTable& table, const IndicatorImportContext& context);

}  // namespace trappa::io
