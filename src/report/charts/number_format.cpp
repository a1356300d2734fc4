#include "report/charts/number_format.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "io/exports/gap_report_output.hpp"

namespace trappa::report {

namespace {

int clamp_decimals(int decimals) { return std::clamp(decimals, 0, 6); }

// Values that print as zero lose their sign, so nobody reads "−0".
double without_negative_zero(double value, int decimals) {
  const double half_unit = 0.5 * std::pow(10.0, -decimals);
  return std::abs(value) < half_unit ? 0.0 : value;
}

}  // namespace

std::string swedish_number(double value, int decimals) {
  if (!std::isfinite(value)) return kMissingValue;
  decimals = clamp_decimals(decimals);
  // io::swedish_decimal gives the decimal comma and the minus sign; grouping is added here.
  std::string text = io::swedish_decimal(without_negative_zero(value, decimals), decimals);
  const std::string minus = "\u2212";
  std::string sign;
  if (text.starts_with(minus)) {
    sign = minus;
    text.erase(0, minus.size());
  }
  std::size_t integer_end = text.find(',');
  if (integer_end == std::string::npos) integer_end = text.size();
  std::string grouped;
  for (std::size_t i = 0; i < integer_end; ++i) {
    if (i > 0 && (integer_end - i) % 3 == 0) grouped += "\u00a0";
    grouped += text[i];
  }
  return sign + grouped + text.substr(integer_end);
}

std::string format_value(const std::optional<double>& value, const NumberFormat& format) {
  if (!value || !std::isfinite(*value)) return kMissingValue;
  switch (format.kind) {
    case ValueKind::kShare:
      return swedish_number(*value * 100.0, format.decimals) + "\u00a0%";
    case ValueKind::kDecimal:
    case ValueKind::kCount:
      return swedish_number(*value, format.decimals);
  }
  return kMissingValue;
}

std::string csv_value(const std::optional<double>& value, const NumberFormat& format) {
  if (!value || !std::isfinite(*value)) return "";
  int decimals = clamp_decimals(format.decimals);
  if (format.kind == ValueKind::kShare) decimals += 2;
  return fmt::format("{:.{}f}", without_negative_zero(*value, decimals), decimals);
}

}  // namespace trappa::report
