// The stacked bar, the population pyramid and the line chart: geometry and text.
#include <cmath>
#include <string>

#include <algorithm>

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

TEST(StackedBar, parts_are_as_wide_as_their_share_of_the_total) {
  const StackedBar chart = testing::sample_stacked_bar();
  const auto parsed = parse_xml(stacked_bar(chart));
  ASSERT_EQ(parsed.error, "");
  const auto parts = with_class(*parsed.root, "part");
  ASSERT_EQ(parts.size(), 4u);
  const double full = number(*parts.back(), "x") + number(*parts.back(), "width") - number(*parts[0], "x");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const double slot = (i + 1 < parts.size() ? number(*parts[i + 1], "x") : number(*parts[i], "x") + number(*parts[i], "width")) -
                        number(*parts[i], "x");
    EXPECT_NEAR(slot / full, chart.parts[i].value / 480.0, 1e-3) << i;
  }
}

TEST(StackedBar, share_text_on_a_part_contrasts_with_it_and_the_legend_gives_every_count) {
  const auto parsed = parse_xml(stacked_bar(testing::sample_stacked_bar()));
  ASSERT_EQ(parsed.error, "");
  for (const XmlElement* group : parsed.root->all_named("g")) {
    if (group->children.size() != 2 || group->children[0]->attribute("class") != "part") continue;
    const auto fill = *group->children[0]->attribute("fill");
    const auto text = *group->children[1]->attribute("fill");
    EXPECT_GE(*contrast_ratio(fill, text), 4.5) << fill;
  }
  std::vector<std::string> texts;
  for (const XmlElement* text : parsed.root->all_named("text")) texts.push_back(text->deep_text());
  for (const std::string expected : {"120 (25\u00a0%)", "200 (42\u00a0%)", "130 (27\u00a0%)", "30 (6\u00a0%)", "480"}) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), expected), texts.end()) << expected;
  }
}

TEST(StackedBar, an_all_zero_bar_is_drawn_empty_and_described_as_such) {
  StackedBar chart;
  chart.parts = {{"Ej påbörjad", 0}, {"Klar", 0}};
  const auto parsed = parse_xml(stacked_bar(chart));
  ASSERT_EQ(parsed.error, "");
  EXPECT_TRUE(with_class(*parsed.root, "part").empty());
  EXPECT_NE(parsed.root->children[1]->text.find("Stapel utan värden"), std::string::npos);
}

TEST(PopulationPyramid, women_grow_left_and_men_right_on_one_scale_with_the_oldest_on_top) {
  const Pyramid chart = testing::sample_pyramid();
  const auto parsed = parse_xml(population_pyramid(chart));
  ASSERT_EQ(parsed.error, "");
  const auto women = with_class(*parsed.root, "bar-women");
  const auto men = with_class(*parsed.root, "bar-men");
  ASSERT_EQ(women.size(), 5u);
  ASSERT_EQ(men.size(), 5u);
  const double per_person = number(*women[0], "width") / *chart.bands.back().women;  // top row: oldest
  for (std::size_t i = 0; i < 5; ++i) {
    const PyramidBand& band = chart.bands[4 - i];
    EXPECT_NEAR(number(*women[i], "width"), *band.women * per_person, 0.02);
    EXPECT_NEAR(number(*men[i], "width"), *band.men * per_person, 0.02);
    EXPECT_NEAR(number(*women[i], "x") + number(*women[i], "width"), number(*women[0], "x") + number(*women[0], "width"), 0.02);
    EXPECT_LT(number(*women[i], "x"), number(*men[i], "x"));
    EXPECT_EQ(women[i]->attribute("fill"), std::string(kWomenFill));
    EXPECT_EQ(men[i]->attribute("fill"), std::string(kMenFill));
    if (i > 0) {
      EXPECT_GT(number(*women[i], "y"), number(*women[i - 1], "y"));
    }
  }
}

TEST(PopulationPyramid, states_gender_x_in_words_without_drawing_it) {
  const auto parsed = parse_xml(population_pyramid(testing::sample_pyramid()));
  ASSERT_EQ(parsed.error, "");
  bool noted = false;
  for (const XmlElement* text : parsed.root->all_named("text")) {
    noted |= text->deep_text() == "Annat/ej angivet: 3 (visas inte i figuren, se tabellen)";
  }
  EXPECT_TRUE(noted);
}

