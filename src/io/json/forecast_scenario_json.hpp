// The forecast scenario file, `{"format": "trappa-forecast-scenario", "version": 1, ...}`
// (docs/forecast.md, "Scenarios").
//
// The reader checks the file's shape: the format and version, the type and range of every
// field, unknown fields. Every problem is reported at once with its JSON path
// ("scenario.json: $.demand.bibliotekarie.growth: a number expected"). Whether the roles and
// competencies named exist is for core::compute_forecast, which reports the same kind of path.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/base/result.hpp"
#include "core/forecast/forecast_scenario.hpp"

namespace trappa::io {

inline constexpr std::string_view kForecastScenarioFormat = "trappa-forecast-scenario";
inline constexpr int kForecastScenarioVersion = 1;

[[nodiscard]] core::Result<core::ForecastScenario> parse_forecast_scenario(std::string_view text,
                                                                           const std::string& file_name);
[[nodiscard]] core::Result<core::ForecastScenario> read_forecast_scenario_file(const std::filesystem::path& path);

}  // namespace trappa::io
