#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "report/charts/charts.hpp"
#include "report/charts/palette.hpp"
#include "sample_charts.hpp"
#include "xml_tree.hpp"

namespace trappa::report {
namespace {

using testing::parse_xml;
using testing::XmlElement;

double luminance(std::string_view hex) {
  double channels[3];
  for (int i = 0; i < 3; ++i) {
    const double c = std::stoi(std::string(hex.substr(1 + 2 * i, 2)), nullptr, 16) / 255.0;
    channels[i] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

double contrast(std::string_view a, std::string_view b) {
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Each cell is a <g> holding a <title>, the <rect class="cell…"> and its <text>.
struct Cell {
  const XmlElement* rect;
  const XmlElement* text;
  std::string tooltip;
};

std::vector<Cell> cells_of(const XmlElement& root) {
  std::vector<Cell> cells;
  for (const XmlElement* group : root.all_named("g")) {
    Cell cell{nullptr, nullptr, {}};
    for (const auto& child : group->children) {
      if (child->name == "rect" && child->attribute("class").value_or("").starts_with("cell")) cell.rect = child.get();
      if (child->name == "text") cell.text = child.get();
      if (child->name == "title") cell.tooltip = child->text;
    }
    if (cell.rect && cell.text) cells.push_back(cell);
  }
  return cells;
}

TEST(Heatmap, draws_one_cell_per_row_and_column_in_reading_order) {
  const Heatmap chart = testing::sample_heatmap();
  const auto parsed = parse_xml(heatmap(chart));
  ASSERT_EQ(parsed.error, "");
  const auto cells = cells_of(*parsed.root);
  ASSERT_EQ(cells.size(), chart.rows.size() * chart.columns.size());
  EXPECT_EQ(cells[0].tooltip, "Äldreomsorg, 1.1 Kommunicera digitalt: 5\u00a0%");
  EXPECT_EQ(cells[0].text->deep_text(), "5\u00a0%");
  EXPECT_EQ(cells.back().text->deep_text(), "79\u00a0%");
}

TEST(Heatmap, null_cells_are_hatched_and_show_a_dash) {
  const Heatmap chart = testing::sample_heatmap();
  const auto parsed = parse_xml(heatmap(chart));
  ASSERT_EQ(parsed.error, "");
  std::size_t index = 0;
  std::size_t no_data = 0;
  for (const Cell& cell : cells_of(*parsed.root)) {
    const HeatmapRow& row = chart.rows[index / chart.columns.size()];
    const bool missing = !row.values[index % chart.columns.size()].has_value();
    ++index;
    EXPECT_EQ(cell.rect->attribute("fill") == "url(#gap-units-nodata)", missing) << cell.tooltip;
    EXPECT_EQ(cell.rect->attribute("class") == "cell no-data", missing) << cell.tooltip;
    EXPECT_EQ(cell.text->deep_text() == "–", missing) << cell.tooltip;
    if (missing) {
      ++no_data;
      EXPECT_TRUE(cell.tooltip.ends_with("ingen uppgift")) << cell.tooltip;
    }
  }
  EXPECT_EQ(no_data, 3u);
  ASSERT_EQ(parsed.root->all_named("pattern").size(), 1u);
  EXPECT_EQ(parsed.root->all_named("pattern")[0]->attribute("id"), "gap-units-nodata");
}

TEST(Heatmap, short_rows_are_padded_with_no_data) {
  Heatmap chart;
  chart.text.id = "h";
  chart.columns = {{"A", ""}, {"B", ""}, {"C", ""}};
  chart.rows = {{"Kort rad", {0.5}}};
  const auto parsed = parse_xml(heatmap(chart));
  ASSERT_EQ(parsed.error, "");
  const auto cells = cells_of(*parsed.root);
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(cells[1].text->deep_text(), "–");
  EXPECT_EQ(cells[2].text->deep_text(), "–");
}

TEST(Heatmap, every_cell_text_contrasts_at_least_4_5_to_1_with_its_fill) {
  Heatmap chart;
  chart.text.id = "all";
  chart.columns.resize(101);
  HeatmapRow row{"Alla andelar", {}};
  for (int percent = 0; percent <= 100; ++percent) row.values.push_back(percent / 100.0);
  row.values.back() = std::nullopt;
  chart.rows = {row};
  const auto parsed = parse_xml(heatmap(chart));
  ASSERT_EQ(parsed.error, "");
  const auto cells = cells_of(*parsed.root);
  ASSERT_EQ(cells.size(), 101u);
  for (const Cell& cell : cells) {
    const std::string fill = *cell.rect->attribute("fill");
    const std::string text = *cell.text->attribute("fill");
    if (fill.starts_with("url(")) {
      EXPECT_GE(contrast(text, kNoDataFill), 4.5);
      EXPECT_GE(contrast(text, kNoDataHatch), 4.5);
    } else {
      EXPECT_GE(contrast(text, fill), 4.5) << cell.tooltip << " " << fill << " " << text;
    }
  }
}

TEST(Heatmap, colours_follow_the_scale_bins_of_the_shown_value) {
  Heatmap chart;
  chart.columns = {{"a", ""}, {"b", ""}, {"c", ""}};
  chart.rows = {{"r", {0.1, 0.5, 0.9}}};
  const auto parsed = parse_xml(heatmap(chart));
  ASSERT_EQ(parsed.error, "");
  const auto cells = cells_of(*parsed.root);
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(cells[0].rect->attribute("fill"), std::string(heatmap_scale()[0].fill));
  EXPECT_EQ(cells[1].rect->attribute("fill"), std::string(heatmap_scale()[2].fill));
  EXPECT_EQ(cells[2].rect->attribute("fill"), std::string(heatmap_scale()[4].fill));
}

// Issue 13: the need shares of a unit's children are 0–13 %; on a 0–100 % scale every cell
// had the lightest fill. The scale is chosen from the data.
TEST(Heatmap, small_shares_spread_over_the_fills_of_a_scale_chosen_from_the_data) {
  Heatmap chart;
  chart.columns = {{"a", ""}, {"b", ""}, {"c", ""}, {"d", ""}, {"e", ""}};
  chart.rows = {{"r", {0.0, 0.035, 0.07, 0.10, 0.13}}};
  const auto parsed = parse_xml(heatmap(chart));
  ASSERT_EQ(parsed.error, "");
  const auto cells = cells_of(*parsed.root);
  ASSERT_EQ(cells.size(), 5u);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    EXPECT_EQ(cells[i].rect->attribute("fill"), std::string(heatmap_scale()[i].fill)) << i;
  }
  std::vector<std::string> texts;
  for (const XmlElement* text : parsed.root->all_named("text")) texts.push_back(text->deep_text());
  for (const char* label : {"0–2\u00a0%", "3–5\u00a0%", "6–8\u00a0%", "9–11\u00a0%", "12–15\u00a0%"}) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), label), texts.end()) << label;
  }
}

