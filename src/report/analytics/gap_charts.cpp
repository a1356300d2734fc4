#include "report/analytics/gap_charts.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace trappa::report {

namespace {

std::string basis_words(core::LevelBasis basis) {
  return basis == core::LevelBasis::kAgreed ? "överenskommen nivå" : "självskattad nivå";
}

std::string summary_of(const core::GapReport& report) {
  std::string text = "Omgång " + report.round + ", " + basis_words(report.basis) + ".";
  if (report.suppressed) text += " Uppgifterna visas inte eftersom gruppen är för liten.";
  return text;
}

ChartText with_summary(ChartText text, const core::GapReport& report) {
  if (text.summary.empty()) text.summary = summary_of(report);
  return text;
}

}  // namespace

BarChart need_share_by_area(const core::GapReport& report, const std::optional<core::GapComparison>& comparison,
                            ChartText text) {
  BarChart chart;
  chart.text = with_summary(std::move(text), report);
  chart.format = NumberFormat::share();
  chart.value_label = report.round;
  chart.category_heading = "Kompetensområde";
  if (comparison) chart.comparison_label = comparison->round;
  for (const core::AreaFigures& area : report.areas) {
    Bar bar{area.name.empty() ? area.code : area.name, report.suppressed ? std::nullopt : area.need_share, std::nullopt};
    if (comparison && bar.value) {
      const auto change = std::ranges::find(comparison->areas, area.code, &core::AreaChange::code);
      if (change != comparison->areas.end() && change->need_share_pp) {
        bar.comparison = *bar.value - *change->need_share_pp / 100.0;
      }
    }
    chart.bars.push_back(std::move(bar));
  }
  return chart;
}

BarChart mean_level_by_area(const core::GapReport& report, double top_level, std::optional<double> expected_level,
                            ChartText text) {
  BarChart chart;
  chart.text = with_summary(std::move(text), report);
  chart.format = NumberFormat::decimal(2);
  chart.value_label = "Medelnivå";
  chart.category_heading = "Kompetensområde";
  chart.axis_maximum = top_level;
  if (expected_level) chart.reference = ReferenceLine{*expected_level, "Förväntad nivå"};
  for (const core::AreaFigures& area : report.areas) {
    chart.bars.push_back({area.name.empty() ? area.code : area.name, report.suppressed ? std::nullopt : area.mean_level,
                          std::nullopt});
  }
  return chart;
}

StackedBar participation_by_status(const core::GapReport& report, ChartText text) {
  StackedBar chart;
  chart.text = with_summary(std::move(text), report);
  chart.part_heading = "Status";
  chart.value_heading = "Personer";
  static constexpr std::array<const char*, 4> kStatus{"Ej påbörjad", "Självskattad", "Samtal genomfört", "Uppföljd"};
  for (std::size_t i = 0; i < kStatus.size(); ++i) {
    const double count =
        report.status_counts && !report.suppressed ? static_cast<double>((*report.status_counts)[i]) : 0.0;
    chart.parts.push_back({kStatus[i], count});
  }
  return chart;
}

Heatmap need_share_by_group(const core::GapReport& report, ChartText text) {
  Heatmap chart;
  chart.text = with_summary(std::move(text), report);
  chart.row_heading = "Grupp";
  for (const core::CompetencyFigures& competency : report.competencies) {
    chart.columns.push_back({competency.code, competency.name});
  }
  for (const core::GroupFigures& group : report.groups) {
    HeatmapRow row{group.name.empty() ? group.key : group.name, {}};
    for (const core::CompetencyFigures& competency : report.competencies) {
      std::optional<double> value;
      if (!group.suppressed && !report.suppressed) {
        const auto found = std::ranges::find(group.competencies, competency.code, &core::GroupCompetencyFigures::code);
        if (found != group.competencies.end()) value = found->need_share;
      }
      row.values.push_back(value);
    }
    chart.rows.push_back(std::move(row));
  }
  return chart;
}

}  // namespace trappa::report
