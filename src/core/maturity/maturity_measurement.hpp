// Imported maturity measurements (DiMiOS and the like, docs/maturity.md): what a measurement
// holds and the series of a unit's measurements with the change since the previous one.
// Trappa keeps an instrument's results, never its items. Pure values and functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/date.hpp"

namespace trappa::core {

// One result of a measurement below the overall one: a dimension's (category empty), a
// category's within a dimension, or a category's outside any dimension (dimension empty).
// Values and benchmarks are percentages, 0–100.
struct MaturityResult {
  std::string dimension{};  // "digital förmåga", "digitalt arv", … or empty
  std::string category{};   // empty for a dimension's own result
  double value = 0;
  std::optional<double> benchmark{};  // the national or sector average, when given

  bool operator==(const MaturityResult&) const = default;
};

// A measurement of one unit on one date with one instrument. Identified by
// "UNIT/DATE/INSTRUMENT" (maturity_measurement_id), e.g. "KF/2025-03-31/DiMiOS".
struct MaturityMeasurement {
  std::string unit_code{};
  Date date{};
  std::string instrument{};
  double overall = 0;                       // the overall result, %
  std::optional<double> overall_benchmark{};
  std::vector<MaturityResult> results{};    // dimensions and categories, in file order
  std::string organisation_type{};          // as the instrument assigned it; empty when not given
  std::optional<int> respondents{};
  std::vector<std::string> focus_categories{};  // chosen after the measurement, in file order

  bool operator==(const MaturityMeasurement&) const = default;
};

// "UNIT/DATE/INSTRUMENT", the identifier plans and commands use for a measurement.
[[nodiscard]] std::string maturity_measurement_id(const MaturityMeasurement& measurement);
[[nodiscard]] std::string maturity_measurement_id(const std::string& unit_code, Date date,
                                                  const std::string& instrument);

// One point of a maturity series: a measurement and its overall result's change since the
// previous measurement of the same unit with the same instrument (nullopt for the first), in
// percentage points rounded to two decimals.
struct MaturityPoint {
  MaturityMeasurement measurement{};
  std::optional<double> change{};
};

// The measurements as series: grouped by unit and instrument (in that order, by code and
// name), each group by date.
[[nodiscard]] std::vector<MaturityPoint> maturity_series(std::vector<MaturityMeasurement> measurements);

// `value − previous` rounded to two decimals (43.2 → 50.1 is 6.9, not 6.900000000000006).
[[nodiscard]] double change_between(double previous, double value);

}  // namespace trappa::core
