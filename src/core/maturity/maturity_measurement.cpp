#include "core/maturity/maturity_measurement.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace trappa::core {

std::string maturity_measurement_id(const std::string& unit_code, Date date, const std::string& instrument) {
  return unit_code + "/" + to_iso(date) + "/" + instrument;
}

std::string maturity_measurement_id(const MaturityMeasurement& measurement) {
  return maturity_measurement_id(measurement.unit_code, measurement.date, measurement.instrument);
}

double change_between(double previous, double value) { return std::round((value - previous) * 100) / 100; }

std::vector<MaturityPoint> maturity_series(std::vector<MaturityMeasurement> measurements) {
  std::ranges::sort(measurements, [](const MaturityMeasurement& a, const MaturityMeasurement& b) {
    return std::tie(a.unit_code, a.instrument, a.date) < std::tie(b.unit_code, b.instrument, b.date);
  });
  std::vector<MaturityPoint> points;
  points.reserve(measurements.size());
  for (MaturityMeasurement& measurement : measurements) {
    std::optional<double> change;
    if (!points.empty()) {
      const MaturityMeasurement& previous = points.back().measurement;
      if (previous.unit_code == measurement.unit_code && previous.instrument == measurement.instrument) {
        change = change_between(previous.overall, measurement.overall);
      }
    }
    points.push_back({std::move(measurement), change});
  }
  return points;
}

}  // namespace trappa::core
