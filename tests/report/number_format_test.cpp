#include "report/charts/number_format.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace trappa::report {
namespace {

const std::string kNbsp = "\u00a0";
const std::string kMinus = "\u2212";

struct Case {
  std::optional<double> value;
  NumberFormat format;
  std::string people;  // format_value
  std::string csv;     // csv_value
};

class NumberFormatCases : public ::testing::TestWithParam<Case> {};

TEST_P(NumberFormatCases, values_read_as_swedish_for_people_and_with_points_for_programs) {
  const Case& c = GetParam();
  EXPECT_EQ(format_value(c.value, c.format), c.people);
  EXPECT_EQ(csv_value(c.value, c.format), c.csv);
}

INSTANTIATE_TEST_SUITE_P(
    Table, NumberFormatCases,
    ::testing::Values(
        Case{0.2857, NumberFormat::share(), "29" + kNbsp + "%", "0.29"},
        Case{0.2857, NumberFormat::share(1), "28,6" + kNbsp + "%", "0.286"},
        Case{1.0, NumberFormat::share(), "100" + kNbsp + "%", "1.00"},
        Case{0.0, NumberFormat::share(), "0" + kNbsp + "%", "0.00"},
        Case{-0.05, NumberFormat::share(), kMinus + "5" + kNbsp + "%", "-0.05"},
        Case{-0.001, NumberFormat::share(), "0" + kNbsp + "%", "0.00"},
        Case{3.054, NumberFormat::decimal(), "3,05", "3.05"},
        Case{-3.054, NumberFormat::decimal(), kMinus + "3,05", "-3.05"},
        Case{-0.001, NumberFormat::decimal(), "0,00", "0.00"},
        Case{1021, NumberFormat::count(), "1" + kNbsp + "021", "1021"},
        Case{1234567.5, NumberFormat::count(1), "1" + kNbsp + "234" + kNbsp + "567,5", "1234567.5"},
        Case{-12345, NumberFormat::count(), kMinus + "12" + kNbsp + "345", "-12345"},
        Case{999, NumberFormat::count(), "999", "999"},
        Case{std::nullopt, NumberFormat::share(), "–", ""},
        Case{std::numeric_limits<double>::quiet_NaN(), NumberFormat::decimal(), "–", ""},
        Case{std::numeric_limits<double>::infinity(), NumberFormat::count(), "–", ""}));

TEST(SwedishNumber, never_prints_a_negative_zero) {
  EXPECT_EQ(swedish_number(-0.0), "0");
  EXPECT_EQ(swedish_number(-0.4), "0");
  EXPECT_EQ(swedish_number(-0.004, 2), "0,00");
}

TEST(SwedishNumber, groups_thousands_only_in_the_integer_part) {
  EXPECT_EQ(swedish_number(1000.125, 3), "1" + kNbsp + "000,125");
  EXPECT_EQ(swedish_number(100000), "100" + kNbsp + "000");
}

TEST(CsvValue, rounds_away_a_negative_zero_too) {
  EXPECT_EQ(csv_value(-0.0001, NumberFormat::decimal(2)), "0.00");
}

}  // namespace
}  // namespace trappa::report
