#include "core/maturity/indicator_series.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/base/date.hpp"

namespace trappa::core {

std::string_view to_code(MeasureUnit measure) {
  switch (measure) {
    case MeasureUnit::kIndex: return "index";
    case MeasureUnit::kPercent: return "%";
    case MeasureUnit::kCount: return "count";
    case MeasureUnit::kScore: return "score";
  }
  return "index";
}

std::optional<MeasureUnit> parse_measure_unit(std::string_view code) {
  for (MeasureUnit measure : {MeasureUnit::kIndex, MeasureUnit::kPercent, MeasureUnit::kCount, MeasureUnit::kScore}) {
    if (to_code(measure) == code) return measure;
  }
  return std::nullopt;
}

std::string_view to_code(SeriesDirection direction) {
  return direction == SeriesDirection::kLowerIsBetter ? "lower" : "higher";
}

std::optional<SeriesDirection> parse_series_direction(std::string_view code) {
  if (code == "higher") return SeriesDirection::kHigherIsBetter;
  if (code == "lower") return SeriesDirection::kLowerIsBetter;
  return std::nullopt;
}

bool is_series_period(std::string_view text) {
  if (text.size() == 4) return std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
  return parse_iso_date(text).has_value();
}

std::optional<std::string> small_unit_refusal(std::string_view unit_code, std::size_t headcount,
                                              std::size_t min_group) {
  if (headcount >= min_group) return std::nullopt;
  return fmt::format("unit '{}' has {} employees, fewer than {} (the small-group threshold): a series about it "
                     "could describe single people and is refused",
                     unit_code, headcount, min_group);
}

const IndicatorValue* series_value_at(const IndicatorSeries& series, const std::optional<std::string>& period) {
  const IndicatorValue* found = nullptr;
  for (const IndicatorValue& value : series.values) {
    if (period ? value.period == *period : (found == nullptr || value.period > found->period)) found = &value;
  }
  return found;
}

}  // namespace trappa::core
