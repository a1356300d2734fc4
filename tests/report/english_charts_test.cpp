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

}  // namespace
}  // namespace trappa::report
