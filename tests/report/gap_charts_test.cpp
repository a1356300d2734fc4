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
  report.status_counts = std::array<std::size_t, 4>{120, 200, 130, 30};
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

TEST(GapCharts, need_share_by_area_shows_the_earlier_round_as_comparison) {
  core::GapComparison comparison;
  comparison.round = "2024";
  comparison.areas = {{"A", -2.0, std::nullopt, std::nullopt}, {"B", 7.0, std::nullopt, std::nullopt}};
  const BarChart chart = need_share_by_area(sample_report(), comparison, {"need", "Andel med behov", ""});
  ASSERT_EQ(chart.bars.size(), 2u);
  EXPECT_EQ(chart.bars[0].label, "Digital kommunikation");
  EXPECT_DOUBLE_EQ(*chart.bars[0].value, 0.29);
  EXPECT_NEAR(*chart.bars[0].comparison, 0.31, 1e-12);
  EXPECT_NEAR(*chart.bars[1].comparison, 0.35, 1e-12);
  EXPECT_EQ(chart.value_label, "2025");
  EXPECT_EQ(chart.comparison_label, "2024");
  EXPECT_EQ(chart.text.summary, "Omgång 2025, överenskommen nivå.");
  EXPECT_NE(bar_chart(chart).find("Digital kommunikation: 29\u00a0% (2024 31\u00a0%)"), std::string::npos);
}

TEST(GapCharts, mean_levels_use_the_framework_scale_and_the_expected_level) {
  const BarChart chart = mean_level_by_area(sample_report(), 5, 3.0, {"levels", "Medelnivå", ""});
  EXPECT_EQ(chart.axis_maximum, 5.0);
  ASSERT_TRUE(chart.reference);
  EXPECT_EQ(chart.reference->label, "Förväntad nivå");
  EXPECT_EQ(chart.format, NumberFormat::decimal(2));
  EXPECT_DOUBLE_EQ(*chart.bars[1].value, 2.4);
}

TEST(GapCharts, participation_lists_the_four_statuses_in_order) {
  const StackedBar chart = participation_by_status(sample_report(), {"status", "Deltagande", ""});
  ASSERT_EQ(chart.parts.size(), 4u);
  EXPECT_EQ(chart.parts[0].label, "Ej påbörjad");
  EXPECT_EQ(chart.parts[3].label, "Uppföljd");
  EXPECT_EQ(chart.parts[1].value, 200);
  EXPECT_EQ(data_table_csv(table_for(chart)),
            "Status,Personer,Andel (andel 0–1)\nEj påbörjad,120,0.25\nSjälvskattad,200,0.42\n"
            "Samtal genomfört,130,0.27\nUppföljd,30,0.06\nTotalt,480,1.00\n");
}

TEST(GapCharts, the_group_heatmap_matches_competencies_by_code_and_blanks_suppressed_groups) {
  const Heatmap chart = need_share_by_group(sample_report(), {"groups", "Behov per enhet", ""});
  ASSERT_EQ(chart.columns.size(), 2u);
  EXPECT_EQ(chart.columns[1].name, "Skydda data");
  ASSERT_EQ(chart.rows.size(), 2u);
  EXPECT_EQ(chart.rows[0].values, (std::vector<std::optional<double>>{0.2, 0.5}));
  EXPECT_EQ(chart.rows[1].label, "Stab");
  EXPECT_EQ(chart.rows[1].values, (std::vector<std::optional<double>>{std::nullopt, std::nullopt}));
}

TEST(GapCharts, a_suppressed_report_reveals_no_figures) {
  core::GapReport report = sample_report();
  report.suppressed = true;
  const BarChart need = need_share_by_area(report, std::nullopt, {"n", "t", ""});
  for (const Bar& bar : need.bars) EXPECT_FALSE(bar.value);
  for (const StackedPart& part : participation_by_status(report, {"s", "t", ""}).parts) EXPECT_EQ(part.value, 0);
  for (const HeatmapRow& row : need_share_by_group(report, {"h", "t", ""}).rows) {
    for (const auto& value : row.values) EXPECT_FALSE(value);
  }
  EXPECT_NE(need.text.summary.find("för liten"), std::string::npos);
}

}  // namespace
}  // namespace trappa::report
