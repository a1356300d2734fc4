#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "report/charts/charts.hpp"
#include "report/charts/palette.hpp"
#include "sample_charts.hpp"
#include "xml_tree.hpp"

namespace trappa::report {
namespace {

using testing::parse_xml;
using testing::XmlElement;

std::vector<const XmlElement*> with_class(const XmlElement& root, const std::string& wanted) {
  std::vector<const XmlElement*> out;
  for (const XmlElement* element : root.all()) {
    if (element->attribute("class") == wanted) out.push_back(element);
  }
  return out;
}

double number(const XmlElement& element, const char* attribute) { return std::stod(*element.attribute(attribute)); }

struct ProportionCase {
  std::string name;
  std::vector<double> values;
  NumberFormat format;
  std::optional<double> axis_maximum;
};

class BarProportions : public ::testing::TestWithParam<ProportionCase> {};

TEST_P(BarProportions, bar_lengths_are_proportional_to_values_from_a_common_zero) {
  BarChart chart;
  chart.text = {"p", "Proportioner", ""};
  chart.format = GetParam().format;
  chart.axis_maximum = GetParam().axis_maximum;
  for (double value : GetParam().values) chart.bars.push_back({"x", value, std::nullopt});
  const auto parsed = parse_xml(bar_chart(chart));
  ASSERT_EQ(parsed.error, "");
  const auto bars = with_class(*parsed.root, "bar");
  ASSERT_EQ(bars.size(), GetParam().values.size());
  const double x0 = number(*bars[0], "x");
  const auto largest = std::max_element(GetParam().values.begin(), GetParam().values.end()) - GetParam().values.begin();
  const double scale = number(*bars[largest], "width") / GetParam().values[largest];
  for (std::size_t i = 0; i < bars.size(); ++i) {
    EXPECT_DOUBLE_EQ(number(*bars[i], "x"), x0);
    EXPECT_NEAR(number(*bars[i], "width"), GetParam().values[i] * scale, 0.02) << i;
    EXPECT_EQ(bars[i]->attribute("fill"), std::string(kBarFill));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, BarProportions,
    ::testing::Values(ProportionCase{"shares", {0.1, 0.25, 0.5, 0.99, 0.42}, NumberFormat::share(), std::nullopt},
                      ProportionCase{"levels", {1.0, 2.5, 3.05, 4.9}, NumberFormat::decimal(), 5.0},
                      ProportionCase{"counts", {12, 1021, 480, 3}, NumberFormat::count(), std::nullopt},
                      ProportionCase{"shares_above_one", {0.5, 1.3}, NumberFormat::share(), std::nullopt}),
    [](const auto& info) { return info.param.name; });

TEST(BarChart, draws_full_share_as_the_full_plot_width_ending_at_the_last_grid_line) {
  BarChart chart;
  chart.bars = {{"Alla", 1.0, std::nullopt}};
  const auto parsed = parse_xml(bar_chart(chart));
  ASSERT_EQ(parsed.error, "");
  const auto bars = with_class(*parsed.root, "bar");
  ASSERT_EQ(bars.size(), 1u);
  double rightmost_grid = 0;
  for (const XmlElement* line : parsed.root->all_named("line")) rightmost_grid = std::max(rightmost_grid, number(*line, "x1"));
  EXPECT_NEAR(number(*bars[0], "x") + number(*bars[0], "width"), rightmost_grid, 0.02);
}

// Issue 13: need shares of 0–13 % were drawn on a 0–100 % axis, as slivers. The axis ends at
// a round number above the largest value; the longest bar fills most of the plot.
TEST(BarChart, small_shares_get_an_axis_from_the_data_not_from_zero_to_a_hundred_percent) {
  BarChart chart;
  chart.bars = {{"1", 0.02, std::nullopt}, {"2", 0.13, 0.11}, {"3", 0.07, std::nullopt}};
  const auto parsed = parse_xml(bar_chart(chart));
  ASSERT_EQ(parsed.error, "");
  std::vector<std::string> texts;
  for (const XmlElement* text : parsed.root->all_named("text")) texts.push_back(text->deep_text());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "15\u00a0%"), texts.end());
  EXPECT_EQ(std::find(texts.begin(), texts.end(), "100\u00a0%"), texts.end());
  const auto bars = with_class(*parsed.root, "bar");
  ASSERT_EQ(bars.size(), 3u);
  double rightmost_grid = 0;
  for (const XmlElement* line : parsed.root->all_named("line")) rightmost_grid = std::max(rightmost_grid, number(*line, "x1"));
  const double plot = rightmost_grid - number(*bars[1], "x");
  EXPECT_NEAR(number(*bars[1], "width") / plot, 0.13 / 0.15, 0.01);
}

TEST(BarChart, comparison_bars_are_thinner_grey_and_proportional_on_the_same_scale) {
  const BarChart chart = testing::sample_bar_chart();
  const auto parsed = parse_xml(bar_chart(chart));
  ASSERT_EQ(parsed.error, "");
  const auto bars = with_class(*parsed.root, "bar");
  const auto comparisons = with_class(*parsed.root, "bar-comparison");
  ASSERT_EQ(bars.size(), 4u);          // "Innovation" has no current value
  ASSERT_EQ(comparisons.size(), 5u);
  const double scale = number(*bars[0], "width") / *chart.bars[0].value;
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    EXPECT_NEAR(number(*comparisons[i], "width"), *chart.bars[i].comparison * scale, 0.02);
    EXPECT_LT(number(*comparisons[i], "height"), number(*bars[0], "height"));
    EXPECT_EQ(comparisons[i]->attribute("fill"), std::string(kComparisonFill));
  }
}

