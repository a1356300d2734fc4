// Numbers as people in Sweden read them, and as programs read them.
//
// For people (charts, tables, descriptions): a share 0.2857 is "29 %" with a non-breaking
// space before the sign, a decimal is "3,05", a count is "1 021" with a non-breaking space
// between thousands, and a negative number starts with the minus sign "−" (U+2212), never
// a hyphen. A missing value is "–" (en dash). These build on io::swedish_decimal, so the
// report and the io writers agree on every digit.
//
// For programs (CSV): '.' decimals, no grouping, '-' for negatives, a share stays a
// fraction (0.2857), a missing value is the empty string.
//
// All functions are pure and thread-safe. Non-finite values (NaN, ±∞) count as missing.
#pragma once

#include <optional>
#include <string>

namespace trappa::report {

enum class ValueKind {
  kShare,    // a fraction 0–1 shown as a percentage: 0.29 → "29 %"
  kDecimal,  // a measure such as a mean level: 3.054 → "3,05"
  kCount,    // a number of people, hours, FTE: 1021 → "1 021"
};

struct NumberFormat {
  ValueKind kind = ValueKind::kShare;
  int decimals = 0;  // digits after the decimal comma (of the percentage, for shares); 0–6

  [[nodiscard]] static NumberFormat share(int decimals = 0) { return {ValueKind::kShare, decimals}; }
  [[nodiscard]] static NumberFormat decimal(int decimals = 2) { return {ValueKind::kDecimal, decimals}; }
  [[nodiscard]] static NumberFormat count(int decimals = 0) { return {ValueKind::kCount, decimals}; }
  bool operator==(const NumberFormat&) const = default;
};

inline constexpr const char* kMissingValue = "–";  // U+2013, shown for a missing value

// "1 021,50", "−3,05", "0": thousands grouped with U+00A0, decimal comma, U+2212 minus.
// A value that rounds to zero is "0", never "−0".
[[nodiscard]] std::string swedish_number(double value, int decimals = 0);

// The value as the format says, for people; kMissingValue when absent or not finite.
[[nodiscard]] std::string format_value(const std::optional<double>& value, const NumberFormat& format);

// The value for a CSV file: '.' decimals, no grouping; shares as fractions with
// decimals + 2 digits (29 % → "0.29"); "" when absent or not finite.
[[nodiscard]] std::string csv_value(const std::optional<double>& value, const NumberFormat& format);

}  // namespace trappa::report
