// Properties every chart must have, checked for each kind on a realistic example and on
// one full of hostile names.
#include "report/charts/charts.hpp"

#include <functional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "report/charts/markup.hpp"
#include "sample_charts.hpp"
#include "xml_tree.hpp"

namespace trappa::report {
namespace {

using testing::parse_xml;
using testing::XmlElement;

const std::string kHostile = "<b>R&D \"Öst\"</b> & 'Väst' </svg><script>x</script>";

struct ChartCase {
  std::string name;
  std::string id;
  std::function<std::string()> render;
  std::function<std::string()> render_hostile;  // every caller-given text set to kHostile
  std::vector<std::string> described;           // phrases the description must contain
};

std::vector<ChartCase> chart_cases() {
  using namespace testing;
  return {
      {"bar_chart", "gap-areas", [] { return bar_chart(sample_bar_chart()); },
       [] {
         BarChart chart = sample_bar_chart();
         chart.text.title = chart.text.summary = kHostile;
         chart.value_label = chart.comparison_label = chart.category_heading = kHostile;
         for (Bar& bar : chart.bars) bar.label = kHostile;
         chart.reference = ReferenceLine{0.3, kHostile};
         return bar_chart(chart);
       },
       {"Omgång 2025, hela staden.", "Liggande stapeldiagram med 5 staplar", "Högst: Informationssäkerhet & dataskydd 42\u00a0%",
        "Lägst: Digitala verktyg 12\u00a0%", "Digital kommunikation: 29\u00a0% (2024 31\u00a0%)",
        "Data och analys: 36\u00a0%", "Innovation: ingen uppgift (2024 22\u00a0%)", "Tunnare grå staplar visar 2024"}},
      {"level_chart", "levels", [] { return bar_chart(sample_level_chart()); },
       [] {
         BarChart chart = sample_level_chart();
         chart.text.title = kHostile;
         chart.reference->label = kHostile;
         return bar_chart(chart);
       },
       {"Digital kommunikation: 3,05", "Digitala verktyg: 3,60", "Referenslinje Förväntad nivå: 3,00",
        "Lägst: Informationssäkerhet 2,40"}},
      {"stacked_bar", "participation", [] { return stacked_bar(sample_stacked_bar()); },
       [] {
         StackedBar chart = sample_stacked_bar();
         chart.text.title = chart.text.summary = kHostile;
         for (StackedPart& part : chart.parts) part.label = kHostile;
         return stacked_bar(chart);
       },
       {"En stapel uppdelad i 4 delar, totalt 480", "Ej påbörjad 120 (25\u00a0%)", "Självskattad 200 (42\u00a0%)",
        "Samtal genomfört 130 (27\u00a0%)", "Uppföljd 30 (6\u00a0%)"}},
      {"heatmap", "gap-units", [] { return heatmap(sample_heatmap()); },
       [] {
         Heatmap chart = sample_heatmap();
         chart.text.title = chart.missing_label = kHostile;
         for (HeatmapColumn& column : chart.columns) column.code = column.name = kHostile;
         for (HeatmapRow& row : chart.rows) row.label = kHostile;
         return heatmap(chart);
       },
       {"Värmekarta med 4 rader och 6 kolumner", "Högst: Stab, 3.1 Digitala verktyg: 100\u00a0%",
        "Lägst: Stab, 1.1 Kommunicera digitalt: 0\u00a0%", "3 celler saknar uppgift",
        "Individ- & familjeomsorg: 1.1 12\u00a0%, 1.2 ingen uppgift, 2.1 35\u00a0%"}},
      {"population_pyramid", "age", [] { return population_pyramid(sample_pyramid()); },
       [] {
         Pyramid chart = sample_pyramid();
         chart.text.title = chart.women_label = chart.men_label = chart.other_label = kHostile;
         for (PyramidBand& band : chart.bands) band.label = kHostile;
         return population_pyramid(chart);
       },
       {"Befolkningspyramid med 5 åldersgrupper, kvinnor till vänster och män till höger",
        "Totalt 1\u00a0024: 612 kvinnor och 409 män, samt 3 annat/ej angivet",
        "Största gruppen: kvinnor 40–49 år, 161", "30–39: kvinnor 143, män 92, annat/ej angivet 2"}},
      {"line_chart", "headcount", [] { return line_chart(sample_line_chart()); },
       [] {
         LineChart chart = sample_line_chart();
         chart.text.title = kHostile;
         chart.periods = {kHostile, "b", kHostile};
         for (LineSeries& series : chart.series) series.label = kHostile;
         return line_chart(chart);
       },
       {"Linjediagram med 3 serier över 3 perioder (2023, 2024, 2025)",
        "Totalt: 2023 980, 2024 1\u00a0004, 2025 1\u00a0021 (ökning med 41 från 2023 till 2025)",
        "Kvinnor: 2023 590, 2024 601, 2025 612"}},
  };
}

class EveryChart : public ::testing::TestWithParam<ChartCase> {};

std::string case_name(const ::testing::TestParamInfo<ChartCase>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(Kinds, EveryChart, ::testing::ValuesIn(chart_cases()), case_name);

TEST_P(EveryChart, is_well_formed_xml_with_an_svg_root) {
  const auto parsed = parse_xml(GetParam().render());
  ASSERT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.root->name, "svg");
  EXPECT_EQ(parsed.root->attribute("xmlns"), "http://www.w3.org/2000/svg");
}

TEST_P(EveryChart, is_an_image_labelled_by_its_own_title_and_description) {
  const std::string& id = GetParam().id;
  const auto parsed = parse_xml(GetParam().render());
  ASSERT_EQ(parsed.error, "");
  const XmlElement& svg = *parsed.root;
  EXPECT_EQ(svg.attribute("role"), "img");
  EXPECT_EQ(svg.attribute("aria-labelledby"), id + "-title " + id + "-desc");
  ASSERT_GE(svg.children.size(), 2u);
  EXPECT_EQ(svg.children[0]->name, "title");
  EXPECT_EQ(svg.children[0]->attribute("id"), id + "-title");
  EXPECT_FALSE(svg.children[0]->text.empty());
  EXPECT_EQ(svg.children[1]->name, "desc");
  EXPECT_EQ(svg.children[1]->attribute("id"), id + "-desc");
}

TEST_P(EveryChart, describes_the_main_figures_in_swedish_words) {
  const auto parsed = parse_xml(GetParam().render());
  ASSERT_EQ(parsed.error, "");
  const std::string desc = parsed.root->children.at(1)->text;
  for (const std::string& phrase : GetParam().described) {
    EXPECT_NE(desc.find(phrase), std::string::npos) << "missing \"" << phrase << "\" in:\n" << desc;
  }
}

TEST_P(EveryChart, has_no_style_attribute_anywhere) {
  const std::string svg = GetParam().render();
  EXPECT_EQ(svg.find("style="), std::string::npos);
  EXPECT_EQ(GetParam().render_hostile().find("style="), std::string::npos);
  const auto parsed = parse_xml(svg);
  ASSERT_EQ(parsed.error, "");
  for (const XmlElement* element : parsed.root->all()) {
    EXPECT_FALSE(element->attribute("style")) << element->name;
    EXPECT_NE(element->name, "style");
  }
}

TEST_P(EveryChart, scales_by_its_view_box_from_its_natural_size) {
  const auto parsed = parse_xml(GetParam().render());
  ASSERT_EQ(parsed.error, "");
  const XmlElement& svg = *parsed.root;
  ASSERT_TRUE(svg.attribute("viewBox"));
  EXPECT_EQ(*svg.attribute("viewBox"), "0 0 " + *svg.attribute("width") + " " + *svg.attribute("height"));
}

TEST_P(EveryChart, sets_all_text_at_a_readable_size) {
  const auto parsed = parse_xml(GetParam().render());
  ASSERT_EQ(parsed.error, "");
  for (const XmlElement* text : parsed.root->all_named("text")) {
    ASSERT_TRUE(text->attribute("font-size"));
    EXPECT_GE(std::stod(*text->attribute("font-size")), 12.0) << text->deep_text();
  }
}

TEST_P(EveryChart, uses_unique_ids_and_refers_only_to_its_own) {
  const std::string& id = GetParam().id;
  const auto parsed = parse_xml(GetParam().render());
  ASSERT_EQ(parsed.error, "");
  std::set<std::string> ids;
  for (const XmlElement* element : parsed.root->all()) {
    if (const auto value = element->attribute("id")) {
      EXPECT_TRUE(ids.insert(*value).second) << "duplicate id " << *value;
      EXPECT_TRUE(value->starts_with(id + "-")) << *value;
    }
  }
  for (const XmlElement* element : parsed.root->all()) {
    const auto fill = element->attribute("fill");
    if (fill && fill->starts_with("url(#")) {
      EXPECT_TRUE(ids.contains(fill->substr(5, fill->size() - 6))) << *fill;
    }
  }
}

TEST_P(EveryChart, escapes_hostile_names_so_they_stay_text) {
  const auto parsed = parse_xml(GetParam().render_hostile());
  ASSERT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.root->children.at(0)->text, kHostile);
  for (const XmlElement* element : parsed.root->all()) {
    EXPECT_NE(element->name, "b");
    EXPECT_NE(element->name, "script");
  }
  EXPECT_EQ(parsed.root->all_named("svg").size(), 1u);
}

TEST(ChartIds, a_prefix_with_spaces_and_quotes_still_gives_valid_matching_ids) {
  BarChart chart = testing::sample_bar_chart();
  chart.text.id = "omgång 2025\" onload=\"alert(1)";
  const auto parsed = parse_xml(bar_chart(chart));
  ASSERT_EQ(parsed.error, "");
  const std::string id = sanitize_id(chart.text.id);
  EXPECT_EQ(parsed.root->attribute("aria-labelledby"), id + "-title " + id + "-desc");
  EXPECT_FALSE(parsed.root->attribute("onload"));
}

TEST(EmptyCharts, still_render_valid_labelled_images) {
  for (const std::string& svg : {bar_chart({}), stacked_bar({}), heatmap({}), population_pyramid({}), line_chart({})}) {
    const auto parsed = parse_xml(svg);
    ASSERT_EQ(parsed.error, "") << svg;
    EXPECT_EQ(parsed.root->attribute("aria-labelledby"), "chart-title chart-desc");
  }
}

}  // namespace
}  // namespace trappa::report
