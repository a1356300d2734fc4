#include "app/maturity/maturity_values.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/base/date.hpp"
#include "store/maturity/maturity_store.hpp"
#include "store/org/organisation_store.hpp"

namespace trappa::app {

namespace {

core::Result<void> check_unit(store::Store& store, const std::optional<std::string>& unit) {
  if (!unit) return {};
  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  if (std::ranges::none_of(units, [&](const core::Unit& known) { return known.code == *unit; })) {
    return core::fail(core::ErrorKind::kNotFound, fmt::format("no unit with code '{}'", *unit));
  }
  return {};
}

}  // namespace

core::Result<double> maturity_overall(store::Store& store, const std::string& measurement_id) {
  // UNIT/DATE/INSTRUMENT: the unit code and the instrument may not hold the date's place, so
  // the first '/' ends the unit and the date is the next ten characters.
  const std::size_t slash = measurement_id.find('/');
  const bool well_formed = slash != std::string::npos && slash > 0 && measurement_id.size() > slash + 12 &&
                           measurement_id[slash + 11] == '/' &&
                           core::parse_iso_date(std::string_view(measurement_id).substr(slash + 1, 10));
  if (!well_formed) {
    return core::invalid("bad measurement", {{"measurement", fmt::format("'{}' is not UNIT/DATE/INSTRUMENT "
                                                                         "(e.g. KF/2025-03-31/DiMiOS)",
                                                                         measurement_id)}});
  }
  ASSIGN_OR_RETURN(auto measurements, store.maturity().load_measurements());
  for (const core::MaturityMeasurement& measurement : measurements) {
    if (core::maturity_measurement_id(measurement) == measurement_id) return measurement.overall;
  }
  return core::fail(core::ErrorKind::kNotFound, fmt::format("no maturity measurement '{}'", measurement_id));
}

core::Result<core::IndicatorValue> series_value(store::Store& store, const std::string& name,
                                                const std::optional<std::string>& period) {
  ASSIGN_OR_RETURN(auto series, store.maturity().load_series());
  const auto found = std::ranges::find(series, name, &core::IndicatorSeries::name);
  if (found == series.end()) return core::fail(core::ErrorKind::kNotFound, fmt::format("no indicator series '{}'", name));
  if (const core::IndicatorValue* value = core::series_value_at(*found, period)) return *value;
  return core::fail(core::ErrorKind::kNotFound,
                    period ? fmt::format("the series '{}' has no value for period {}", name, *period)
                           : fmt::format("the series '{}' has no values", name));
}

core::Result<std::vector<core::MaturityPoint>> list_maturity(store::Store& store,
                                                             const std::optional<std::string>& unit) {
  TRY(check_unit(store, unit));
  ASSIGN_OR_RETURN(auto measurements, store.maturity().load_measurements());
  if (unit) std::erase_if(measurements, [&](const core::MaturityMeasurement& m) { return m.unit_code != *unit; });
  return core::maturity_series(std::move(measurements));
}

core::Result<std::vector<core::IndicatorSeries>> list_indicators(store::Store& store,
                                                                const std::optional<std::string>& unit) {
  TRY(check_unit(store, unit));
  ASSIGN_OR_RETURN(auto series, store.maturity().load_series());
  if (unit) std::erase_if(series, [&](const core::IndicatorSeries& one) { return one.unit_code != *unit; });
  return series;
}

}  // namespace trappa::app
