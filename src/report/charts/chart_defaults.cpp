#include "report/charts/chart_defaults.hpp"

#include "report/charts/markup.hpp"

namespace trappa::report::detail {

namespace {

void fill(std::string& label, i18n::Language language, std::string_view key) {
  if (label.empty()) label = words(language, key);
}

}  // namespace

BarChart with_defaults(BarChart chart) {
  const i18n::Language language = chart.text.language;
  fill(chart.value_label, language, "report_value");
  fill(chart.category_heading, language, "report_category");
  // An empty comparison or reference label is left empty: the chart then says less (no
  // legend sentence, the bare reference value) rather than a made-up name.
  return chart;
}

StackedBar with_defaults(StackedBar chart) {
  fill(chart.part_heading, chart.text.language, "report_status");
  fill(chart.value_heading, chart.text.language, "report_count");
  return chart;
}

Heatmap with_defaults(Heatmap chart) {
  fill(chart.row_heading, chart.text.language, "report_group");
  fill(chart.missing_label, chart.text.language, "report_no_data_legend");
  return chart;
}

Pyramid with_defaults(Pyramid chart) {
  const i18n::Language language = chart.text.language;
  fill(chart.women_label, language, "report_women");
  fill(chart.men_label, language, "report_men");
  fill(chart.other_label, language, "report_other_gender");
  fill(chart.band_heading, language, "report_age");
  return chart;
}

LineChart with_defaults(LineChart chart) {
  fill(chart.period_heading, chart.text.language, "report_year");
  return chart;
}

}  // namespace trappa::report::detail
