// Maturity measurements and indicator series (core/maturity): the series of measurements with
// the change since the previous one, the refusal of a series about a small unit, periods and
// the value of a series at a period or its latest.
#include <gtest/gtest.h>

#include "core/maturity/indicator_series.hpp"
#include "core/maturity/maturity_measurement.hpp"

namespace trappa::core {
namespace {

MaturityMeasurement measured(std::string unit, const char* date, std::string instrument, double overall) {
  MaturityMeasurement m;
  m.unit_code = std::move(unit);
  m.date = *parse_iso_date(date);
  m.instrument = std::move(instrument);
  m.overall = overall;
  return m;
}

TEST(MaturitySeries, change_since_previous_is_per_unit_and_instrument_in_date_order) {
  // Out of order on purpose; seed 001's 40 → 43.2 → 50.1, and another instrument beside it.
  const auto points = maturity_series({measured("KF", "2025-11-13", "DiMiOS", 50.1),
                                       measured("KF", "2022-11-15", "DiMiOS", 40.0),
                                       measured("KF", "2024-11-14", "DiMiOS", 43.2),
                                       measured("KF", "2024-06-01", "Egen", 61.0),
                                       measured("AB", "2025-01-01", "DiMiOS", 30.0)});
  ASSERT_EQ(points.size(), 5u);
  EXPECT_EQ(maturity_measurement_id(points[0].measurement), "AB/2025-01-01/DiMiOS");
  EXPECT_FALSE(points[0].change.has_value());
  EXPECT_EQ(maturity_measurement_id(points[1].measurement), "KF/2022-11-15/DiMiOS");
  EXPECT_FALSE(points[1].change.has_value());
  EXPECT_EQ(points[2].change, 3.2);
  EXPECT_EQ(points[3].change, 6.9);  // rounded: 50.1 − 43.2 is 6.900000000000006 in doubles
  EXPECT_EQ(points[4].measurement.instrument, "Egen");
  EXPECT_FALSE(points[4].change.has_value());  // another instrument starts its own series
}

TEST(MaturitySeries, a_falling_result_has_a_negative_change) {
  const auto points =
      maturity_series({measured("KF", "2024-11-14", "DiMiOS", 48.5), measured("KF", "2025-11-13", "DiMiOS", 42.0)});
  EXPECT_EQ(points[1].change, -6.5);
}

TEST(IndicatorSeries, small_unit_series_is_refused_below_the_threshold) {
  EXPECT_FALSE(small_unit_refusal("KF", 5, 5).has_value());
  const auto refused = small_unit_refusal("KF-X", 4, 5);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(*refused,
            "unit 'KF-X' has 4 employees, fewer than 5 (the small-group threshold): a series about it could describe "
            "single people and is refused");
  EXPECT_TRUE(small_unit_refusal("KF-X", 0, 3).has_value());
}

TEST(IndicatorSeries, periods_are_years_or_dates) {
  EXPECT_TRUE(is_series_period("2024"));
  EXPECT_TRUE(is_series_period("2024-03-31"));
  EXPECT_FALSE(is_series_period("24"));
  EXPECT_FALSE(is_series_period("2024-02-30"));
  EXPECT_FALSE(is_series_period("2024-Q1"));
  EXPECT_FALSE(is_series_period(""));
}

TEST(IndicatorSeries, codes_round_trip) {
  for (MeasureUnit measure : {MeasureUnit::kIndex, MeasureUnit::kPercent, MeasureUnit::kCount, MeasureUnit::kScore}) {
    EXPECT_EQ(parse_measure_unit(to_code(measure)), measure);
  }
  EXPECT_EQ(to_code(MeasureUnit::kPercent), "%");
  EXPECT_FALSE(parse_measure_unit("percent").has_value());
  EXPECT_EQ(parse_series_direction("lower"), SeriesDirection::kLowerIsBetter);
  EXPECT_FALSE(parse_series_direction("up").has_value());
}

TEST(IndicatorSeries, value_at_a_period_or_the_latest) {
  IndicatorSeries series;
  series.values = {{"2023", 79, 79, ""}, {"2025", 79, std::nullopt, ""}, {"2024", 78, 79, ""}};
  EXPECT_EQ(series_value_at(series, std::nullopt)->period, "2025");
  EXPECT_EQ(series_value_at(series, std::string("2024"))->value, 78);
  EXPECT_EQ(series_value_at(series, std::string("2022")), nullptr);
  EXPECT_EQ(series_value_at(IndicatorSeries{}, std::nullopt), nullptr);
}

}  // namespace
}  // namespace trappa::core
