// Horizontal bars: labels on the left, bars from a common zero, the value after each bar.
// A comparison (the previous round, say) is a thinner grey bar under its bar, so the two
// differ by position and thickness, not only by colour.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/charts/chart_defaults.hpp"
#include "report/charts/charts.hpp"
#include "report/charts/markup.hpp"
#include "report/charts/palette.hpp"

namespace trappa::report {

namespace {

using namespace detail;

constexpr double kWidth = 720;
constexpr double kPadding = 12;
constexpr double kMaxLabelWidth = 280;
constexpr double kBarHeight = 20;
constexpr double kComparisonHeight = 8;
constexpr double kComparisonGap = 3;

double finite_or_zero(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? *value : 0.0;
}

struct Scale {
  double maximum = 1;
  double step = 0.2;
};

Scale value_scale(const BarChart& chart) {
  double largest = 0;
  for (const Bar& bar : chart.bars) {
    largest = std::max({largest, finite_or_zero(bar.value), finite_or_zero(bar.comparison)});
  }
  if (chart.reference && std::isfinite(chart.reference->value)) largest = std::max(largest, chart.reference->value);
  if (chart.axis_maximum && std::isfinite(*chart.axis_maximum) && *chart.axis_maximum > 0) {
    const Ticks ticks = nice_ticks(*chart.axis_maximum);
    return {*chart.axis_maximum, ticks.step};
  }
  // Shares too take their axis from the data (a need share of 0–13 % drawn on 0–100 % is a
  // row of slivers), up to 100 % at most while no value exceeds it.
  const Ticks ticks = nice_ticks(largest > 0 ? largest : 1);
  if (chart.format.kind == ValueKind::kShare && largest <= 1 && ticks.end >= 1) return {1, 0.2};
  return {ticks.end, ticks.step};
}

std::string comparison_words(const BarChart& chart) {
  return given_or_words(chart.comparison_label, chart.text.language, "report_comparison");
}

// The description as markup: the chart's words escaped, each bar's name marked when it is in
// another language than the chart (ChartText::names_language).
std::string describe(const BarChart& chart) {
  const i18n::Language language = chart.text.language;
  const auto name = [&](const Bar& bar) { return name_markup(bar.label, chart.text.names_language, language); };
  std::string text;
  if (!chart.text.summary.empty()) text = escape_markup(chart.text.summary) + " ";
  const bool any_comparison = std::ranges::any_of(chart.bars, [](const Bar& bar) { return bar.comparison.has_value(); });
  text += sentence_markup(language, chart.bars.size() == 1 ? "report_bar_desc_one" : "report_bar_desc_many",
                          {{"n", std::to_string(chart.bars.size())}});
  if (any_comparison && !chart.comparison_label.empty()) {
    text += " " + sentence_markup(language, "report_bar_desc_comparison", {{"label", escape_markup(chart.comparison_label)}});
  }

  const Bar* highest = nullptr;
  const Bar* lowest = nullptr;
  std::size_t with_value = 0;
  for (const Bar& bar : chart.bars) {
    if (!bar.value || !std::isfinite(*bar.value)) continue;
    ++with_value;
    if (!highest || *bar.value > *highest->value) highest = &bar;
    if (!lowest || *bar.value < *lowest->value) lowest = &bar;
  }
  if (with_value >= 2 && *highest->value != *lowest->value) {
    text += " " + sentence_markup(language, "report_desc_highest_lowest",
                                  {{"highest", name(*highest) + " " + escape_markup(format_value(highest->value, chart.format))},
                                   {"lowest", name(*lowest) + " " + escape_markup(format_value(lowest->value, chart.format))}});
  }
  if (chart.bars.size() <= 15) {
    std::vector<std::string> parts;
    for (const Bar& bar : chart.bars) {
      std::string part = name(bar) + ": " + escape_markup(spoken_value(bar.value, chart.format, language));
      if (bar.comparison) {
        part += escape_markup(fmt::format(" ({} {})",
                                          chart.comparison_label.empty() ? lower_first(comparison_words(chart)) : chart.comparison_label,
                                          spoken_value(bar.comparison, chart.format, language)));
      }
      parts.push_back(std::move(part));
    }
    if (!parts.empty()) text += " " + escape_markup(words(language, "report_desc_values")) + " " + sentence_list(parts);
  } else {
    text += " " + escape_markup(words(language, "report_desc_all_in_table"));
  }
  if (chart.reference) {
    text += " " + sentence_markup(language, "report_bar_desc_reference",
                                  {{"label", escape_markup(chart.reference->label)},
                                   {"value", escape_markup(spoken_value(chart.reference->value, chart.format, language))}});
  }
  return text;
}

}  // namespace

std::string bar_chart(const BarChart& given) {
  const BarChart chart = with_defaults(given);
  const std::string id = sanitize_id(chart.text.id);
  const bool any_comparison = std::ranges::any_of(chart.bars, [](const Bar& bar) { return bar.comparison.has_value(); });
  const Scale scale = value_scale(chart);

  double label_width = 40;
  double value_width = estimated_text_width("100 %", kFontSize);
  for (const Bar& bar : chart.bars) {
    label_width = std::max(label_width, estimated_text_width(bar.label, kFontSize));
    value_width = std::max(value_width, estimated_text_width(format_value(bar.value, chart.format), kFontSize * kBoldWidening));
    if (bar.comparison) {
      value_width = std::max(value_width, estimated_text_width(format_value(bar.comparison, chart.format), kSmallFontSize));
    }
  }
  label_width = std::min(label_width, kMaxLabelWidth);
  const double plot_left = kPadding + label_width + 12;
  const double plot_right = kWidth - kPadding - value_width - 8;
  const double plot_width = plot_right - plot_left;
  const auto x_of = [&](double value) {
    return plot_left + std::clamp(value / scale.maximum, 0.0, 1.0) * plot_width;
  };

  const double legend_height = any_comparison ? 28 : 0;
  const double reference_height = chart.reference ? 22 : 0;
  const double row_height = any_comparison ? 46 : 32;
  const double top = kPadding + legend_height + reference_height;
  const double plot_height = static_cast<double>(std::max<std::size_t>(chart.bars.size(), 1)) * row_height;
  const double axis_y = top + plot_height;
  const double height = axis_y + 24 + kPadding;

  std::string svg = open_chart(id, "bar", kWidth, height, chart.text.title, describe(chart));

  if (any_comparison) {
    const double y = kPadding;
    double x = plot_left;
    svg += rect_element(x, y + 2, 14, 14, kBarFill);
    const std::string& current = chart.value_label;
    svg += text_element(x + 20, y + 14, current, "start", kSmallFontSize, kTextColour);
    x += 20 + estimated_text_width(current, kSmallFontSize) + 24;
    svg += rect_element(x, y + 5, 14, kComparisonHeight, kComparisonFill);
    svg += text_element(x + 20, y + 14, comparison_words(chart), "start",
                        kSmallFontSize, kTextColour);
  }

  // Grid and axis labels first, so bars draw over them.
  svg += "<g>";
  const NumberFormat tick_labels = tick_format(chart.format.kind, scale.step);
  for (double value : tick_values(0, scale.maximum, scale.step)) {
    const double x = x_of(value);
    svg += line_element(x, top, x, axis_y, value == 0 ? kAxisColour : kGridColour, 1);
    svg += text_element(x, axis_y + 18, format_value(value, tick_labels), "middle", kSmallFontSize, kMutedText);
  }
  svg += "</g>";

  const std::string name_lang = lang_attribute(chart.text.names_language, chart.text.language);
  svg += "<g>";
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& bar = chart.bars[i];
    const double row_top = top + static_cast<double>(i) * row_height + (row_height - kBarHeight -
                                                                         (any_comparison ? kComparisonGap + kComparisonHeight : 0)) / 2;
    svg += label_element(plot_left - 12, row_top + kBarHeight / 2 + 5, bar.label, "end", kFontSize, label_width, name_lang);
    if (bar.value && std::isfinite(*bar.value)) {
      const double end = x_of(*bar.value);
      svg += rect_element(plot_left, row_top, end - plot_left, kBarHeight, kBarFill, "class=\"bar\"");
      svg += text_element(end + 6, row_top + kBarHeight / 2 + 5, format_value(bar.value, chart.format), "start", kFontSize,
                          kTextColour, "font-weight=\"600\"");
    } else {
      svg += text_element(plot_left + 6, row_top + kBarHeight / 2 + 5, words(chart.text.language, "report_no_data"), "start",
                          kSmallFontSize, kMutedText);
    }
    if (bar.comparison && std::isfinite(*bar.comparison)) {
      const double y = row_top + kBarHeight + kComparisonGap;
      const double end = x_of(*bar.comparison);
      svg += rect_element(plot_left, y, end - plot_left, kComparisonHeight, kComparisonFill, "class=\"bar-comparison\"");
      svg += text_element(end + 6, y + kComparisonHeight / 2 + 4, format_value(bar.comparison, chart.format), "start",
                          kSmallFontSize, kMutedText);
    }
  }
  svg += "</g>";

  if (chart.reference && std::isfinite(chart.reference->value)) {
    const double x = x_of(chart.reference->value);
    svg += line_element(x, top - 4, x, axis_y, kReferenceColour, 2, "stroke-dasharray=\"5 4\" class=\"reference\"");
    std::string label = chart.reference->label;
    if (!label.empty()) label += " ";
    label += format_value(chart.reference->value, chart.format);
    const double half = estimated_text_width(label, kSmallFontSize) / 2;
    const double label_x = std::clamp(x, plot_left + half, kWidth - kPadding - half);
    svg += text_element(label_x, top - 9, label, "middle", kSmallFontSize, kReferenceColour, "font-weight=\"600\"");
  }

  svg += "</svg>";
  return svg;
}

}  // namespace trappa::report
