#include "report/analytics/gap_charts.hpp"

#include <gtest/gtest.h>

#include "report/charts/data_table.hpp"

namespace trappa::report {
namespace {

core::GapReport sample_report() {
  core::GapReport report;
  report.round = "2025";
  report.people = 480;
  report.assessed = 360;
  report.status_counts = std::array<std::size_t, core::kProgressStates>{120, 24, 176, 130, 30};
  core::AreaFigures communication;
  communication.code = "A";
  communication.name = "Digital kommunikation";
  communication.need_share = 0.29;
  communication.mean_level = 3.05;
  core::AreaFigures security;
  security.code = "B";
  security.name = "Informationssäkerhet";
  security.need_share = 0.42;
  security.mean_level = 2.4;
  report.areas = {communication, security};
  core::CompetencyFigures a1;
  a1.code = "A1";
  a1.name = "Kommunicera";
  core::CompetencyFigures b1;
  b1.code = "B1";
  b1.name = "Skydda data";
  report.competencies = {a1, b1};
  core::GroupFigures care{"U1", "Äldreomsorg", false, 40, 35, 0.3, {{"B1", 35, 0.5}, {"A1", 35, 0.2}}};
  core::GroupFigures small{"U2", "Stab", true, 3, 3, std::nullopt, {}};
  report.groups = {care, small};
  return report;
}

// The same selection a round earlier: what the comparison bars show.
core::GapReport earlier_report() {
  core::GapReport report = sample_report();
  report.round = "2024";
  report.areas[0].need_share = 0.31;
  report.areas[1].need_share = 0.35;
  report.areas[0].high_motivation_share = 0.5;
  report.competencies[1].need_share = 0.6;
  return report;
}

TEST(GapCharts, need_share_by_area_shows_the_earlier_round_as_comparison) {
  const core::GapReport earlier = earlier_report();
  GapChartOptions options;
  options.earlier = &earlier;
  options.summary = RoundSummary::kInclude;
  const BarChart chart = need_share_by_area(sample_report(), options);
  ASSERT_EQ(chart.bars.size(), 2u);
  EXPECT_EQ(chart.bars[0].label, "A Digital kommunikation");
  EXPECT_DOUBLE_EQ(*chart.bars[0].value, 0.29);
  EXPECT_DOUBLE_EQ(*chart.bars[0].comparison, 0.31);
  EXPECT_DOUBLE_EQ(*chart.bars[1].comparison, 0.35);
  EXPECT_EQ(chart.value_label, "2025");
  EXPECT_EQ(chart.comparison_label, "2024");
  EXPECT_EQ(chart.category_heading, "Område");
  EXPECT_EQ(chart.text.id, "behov");
  EXPECT_EQ(chart.text.title, "Andel skattningar under förväntad nivå per område");
  EXPECT_EQ(chart.text.summary, "Omgång 2025, överenskommen nivå.");
  EXPECT_NE(bar_chart(chart).find("A Digital kommunikation: 29\u00a0% (2024 31\u00a0%)"), std::string::npos);
}

TEST(GapCharts, without_an_earlier_round_there_is_no_comparison_and_no_summary_unless_asked) {
  const BarChart chart = need_share_by_area(sample_report(), {});
  EXPECT_TRUE(chart.comparison_label.empty());
  EXPECT_FALSE(chart.bars[0].comparison);
  EXPECT_TRUE(chart.text.summary.empty());
}

TEST(GapCharts, the_callers_id_and_title_are_kept) {
  const BarChart chart = need_share_by_area(sample_report(), {}, {"need", "Andel med behov", ""});
  EXPECT_EQ(chart.text.id, "need");
  EXPECT_EQ(chart.text.title, "Andel med behov");
}

TEST(GapCharts, mean_levels_use_the_framework_scale_and_the_expected_level) {
  const BarChart chart = mean_level_by_area(sample_report(), 5, 3.0, {});
  EXPECT_EQ(chart.axis_maximum, 5.0);
  ASSERT_TRUE(chart.reference);
  EXPECT_EQ(chart.reference->label, "Förväntad nivå");
  EXPECT_EQ(chart.format, NumberFormat::decimal(2));
  EXPECT_DOUBLE_EQ(*chart.bars[1].value, 2.4);
  EXPECT_EQ(chart.text.id, "niva");
  EXPECT_FALSE(mean_level_by_area(sample_report(), 4, std::nullopt, {}).reference);
}

TEST(GapCharts, motivation_and_competency_charts_compare_with_the_earlier_round_by_code) {
  const core::GapReport earlier = earlier_report();
  GapChartOptions options;
  options.earlier = &earlier;
  const BarChart motivation = high_motivation_by_area(sample_report(), options);
  EXPECT_EQ(motivation.text.id, "motivation");
  EXPECT_EQ(motivation.bars[0].comparison, 0.5);
  const BarChart competencies = need_share_by_competency(sample_report(), options);
  EXPECT_EQ(competencies.text.id, "delkompetenser");
  EXPECT_EQ(competencies.category_heading, "Delkompetens");
  ASSERT_EQ(competencies.bars.size(), 2u);
  EXPECT_EQ(competencies.bars[1].label, "B1 Skydda data");
  EXPECT_EQ(competencies.bars[1].comparison, 0.6);
}

TEST(GapCharts, a_suppressed_earlier_round_gives_no_comparison_values) {
  core::GapReport earlier = earlier_report();
  earlier.suppressed = true;
  GapChartOptions options;
  options.earlier = &earlier;
  for (const Bar& bar : need_share_by_area(sample_report(), options).bars) EXPECT_FALSE(bar.comparison);
}

// The status model's five states, in its words (core/assessment/assessment_progress.hpp).
TEST(GapCharts, participation_lists_the_five_states_of_the_status_model_in_order) {
  const StackedBar chart = participation_by_status(sample_report(), {});
  ASSERT_EQ(chart.parts.size(), 5u);
  EXPECT_EQ(chart.parts[0].label, "Ej påbörjad");
  EXPECT_EQ(chart.parts[1].label, "Utkast sparat");
  EXPECT_EQ(chart.parts[4].label, "Uppföljd");
  EXPECT_EQ(chart.parts[2].value, 176);
  EXPECT_EQ(data_table_csv(table_for(chart)),
            "Status,Antal,Andel (andel 0–1)\nEj påbörjad,120,0.25\nUtkast sparat,24,0.05\nSjälvskattad,176,0.37\n"
            "Samtal hållet,130,0.27\nUppföljd,30,0.06\nTotalt,480,1.00\n");
}

TEST(GapCharts, participation_in_english) {
  GapChartOptions options;
  options.language = i18n::Language::kEnglish;
  EXPECT_EQ(data_table_csv(table_for(participation_by_status(sample_report(), options))),
            "Status,Count,Share (share 0–1)\nNot started,120,0.25\nDraft saved,24,0.05\nSelf-assessed,176,0.37\n"
            "Conversation held,130,0.27\nFollowed up,30,0.06\nTotal,480,1.00\n");
}

TEST(GapCharts, the_group_heatmap_matches_competencies_by_code_and_blanks_suppressed_groups) {
  const Heatmap chart = need_share_by_group(sample_report(), {});
  EXPECT_EQ(chart.text.id, "karta");
  EXPECT_EQ(chart.row_heading, "Enhet");
  ASSERT_EQ(chart.columns.size(), 2u);
  EXPECT_EQ(chart.columns[1].name, "Skydda data");
  ASSERT_EQ(chart.rows.size(), 2u);
  EXPECT_EQ(chart.rows[0].values, (std::vector<std::optional<double>>{0.2, 0.5}));
  EXPECT_EQ(chart.rows[1].label, "Stab");
  EXPECT_EQ(chart.rows[1].values, (std::vector<std::optional<double>>{std::nullopt, std::nullopt}));
}

TEST(GapCharts, a_group_without_a_name_is_shown_by_its_key) {
  core::GapReport report = sample_report();
  report.groups[0].name.clear();
  EXPECT_EQ(need_share_by_group(report, {}).rows[0].label, "U1");
}

TEST(GapCharts, a_suppressed_report_reveals_no_figures) {
  core::GapReport report = sample_report();
  report.suppressed = true;
  GapChartOptions options;
  options.summary = RoundSummary::kInclude;
  const BarChart need = need_share_by_area(report, options);
  for (const Bar& bar : need.bars) EXPECT_FALSE(bar.value);
  for (const Bar& bar : need_share_by_competency(report, options).bars) EXPECT_FALSE(bar.value);
  EXPECT_TRUE(participation_by_status(report, options).parts.empty());
  for (const HeatmapRow& row : need_share_by_group(report, options).rows) {
    for (const auto& value : row.values) EXPECT_FALSE(value);
  }
  EXPECT_NE(need.text.summary.find("för liten"), std::string::npos);
}

}  // namespace
}  // namespace trappa::report
