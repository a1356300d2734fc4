#include "report/analytics/gap_charts.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "report/charts/markup.hpp"

namespace trappa::report {

namespace {

std::string words(const GapChartOptions& options, std::string_view key) {
  return std::string(i18n::text(options.language, key));
}

std::string summary_of(const core::GapReport& report, const GapChartOptions& options) {
  const std::string basis = words(options, report.basis == core::LevelBasis::kAgreed ? "report_gap_basis_agreed"
                                                                                     : "report_gap_basis_self");
  std::string text = detail::sentence(options.language, "report_gap_summary", {{"round", report.round}, {"basis", basis}});
  if (report.suppressed) text += " " + words(options, "report_gap_suppressed");
  return text;
}

// The caller's text, with the builder's id, title, summary and language where it gave none.
ChartText complete(ChartText text, const core::GapReport& report, const GapChartOptions& options, std::string_view id,
                   std::string_view title_key) {
  if (text.id.empty()) text.id = id;
  if (text.title.empty()) text.title = words(options, title_key);
  if (text.summary.empty() && options.summary == RoundSummary::kInclude) text.summary = summary_of(report, options);
  text.language = options.language;
  if (text.names_language.empty()) text.names_language = options.names_language;
  return text;
}

std::string label_of(const std::string& code, const std::string& name) {
  return name.empty() ? code : code + " " + name;
}

template <typename Figures>
const Figures* find_code(const std::vector<Figures>& list, const std::string& code) {
  const auto found = std::ranges::find(list, code, &Figures::code);
  return found == list.end() ? nullptr : &*found;
}

// One bar per item of `items` (the report's areas or competencies), with the same item of
// the earlier report as comparison; `value_of` picks the figure.
template <typename Figures, typename ValueOf>
void add_bars(BarChart& chart, const core::GapReport& report, const std::vector<Figures>& items,
              const std::vector<Figures>* earlier_items, const GapChartOptions& options, ValueOf value_of) {
  chart.value_label = report.round;
  if (options.earlier) chart.comparison_label = options.earlier->round;
  for (const Figures& item : items) {
    Bar bar{label_of(item.code, item.name), report.suppressed ? std::nullopt : value_of(item), std::nullopt};
    if (earlier_items && !options.earlier->suppressed) {
      if (const Figures* before = find_code(*earlier_items, item.code)) bar.comparison = value_of(*before);
    }
    chart.bars.push_back(std::move(bar));
  }
}

BarChart area_chart(const core::GapReport& report, const GapChartOptions& options, ChartText text, std::string_view id,
                    std::string_view title_key, std::optional<double> (*value_of)(const core::AreaFigures&)) {
  BarChart chart;
  chart.text = complete(std::move(text), report, options, id, title_key);
  chart.category_heading = words(options, "chart_area");
  add_bars(chart, report, report.areas, options.earlier ? &options.earlier->areas : nullptr, options, value_of);
  return chart;
}

}  // namespace

StackedBar participation_by_status(const core::GapReport& report, const GapChartOptions& options, ChartText text) {
  StackedBar chart;
  chart.text = complete(std::move(text), report, options, "status", "chart_status");
  chart.part_heading = words(options, "label_status");
  chart.value_heading = words(options, "chart_count");
  // The status model's words (status_<code> in the catalogue), in the order of Progress.
  if (report.status_counts && !report.suppressed) {
    for (const core::Progress progress : core::kAllProgress) {
      chart.parts.push_back({words(options, "status_" + std::string(core::to_code(progress))),
                             static_cast<double>((*report.status_counts)[static_cast<std::size_t>(progress)])});
    }
  }
  return chart;
}

BarChart need_share_by_area(const core::GapReport& report, const GapChartOptions& options, ChartText text) {
  return area_chart(report, options, std::move(text), "behov", "chart_need_share",
                    [](const core::AreaFigures& area) { return area.need_share; });
}

BarChart mean_level_by_area(const core::GapReport& report, double top_level, std::optional<double> expected_level,
                            const GapChartOptions& options, ChartText text) {
  BarChart chart = area_chart(report, options, std::move(text), "niva", "chart_mean_level",
                              [](const core::AreaFigures& area) { return area.mean_level; });
  chart.format = NumberFormat::decimal(2);
  chart.axis_maximum = top_level;
  if (expected_level) chart.reference = ReferenceLine{*expected_level, words(options, "report_expected_level")};
  return chart;
}

BarChart high_motivation_by_area(const core::GapReport& report, const GapChartOptions& options, ChartText text) {
  return area_chart(report, options, std::move(text), "motivation", "chart_motivation",
                    [](const core::AreaFigures& area) { return area.high_motivation_share; });
}

BarChart need_share_by_competency(const core::GapReport& report, const GapChartOptions& options, ChartText text) {
  BarChart chart;
  chart.text = complete(std::move(text), report, options, "delkompetenser", "chart_competencies");
  chart.category_heading = words(options, "chart_competency");
  add_bars(chart, report, report.competencies, options.earlier ? &options.earlier->competencies : nullptr, options,
           [](const core::CompetencyFigures& competency) { return competency.need_share; });
  return chart;
}

Heatmap need_share_by_group(const core::GapReport& grouped, const GapChartOptions& options, ChartText text) {
  Heatmap chart;
  chart.text = complete(std::move(text), grouped, options, "karta", "chart_heatmap");
  const bool by_gender = grouped.group_by == core::GroupBy::kGender;
  chart.row_heading = words(options, by_gender ? "label_gender" : "chart_unit");
  for (const core::CompetencyFigures& competency : grouped.competencies) {
    chart.columns.push_back({competency.code, competency.name});
  }
  for (const core::GroupFigures& group : grouped.groups) {
    // Gender groups in the catalogue's words of the chart's language (core names them in Swedish).
    HeatmapRow row{by_gender ? words(options, "gender_" + group.key) : group.name.empty() ? group.key : group.name, {}};
    for (const core::CompetencyFigures& competency : grouped.competencies) {
      std::optional<double> value;
      if (!group.suppressed && !grouped.suppressed) {
        if (const auto* cell = find_code(group.competencies, competency.code)) value = cell->need_share;
      }
      row.values.push_back(value);
    }
    chart.rows.push_back(std::move(row));
  }
  return chart;
}

}  // namespace trappa::report
