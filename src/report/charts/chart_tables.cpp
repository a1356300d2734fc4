// The table of each chart. The rows follow the reading order of the data, not the drawing
// (a pyramid is drawn oldest first but tabled youngest first, as it was given).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/charts/chart_defaults.hpp"
#include "report/charts/data_table.hpp"
#include "report/charts/markup.hpp"

namespace trappa::report {

namespace {

double positive(const std::optional<double>& value) {
  return value && std::isfinite(*value) && *value > 0 ? *value : 0.0;
}

using detail::given_or_words;
using detail::with_defaults;
using detail::words;

}  // namespace

DataTable table_for(const BarChart& given) {
  const BarChart chart = with_defaults(given);
  const i18n::Language language = chart.text.language;
  DataTable table{chart.text.title, chart.category_heading, {{chart.value_label, chart.format}}, {}, {}, language,
                  chart.text.names_language};
  const bool any_comparison = std::ranges::any_of(chart.bars, [](const Bar& bar) { return bar.comparison.has_value(); });
  if (any_comparison) {
    table.columns.push_back({given_or_words(chart.comparison_label, language, "report_comparison"), chart.format});
  }
  for (const Bar& bar : chart.bars) {
    DataRow row{bar.label, {bar.value}};
    if (any_comparison) row.values.push_back(bar.comparison);
    table.rows.push_back(std::move(row));
  }
  if (chart.reference) {
    table.note = fmt::format("{}: {}.", given_or_words(chart.reference->label, language, "report_reference"),
                             format_value(chart.reference->value, chart.format));
  }
  return table;
}

DataTable table_for(const StackedBar& given) {
  const StackedBar chart = with_defaults(given);
  const i18n::Language language = chart.text.language;
  DataTable table{chart.text.title, chart.part_heading,
                  {{chart.value_heading, chart.format}, {words(language, "report_share"), NumberFormat::share()}},
                  {},
                  {},
                  language};
  double total = 0;
  for (const StackedPart& part : chart.parts) total += positive(part.value);
  for (const StackedPart& part : chart.parts) {
    table.rows.push_back({part.label, {part.value, total > 0 ? std::optional(positive(part.value) / total) : std::nullopt}});
  }
  table.rows.push_back({words(language, "report_total"), {total, total > 0 ? std::optional(1.0) : std::nullopt}});
  return table;
}

DataTable table_for(const Heatmap& given) {
  const Heatmap chart = with_defaults(given);
  DataTable table{chart.text.title, chart.row_heading, {}, {}, {}, chart.text.language, {}, chart.text.names_language};
  for (const HeatmapColumn& column : chart.columns) {
    table.columns.push_back({column.name.empty() ? column.code : column.code + " " + column.name,
                             NumberFormat::share(chart.decimals)});
  }
  for (const HeatmapRow& row : chart.rows) {
    DataRow data{row.label, row.values};
    data.values.resize(chart.columns.size());
    table.rows.push_back(std::move(data));
  }
  return table;
}

DataTable table_for(const Pyramid& given) {
  const Pyramid chart = with_defaults(given);
  const std::string total_words = words(chart.text.language, "report_total");
  const bool any_other = std::ranges::any_of(chart.bands, [](const PyramidBand& band) { return band.other.has_value(); });
  DataTable table{chart.text.title, chart.band_heading,
                  {{chart.women_label, chart.format}, {chart.men_label, chart.format}}, {}, {}, chart.text.language};
  if (any_other) table.columns.push_back({chart.other_label, chart.format});
  table.columns.push_back({total_words, chart.format});
  double women = 0;
  double men = 0;
  double other = 0;
  for (const PyramidBand& band : chart.bands) {
    DataRow row{band.label, {band.women, band.men}};
    if (any_other) row.values.push_back(band.other);
    row.values.push_back(positive(band.women) + positive(band.men) + positive(band.other));
    women += positive(band.women);
    men += positive(band.men);
    other += positive(band.other);
    table.rows.push_back(std::move(row));
  }
  DataRow total{total_words, {women, men}};
  if (any_other) total.values.push_back(other);
  total.values.push_back(women + men + other);
  table.rows.push_back(std::move(total));
  return table;
}

DataTable table_for(const LineChart& given) {
  const LineChart chart = with_defaults(given);
  DataTable table{chart.text.title, chart.period_heading, {}, {}, {}, chart.text.language, {}, chart.text.names_language};
  for (const LineSeries& series : chart.series) table.columns.push_back({series.label, chart.format});
  for (std::size_t i = 0; i < chart.periods.size(); ++i) {
    DataRow row{chart.periods[i], {}};
    for (const LineSeries& series : chart.series) {
      row.values.push_back(i < series.values.size() ? series.values[i] : std::nullopt);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace trappa::report