TEST(BarChart, a_missing_value_draws_no_bar_and_says_no_data) {
  BarChart chart;
  chart.bars = {{"Har värde", 0.5, std::nullopt}, {"Undertryckt", std::nullopt, std::nullopt},
                {"Trasig", std::nan(""), std::nullopt}};
  const std::string svg = bar_chart(chart);
  const auto parsed = parse_xml(svg);
  ASSERT_EQ(parsed.error, "");
  EXPECT_EQ(with_class(*parsed.root, "bar").size(), 1u);
  int no_data_texts = 0;
  for (const XmlElement* text : parsed.root->all_named("text")) no_data_texts += text->deep_text() == "ingen uppgift";
  EXPECT_EQ(no_data_texts, 2);
  EXPECT_NE(parsed.root->children[1]->text.find("Undertryckt: ingen uppgift"), std::string::npos);
}

TEST(BarChart, the_reference_line_sits_at_its_value_with_a_label) {
  const BarChart chart = testing::sample_level_chart();
  const auto parsed = parse_xml(bar_chart(chart));
  ASSERT_EQ(parsed.error, "");
  const auto bars = with_class(*parsed.root, "bar");
  const auto reference = with_class(*parsed.root, "reference");
  ASSERT_EQ(reference.size(), 1u);
  const double x0 = number(*bars[0], "x");
  const double per_unit = number(*bars[0], "width") / 3.05;
  EXPECT_NEAR(number(*reference[0], "x1"), x0 + 3.0 * per_unit, 0.05);
  bool labelled = false;
  for (const XmlElement* text : parsed.root->all_named("text")) labelled |= text->deep_text() == "Förväntad nivå 3,00";
  EXPECT_TRUE(labelled);
}

TEST(BarChart, shows_each_value_in_swedish_format_beside_its_bar) {
  const auto parsed = parse_xml(bar_chart(testing::sample_level_chart()));
  ASSERT_EQ(parsed.error, "");
  std::vector<std::string> texts;
  for (const XmlElement* text : parsed.root->all_named("text")) texts.push_back(text->deep_text());
  for (const std::string expected : {"3,05", "2,40", "3,60", "0", "5"}) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), expected), texts.end()) << expected;
  }
}

TEST(BarChart, long_labels_are_cut_but_kept_whole_in_a_tooltip_and_the_description) {
  BarChart chart;
  const std::string name = "Avdelningen för digital utveckling, innovation och verksamhetsstöd i staden";
  chart.bars = {{name, 0.3, std::nullopt}};
  const auto parsed = parse_xml(bar_chart(chart));
  ASSERT_EQ(parsed.error, "");
  bool tooltip = false;
  for (const XmlElement* title : parsed.root->all_named("title")) tooltip |= title->text == name;
  EXPECT_TRUE(tooltip);
  EXPECT_NE(parsed.root->children[1]->text.find(name), std::string::npos);
}

}  // namespace
}  // namespace trappa::report
