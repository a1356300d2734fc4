// Writing the competence forecast (core/forecast/forecast.hpp): the JSON document that
// `trappa forecast` prints (and the forecast page and API are to serve), a CSV with one row per
// role and year, and a plain-text table for a terminal. All round the same way
// (docs/forecast.md): counts to two decimals, rates, shares and hazards to four.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/forecast/forecast.hpp"
#include "io/csv/csv_writer.hpp"

namespace trappa::io {

// The JSON document in the field order of docs/forecast.md, canonical indented form (ends
// with a newline).
[[nodiscard]] std::string write_forecast_json(const core::Forecast& forecast);

// The CSV's columns as programs read them (the CLI and docs/forecast.md).
inline constexpr std::array<std::string_view, 11> kForecastCsvColumns{
    "role", "year", "start", "retirements", "leavers", "demand", "recruitment_need", "end",
    "turning_65", "turning_67", "turning_69"};

// role,year,start,retirements,leavers,demand,recruitment_need,end,turning_65,turning_67,turning_69
// — one row per role and year, roles by name, in `dialect` (io/csv/csv_writer.hpp). `header`:
// the eleven column names in the reader's language for a spreadsheet download from the web;
// empty: kForecastCsvColumns, the machine CSV's.
[[nodiscard]] std::string write_forecast_csv(const core::Forecast& forecast, const CsvDialect& dialect = kMachineCsv,
                                             const std::vector<std::string>& header = {});

// Aligned plain-text tables: the assumptions, the flows per role and in total, the area shares.
[[nodiscard]] std::string write_forecast_table(const core::Forecast& forecast);

}  // namespace trappa::io
