// Issue 11: the report layer's own words used to be Swedish on English pages. Every chart,
// its table (HTML and CSV) and every gap chart builder is rendered here in English, with the
// caller's texts in English too and every label the chart can fill itself left empty, and
// the output must hold none of the Swedish words that leaked — nor any å, ä or ö at all.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/analytics/gap_charts.hpp"
#include "report/charts/charts.hpp"
#include "report/charts/data_table.hpp"
#include "xml_tree.hpp"

namespace trappa::report {
namespace {

constexpr i18n::Language kEnglish = i18n::Language::kEnglish;

// The Swedish words the charts, tables and gap charts used to add on their own.
const std::vector<std::string>& swedish_words() {
  static const std::vector<std::string> words{
      "Kvinnor", "kvinnor", "Män", "män", "Annat", "Totalt", "totalt", "Ingen uppgift", "ingen uppgift", "Andel", "andel",
      "Nivå", "nivå", "Värde", "Jämförelse", "jämförelse", "Kategori", "Grupp", "Ålder", "År", "Antal", "stapel",
      "Stapel", "Högst", "Lägst", "Referens", "Värmekarta", "celler", "saknar", "Kolumner", "Linjediagram", "perioder",
      "ökning", "minskning", "oförändrat", "procentenheter", "Befolkningspyramid", "Största", "visas inte", "delar",
      "streck", "Omgång", "överenskommen", "Ej påbörjad", "Utkast", "Självskattad", "Samtal", "Uppföljd", "Område", "Enhet",
      "Delkompetens", "Förväntad", "Medelnivå", "för liten", " och ", " med ", " till "};
  return words;
}

void expect_english(const std::string& output, const std::string& what) {
  for (const std::string& word : swedish_words()) {
    EXPECT_EQ(output.find(word), std::string::npos) << what << " holds the Swedish \"" << word << "\":\n" << output;
  }
  for (const char* letter : {"å", "ä", "ö", "Å", "Ä", "Ö"}) {
    EXPECT_EQ(output.find(letter), std::string::npos) << what << " holds \"" << letter << "\":\n" << output;
  }
}

// A chart drawn, its table as HTML and as CSV: everything a page or a download shows.
template <typename Chart>
void expect_english_everywhere(const Chart& chart, std::string (*draw)(const Chart&), const std::string& what) {
  expect_english(draw(chart), what + " (svg)");
  const DataTable table = table_for(chart);
  EXPECT_EQ(table.language, kEnglish) << what;
  expect_english(data_table_html(table), what + " (table)");
  expect_english(data_table_csv(table), what + " (csv)");
}

ChartText english_text(const char* id, const char* title) { return {id, title, "", kEnglish}; }

TEST(EnglishCharts, a_bar_chart_with_comparison_missing_values_and_a_reference_says_nothing_in_swedish) {
  BarChart chart;
  chart.text = english_text("areas", "Share with a need per area");
  chart.bars = {{"Communication", 0.29, 0.31}, {"Security", 0.42, std::nullopt}, {"Innovation", std::nullopt, 0.22}};
  chart.reference = ReferenceLine{0.3, ""};
  expect_english_everywhere(chart, &bar_chart, "bar chart with empty labels");
  EXPECT_NE(bar_chart(chart).find(">Comparison</text>"), std::string::npos);
  EXPECT_NE(bar_chart(chart).find("Values: Communication: 29\u00a0% (comparison 31\u00a0%)"), std::string::npos);
  EXPECT_NE(data_table_csv(table_for(chart)).find("Category,Value (share 0–1),Comparison (share 0–1)"), std::string::npos);

  BarChart many = chart;
  for (int i = 0; i < 20; ++i) many.bars.push_back({"Area " + std::to_string(i), 0.1, std::nullopt});
  EXPECT_NE(bar_chart(many).find("All values are in the table."), std::string::npos);
  expect_english_everywhere(many, &bar_chart, "bar chart with many bars");
}

TEST(EnglishCharts, a_stacked_bar_with_and_without_values_says_nothing_in_swedish) {
  StackedBar chart;
  chart.text = english_text("status", "Participation by status");
  chart.parts = {{"Not started", 120}, {"Self-assessed", 200}};
  expect_english_everywhere(chart, &stacked_bar, "stacked bar");
  EXPECT_NE(data_table_csv(table_for(chart)).find("Status,Count,Share (share 0–1)"), std::string::npos);
  EXPECT_NE(data_table_csv(table_for(chart)).find("\nTotal,320,1.00\n"), std::string::npos);
  StackedBar one = chart;
  one.parts.resize(1);
  expect_english_everywhere(one, &stacked_bar, "stacked bar of one part");
  StackedBar empty = chart;
  empty.parts.clear();
  expect_english_everywhere(empty, &stacked_bar, "empty stacked bar");
}

TEST(EnglishCharts, a_heatmap_with_missing_cells_says_nothing_in_swedish) {
  Heatmap chart;
  chart.text = english_text("map", "Share with a need per unit");
  chart.columns = {{"1.1", "Communicate"}, {"1.2", "Collaborate"}};
  chart.rows = {{"Care", {0.05, std::nullopt}}, {"Staff", {0.5, 0.2}}};
  expect_english_everywhere(chart, &heatmap, "heatmap");
  EXPECT_NE(heatmap(chart).find("No data (missing or too few answers)"), std::string::npos);
  EXPECT_NE(data_table_html(table_for(chart)).find("A dash (–) means no data"), std::string::npos);

  Heatmap large = chart;
  for (int i = 0; i < 30; ++i) large.rows.push_back({"Unit " + std::to_string(i), {0.1, 0.3}});
  expect_english_everywhere(large, &heatmap, "large heatmap");
}

TEST(EnglishCharts, a_population_pyramid_with_other_gender_says_nothing_in_swedish) {
  Pyramid chart;
  chart.text = english_text("age", "Age by gender");
  chart.bands = {{"–29", 98, 61, std::nullopt}, {"30–39", 143, 92, 2}, {"40–", std::nullopt, 54, 1}};
  expect_english_everywhere(chart, &population_pyramid, "pyramid");
  EXPECT_NE(data_table_csv(table_for(chart)).find("Age,Women,Men,Other/not stated,Total"), std::string::npos);
  EXPECT_NE(population_pyramid(chart).find("Largest group: women aged 30–39, 143."), std::string::npos);
}

TEST(EnglishCharts, line_charts_of_counts_and_shares_say_nothing_in_swedish) {
  LineChart chart;
  chart.text = english_text("headcount", "Headcount per year");
  chart.periods = {"2023", "2024", "2025"};
  chart.series = {{"All", {980, 1004, 1021}}, {"Permanent", {590, 590, std::nullopt}}, {"Temporary", {400, 380, 360}}};
  expect_english_everywhere(chart, &line_chart, "line chart");
  EXPECT_NE(line_chart(chart).find("All: 2023 980, 2024 1\u00a0004, 2025 1\u00a0021 (up by 41 from 2023 to 2025)."),
            std::string::npos);
  LineChart shares = chart;
  shares.format = NumberFormat::share();
  shares.series = {{"Turnover", {0.10, 0.12, 0.08}}};
  expect_english_everywhere(shares, &line_chart, "line chart of shares");
  EXPECT_NE(line_chart(shares).find("down by 2 percentage points"), std::string::npos);
}

core::GapReport english_report(const char* round) {
  core::GapReport report;
  report.round = round;
  report.status_counts = std::array<std::size_t, core::kProgressStates>{120, 24, 176, 130, 30};
  core::AreaFigures area;
  area.code = "A";
  area.name = "Communication";
  area.need_share = 0.29;
  area.mean_level = 3.05;
  area.high_motivation_share = 0.7;
  core::AreaFigures unnamed;
  unnamed.code = "B";
  report.areas = {area, unnamed};
  core::CompetencyFigures competency;
  competency.code = "A1";
  competency.name = "Communicate";
  competency.need_share = 0.2;
  report.competencies = {competency};
  report.groups = {{"U1", "Care", false, 40, 35, 0.3, {{"A1", 35, 0.2}}}, {"U2", "Staff", true, 3, 3, std::nullopt, {}}};
  return report;
}

TEST(EnglishCharts, every_gap_chart_builder_says_nothing_in_swedish) {
  const core::GapReport earlier = english_report("2024");
  for (const bool suppressed : {false, true}) {
    core::GapReport report = english_report("2025");
    report.suppressed = suppressed;
    GapChartOptions options;
    options.language = kEnglish;
    options.earlier = &earlier;
    options.summary = RoundSummary::kInclude;
    const std::string which = suppressed ? " (suppressed)" : "";
    expect_english_everywhere(participation_by_status(report, options), &stacked_bar, "participation" + which);
    expect_english_everywhere(need_share_by_area(report, options), &bar_chart, "need by area" + which);
    expect_english_everywhere(mean_level_by_area(report, 5, 3.0, options), &bar_chart, "mean level" + which);
    expect_english_everywhere(high_motivation_by_area(report, options), &bar_chart, "motivation" + which);
    expect_english_everywhere(need_share_by_competency(report, options), &bar_chart, "need by competency" + which);
    expect_english_everywhere(need_share_by_group(report, options), &heatmap, "need by group" + which);
  }
  GapChartOptions options;
  options.language = kEnglish;
  options.summary = RoundSummary::kInclude;
  const BarChart chart = mean_level_by_area(english_report("2025"), 5, 3.0, options);
  EXPECT_EQ(chart.text.title, "Mean level per area");
  EXPECT_EQ(chart.text.summary, "Round 2025, agreed level.");
  EXPECT_EQ(chart.reference->label, "Expected level");
  EXPECT_EQ(chart.category_heading, "Area");
}

// Issue 13: a Swedish framework's names on an English page are marked lang="sv" wherever a
// chart shows them — the drawn labels, tooltips, the description, the table.

// The text of `element` and its descendants, leaving out every element marked lang="sv".
std::string text_outside_swedish(const testing::XmlElement& element) {
  if (element.attribute("lang") == "sv") return {};
  std::string text = element.text;
  for (const auto& child : element.children) text += " " + text_outside_swedish(*child);
  return text;
}

std::size_t count_marked(const testing::XmlElement& root, const std::string& name) {
  std::size_t marked = 0;
  for (const testing::XmlElement* element : root.all()) {
    if (element->attribute("lang") == "sv" && element->deep_text().find(name) != std::string::npos) ++marked;
  }
  return marked;
}

// The chart and its table hold the Swedish names only inside elements marked lang="sv", and
// mark `name` in the drawing (label or tooltip), the description and the table.
template <typename Chart>
void expect_names_marked(const Chart& chart, std::string (*draw)(const Chart&), const std::string& name) {
  for (const std::string& markup : {draw(chart), data_table_html(table_for(chart))}) {
    const testing::XmlParse parsed = testing::parse_xml(markup);
    ASSERT_TRUE(parsed.root) << parsed.error << "\n" << markup;
    const std::string outside = text_outside_swedish(*parsed.root);
    for (const char* letter : {"å", "ä", "ö"}) {
      EXPECT_EQ(outside.find(letter), std::string::npos) << "unmarked Swedish in: " << outside;
    }
    EXPECT_GE(count_marked(*parsed.root, name), 1U) << markup;
  }
  const testing::XmlParse svg = testing::parse_xml(draw(chart));
  ASSERT_TRUE(svg.root);
  const auto descriptions = svg.root->all_named("desc");
  ASSERT_EQ(descriptions.size(), 1U);
  EXPECT_GE(count_marked(*descriptions.front(), name), 1U) << "the description does not mark " << name;
}

TEST(EnglishCharts, swedish_framework_names_are_marked_lang_sv_in_drawing_description_and_table) {
  ChartText text = english_text("areas", "Share with a need per area");
  text.names_language = "sv";
  BarChart bars;
  bars.text = text;
  bars.bars = {{"1 Digital säkerhet", 0.29, 0.31}, {"2 Kommunikation och samarbete", 0.12, std::nullopt}};
  bars.comparison_label = "2024";
  expect_names_marked(bars, &bar_chart, "Digital säkerhet");

  Heatmap map;
  map.text = text;
  map.columns = {{"1.1", "Lösenord och åtkomst"}, {"1.2", "Nätfiske"}};
  map.rows = {{"Unit A", {0.2, 0.4}}, {"Unit B", {std::nullopt, 0.1}}};
  expect_names_marked(map, &heatmap, "Nätfiske");

  LineChart lines;
  lines.text = text;
  lines.format = NumberFormat::share();
  lines.periods = {"2026", "2027"};
  lines.series = {{"1 Digital säkerhet", {0.5, 0.55}}, {"2 Källkritik", {0.4, std::nullopt}}};
  expect_names_marked(lines, &line_chart, "Källkritik");
}

TEST(EnglishCharts, names_in_the_charts_language_are_not_marked) {
  ChartText text = english_text("areas", "Share with a need per area");
  text.names_language = "en";
  BarChart bars;
  bars.text = text;
  bars.bars = {{"Security", 0.29, std::nullopt}, {"Communication", 0.12, std::nullopt}};
  EXPECT_EQ(bar_chart(bars).find("lang="), std::string::npos);
  EXPECT_EQ(data_table_html(table_for(bars)).find("lang="), std::string::npos);
}

TEST(EnglishCharts, gap_charts_take_the_frameworks_language_for_their_names) {
  GapChartOptions options;
  options.language = kEnglish;
  options.names_language = "sv";
  const BarChart chart = need_share_by_area(english_report("2025"), options);
  EXPECT_EQ(chart.text.names_language, "sv");
  EXPECT_NE(bar_chart(chart).find("<span lang=\"sv\">A Communication</span>"), std::string::npos) << bar_chart(chart);
}

}  // namespace
}  // namespace trappa::report
