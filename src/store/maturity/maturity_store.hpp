// Maturity measurements and indicator series (docs/maturity.md). The store keeps what it is
// given; io/imports checks files and app/maturity reads values for plans. Part of the Store
// (store/store.hpp); the same rules hold: not thread-safe, one per connection, driver errors
// returned as kStorage.
#pragma once

#include <cstddef>
#include <vector>

#include "core/base/result.hpp"
#include "core/maturity/indicator_series.hpp"
#include "core/maturity/maturity_measurement.hpp"
#include "store/store.hpp"

namespace trappa::store {

class MaturityStore {
 public:
  virtual ~MaturityStore() = default;

  // Every measurement, by unit, date and instrument.
  [[nodiscard]] virtual core::Result<std::vector<core::MaturityMeasurement>> load_measurements() = 0;

  // Writes each measurement in one transaction, replacing a stored one with the same unit,
  // date and instrument (its results and focus categories with it). Audited per measurement
  // ("maturity.import", subject UNIT/DATE/INSTRUMENT, "overall 43.2 %, 12 results" with
  // " (replaced)" when one was there) as done by `actor`. Returns how many were written.
  [[nodiscard]] virtual core::Result<std::size_t> save_measurements(
      const std::vector<core::MaturityMeasurement>& measurements, const Actor& actor) = 0;

  // Every series by name, its values by period.
  [[nodiscard]] virtual core::Result<std::vector<core::IndicatorSeries>> load_series() = 0;

  // Writes each series in one transaction: its unit of measure, direction and unit replace the
  // stored ones, and each of its values replaces the stored value of the same period (values of
  // other periods are kept). Audited per series ("indicator.import", subject the name, "N
  // values" with the periods). Returns how many values were written.
  [[nodiscard]] virtual core::Result<std::size_t> save_series(const std::vector<core::IndicatorSeries>& series,
                                                              const Actor& actor) = 0;
};

}  // namespace trappa::store
