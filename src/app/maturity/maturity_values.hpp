// The values of maturity measurements and indicator series that plans bind to (issue 19:
// `maturity.overall` with parameter `measurement`, `series` with `name` and `period`), and the
// listings `trappa maturity` and `trappa indicators` print (docs/maturity.md).
//
// A measurement is identified as UNIT/DATE/INSTRUMENT, e.g. "KF/2025-03-31/DiMiOS" (the unit's
// code, the ISO date of the measurement, the instrument's name as imported). A series is
// identified by its name; a period is a year ("2024") or a date ("2024-03-31").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/maturity/indicator_series.hpp"
#include "core/maturity/maturity_measurement.hpp"
#include "store/store.hpp"

namespace trappa::app {

// The overall result (%) of the measurement `measurement_id`. kNotFound when there is none,
// kInvalidInput when the id is not UNIT/DATE/INSTRUMENT.
[[nodiscard]] core::Result<double> maturity_overall(store::Store& store, const std::string& measurement_id);

// The value of series `name` for `period`, or for its latest period when `period` is nullopt.
// kNotFound when there is no such series, or no value for that period (or none at all).
[[nodiscard]] core::Result<core::IndicatorValue> series_value(store::Store& store, const std::string& name,
                                                             const std::optional<std::string>& period = std::nullopt);

// Every measurement of `unit` (every unit when nullopt) as series with the change since the
// previous measurement (core::maturity_series). kNotFound for an unknown unit.
[[nodiscard]] core::Result<std::vector<core::MaturityPoint>> list_maturity(store::Store& store,
                                                                          const std::optional<std::string>& unit);

// Every series about `unit` (every series when nullopt), by name. kNotFound for an unknown unit.
[[nodiscard]] core::Result<std::vector<core::IndicatorSeries>> list_indicators(store::Store& store,
                                                                              const std::optional<std::string>& unit);

}  // namespace trappa::app
