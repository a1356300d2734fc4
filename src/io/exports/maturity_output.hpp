// `trappa maturity` and `trappa indicators` as JSON, CSV and a table for people
// (docs/maturity.md, "Listing"). The CSV of each re-imports with its import command (the extra
// column change_since_previous is ignored there). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/maturity/indicator_series.hpp"
#include "core/maturity/maturity_measurement.hpp"
#include "io/csv/csv_writer.hpp"

namespace trappa::io {

[[nodiscard]] std::string write_maturity_json(const std::vector<core::MaturityPoint>& points,
                                              const std::optional<std::string>& unit);
[[nodiscard]] std::string write_maturity_csv(const std::vector<core::MaturityPoint>& points, const CsvDialect& dialect);
[[nodiscard]] std::string write_maturity_table(const std::vector<core::MaturityPoint>& points);

[[nodiscard]] std::string write_indicators_json(const std::vector<core::IndicatorSeries>& series,
                                                const std::optional<std::string>& unit);
[[nodiscard]] std::string write_indicators_csv(const std::vector<core::IndicatorSeries>& series,
                                               const CsvDialect& dialect);
[[nodiscard]] std::string write_indicators_table(const std::vector<core::IndicatorSeries>& series);

}  // namespace trappa::io