TEST(HeatmapScale, the_top_is_the_first_round_percentage_at_or_above_the_largest_share) {
  EXPECT_EQ(heatmap_scale_for(0.13).top_percent, 15);
  EXPECT_EQ(heatmap_scale_for(0.13).step_percent, 3);
  EXPECT_EQ(heatmap_scale_for(0.0).top_percent, 5);
  EXPECT_EQ(heatmap_scale_for(0.5).top_percent, 50);
  EXPECT_EQ(heatmap_scale_for(0.504).top_percent, 50);  // 50 % as shown
  EXPECT_EQ(heatmap_scale_for(0.81).top_percent, 100);
  EXPECT_EQ(heatmap_scale_for(1.7).top_percent, 100);
  const HeatmapScale scale = heatmap_scale_for(0.13);
  EXPECT_EQ(scale.bin(0.024), 0u);
  EXPECT_EQ(scale.bin(0.025), 1u);  // shown as 3 %
  EXPECT_EQ(scale.bin(0.15), 4u);
  EXPECT_EQ(scale.bin(0.9), 4u);
  EXPECT_EQ(heatmap_scale_for(1.0).labels.back(), "80–100\u00a0%");
}

TEST(Heatmap, legend_names_every_bin_and_the_no_data_swatch) {
  const auto parsed = parse_xml(heatmap(testing::sample_heatmap()));
  ASSERT_EQ(parsed.error, "");
  std::vector<std::string> texts;
  for (const XmlElement* text : parsed.root->all_named("text")) texts.push_back(text->deep_text());
  for (const ScaleBin& bin : heatmap_scale()) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), std::string(bin.label)), texts.end()) << bin.label;
  }
  EXPECT_NE(std::find(texts.begin(), texts.end(), "Ingen uppgift (saknas eller för få svar)"), texts.end());
}

TEST(Heatmap, long_column_codes_are_turned_to_fit) {
  Heatmap chart;
  chart.columns = {{"Kommunikation", ""}, {"Säkerhet", ""}};
  chart.rows = {{"r", {0.1, 0.2}}};
  const auto parsed = parse_xml(heatmap(chart));
  ASSERT_EQ(parsed.error, "");
  int rotated = 0;
  for (const XmlElement* text : parsed.root->all_named("text")) {
    rotated += text->attribute("transform").value_or("").starts_with("rotate(-45");
  }
  EXPECT_EQ(rotated, 2);
}

}  // namespace
}  // namespace trappa::report
