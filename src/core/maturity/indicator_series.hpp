// Indicator series (docs/maturity.md, "Indicator series"): figures from other surveys — the
// staff survey's indices, applicants per post, cNPS, JÄMIX — held per period so that plans
// can bind to them and pages can chart them. A series describes a unit as a whole: there is
// no per-person place by design, and a series about a unit with fewer than K employees (the
// small-group threshold, core/disclosure) is refused. Pure values and functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trappa::core {

// The unit of measure; codes "index", "%", "count", "score".
enum class MeasureUnit { kIndex, kPercent, kCount, kScore };
[[nodiscard]] std::string_view to_code(MeasureUnit measure);
[[nodiscard]] std::optional<MeasureUnit> parse_measure_unit(std::string_view code);

// Which way is better; codes "higher", "lower".
enum class SeriesDirection { kHigherIsBetter, kLowerIsBetter };
[[nodiscard]] std::string_view to_code(SeriesDirection direction);
[[nodiscard]] std::optional<SeriesDirection> parse_series_direction(std::string_view code);

// A period is a year ("2024") or a date ("2024-03-31"). Periods sort as text: a year before
// the dates in it.
[[nodiscard]] bool is_series_period(std::string_view text);

struct IndicatorValue {
  std::string period{};
  double value = 0;
  std::optional<double> comparison{};  // e.g. the city's value for the same period
  std::string source{};

  bool operator==(const IndicatorValue&) const = default;
};

// A series, identified by its name (unique in the organisation).
struct IndicatorSeries {
  std::string name{};
  MeasureUnit measure = MeasureUnit::kIndex;
  SeriesDirection direction = SeriesDirection::kHigherIsBetter;
  std::string unit_code{};               // the unit of the organisation it describes
  std::vector<IndicatorValue> values{};  // by period, each period once

  bool operator==(const IndicatorSeries&) const = default;
};

// Why a series about a unit of `headcount` employees (its whole subtree) may not be held with
// threshold `min_group`, or nullopt when it may.
[[nodiscard]] std::optional<std::string> small_unit_refusal(std::string_view unit_code, std::size_t headcount,
                                                            std::size_t min_group);

// The value of `series` for `period`, or its latest when `period` is nullopt; nullptr when
// there is none.
[[nodiscard]] const IndicatorValue* series_value_at(const IndicatorSeries& series,
                                                    const std::optional<std::string>& period);

}  // namespace trappa::core