// Issue 13: an observer's pyramid headed "Kvinnor 6 / Män 0" for a unit that is 75 % women,
// because the hidden cells were left out of the totals without a word.
TEST(PopulationPyramid, a_total_that_leaves_hidden_cells_out_says_it_counts_only_those_shown) {
  Pyramid chart = testing::sample_pyramid();
  chart.bands[0].women = std::nullopt;  // hidden: too few
  chart.bands[2].men = std::nullopt;
  const std::string svg = population_pyramid(chart);
  const auto parsed = parse_xml(svg);
  ASSERT_EQ(parsed.error, "");
  std::vector<std::string> texts;
  for (const XmlElement* text : parsed.root->all_named("text")) texts.push_back(text->deep_text());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "Kvinnor 514 (bara visade)"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "Män 305 (bara visade)"), texts.end());
  EXPECT_NE(svg.find("Summorna räknar bara de grupper som visas"), std::string::npos);
  // A complete pyramid keeps its plain headings.
  const std::string whole = population_pyramid(testing::sample_pyramid());
  EXPECT_NE(whole.find(">Kvinnor 612<"), std::string::npos);
  EXPECT_EQ(whole.find("bara visade"), std::string::npos);
}

TEST(LineChart, draws_one_line_per_series_with_a_marker_per_value_and_a_gap_for_a_missing_one) {
  LineChart chart = testing::sample_line_chart();
  chart.series[2].values[1] = std::nullopt;
  const auto parsed = parse_xml(line_chart(chart));
  ASSERT_EQ(parsed.error, "");
  const auto lines = with_class(*parsed.root, "series");
  ASSERT_EQ(lines.size(), 3u);
  const std::string first = *lines[0]->attribute("d");
  const std::string third = *lines[2]->attribute("d");
  EXPECT_EQ(std::count(first.begin(), first.end(), 'M'), 1) << first;
  EXPECT_EQ(std::count(third.begin(), third.end(), 'M'), 2) << third;
  EXPECT_EQ(with_class(*parsed.root, "point").size(), 8u);
  EXPECT_NE(parsed.root->children[1]->text.find("Män: 2023 385, 2024 ingen uppgift, 2025 406"), std::string::npos);
}

TEST(LineChart, higher_values_sit_higher_and_end_labels_carry_the_last_value) {
  const auto parsed = parse_xml(line_chart(testing::sample_line_chart()));
  ASSERT_EQ(parsed.error, "");
  const auto lines = with_class(*parsed.root, "series");
  ASSERT_EQ(lines.size(), 3u);
  const auto last_y = [](const XmlElement& path) {
    const std::string d = *path.attribute("d");
    return std::stod(d.substr(d.rfind(' ') + 1));
  };
  EXPECT_LT(last_y(*lines[0]), last_y(*lines[1]));  // 1 021 above 612
  EXPECT_LT(last_y(*lines[1]), last_y(*lines[2]));  // 612 above 406
  std::vector<std::string> texts;
  for (const XmlElement* text : parsed.root->all_named("text")) texts.push_back(text->deep_text());
  for (const std::string expected : {"Totalt 1\u00a0021", "Kvinnor 612", "Män 406", "2023", "2025"}) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), expected), texts.end()) << expected;
  }
}

TEST(LineChart, describes_decreases_and_unchanged_series) {
  LineChart chart;
  chart.periods = {"2023", "2024"};
  chart.series = {{"Visstid", {120, 95}}, {"Timavlönade", {40, 40}}};
  const auto parsed = parse_xml(line_chart(chart));
  ASSERT_EQ(parsed.error, "");
  const std::string desc = parsed.root->children[1]->text;
  EXPECT_NE(desc.find("minskning med 25 från 2023 till 2024"), std::string::npos) << desc;
  EXPECT_NE(desc.find("oförändrat från 2023 till 2024"), std::string::npos) << desc;
}

}  // namespace
}  // namespace trappa::report
