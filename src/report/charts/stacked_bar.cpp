// One bar split into parts, with a legend that states each part's value and share, so the
// colours are never needed to read it. Parts are separated by a thin white gap.
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
constexpr double kBarHeight = 40;
constexpr double kLegendRow = 24;

double amount(const StackedPart& part) { return std::isfinite(part.value) && part.value > 0 ? part.value : 0.0; }

double total_of(const StackedBar& chart) {
  double total = 0;
  for (const StackedPart& part : chart.parts) total += amount(part);
  return total;
}

std::string value_and_share(const StackedPart& part, double total, const NumberFormat& format) {
  const std::string value = format_value(part.value, format);
  if (total <= 0) return value;
  return fmt::format("{} ({})", value, format_value(amount(part) / total, NumberFormat::share()));
}

std::string describe(const StackedBar& chart) {
  const i18n::Language language = chart.text.language;
  std::string text;
  if (!chart.text.summary.empty()) text = chart.text.summary + " ";
  const double total = total_of(chart);
  if (chart.parts.empty() || total <= 0) {
    return text + sentence(language, "report_stacked_empty", {{"total", format_value(total, chart.format)}});
  }
  text += sentence(language, chart.parts.size() == 1 ? "report_stacked_desc_one" : "report_stacked_desc_many",
                   {{"n", std::to_string(chart.parts.size())}, {"total", format_value(total, chart.format)}}) +
          " ";
  std::vector<std::string> parts;
  for (const StackedPart& part : chart.parts) {
    parts.push_back(fmt::format("{} {}", part.label, value_and_share(part, total, chart.format)));
  }
  return text + sentence_list(parts);
}

}  // namespace

std::string stacked_bar(const StackedBar& given) {
  const StackedBar chart = with_defaults(given);
  const std::string id = sanitize_id(chart.text.id);
  const double total = total_of(chart);
  const auto palette = stacked_palette();
  const auto fill_of = [&](std::size_t i) { return palette[i % palette.size()]; };

  double label_width = 0;
  for (const StackedPart& part : chart.parts) {
    label_width = std::max(label_width, estimated_text_width(part.label, kFontSize));
  }
  label_width = std::min(label_width, 360.0);

  const double legend_top = kPadding + kBarHeight + 18;
  const double height = legend_top + static_cast<double>(chart.parts.size() + 1) * kLegendRow + kPadding;
  std::string svg = open_chart(id, "stacked", kWidth, height, chart.text.title, escape_markup(describe(chart)));

  const double bar_width = kWidth - 2 * kPadding;
  svg += "<g>";
  if (total <= 0) {
    svg += rect_element(kPadding, kPadding, bar_width, kBarHeight, kNoDataFill,
                        fmt::format("stroke=\"{}\"", kNoDataHatch));
  } else {
    double x = kPadding;
    for (std::size_t i = 0; i < chart.parts.size(); ++i) {
      const StackedPart& part = chart.parts[i];
      const double width = amount(part) / total * bar_width;
      if (width <= 0) continue;
      const bool last = x + width >= kPadding + bar_width - 0.01;
      svg += "<g>";
      svg += rect_element(x, kPadding, last ? width : std::max(0.0, width - 2), kBarHeight, fill_of(i), "class=\"part\"");
      const std::string share = format_value(amount(part) / total, NumberFormat::share());
      if (estimated_text_width(share, kFontSize) + 12 <= width - 2) {
        svg += text_element(x + (width - 2) / 2, kPadding + kBarHeight / 2 + 5, share, "middle", kFontSize,
                            readable_text_colour(fill_of(i)), "font-weight=\"600\"");
      }
      svg += "</g>";
      x += width;
    }
  }
  svg += "</g>";

  svg += "<g>";
  const double value_x = kPadding + 22 + label_width + 24;
  for (std::size_t i = 0; i < chart.parts.size(); ++i) {
    const StackedPart& part = chart.parts[i];
    const double y = legend_top + static_cast<double>(i) * kLegendRow;
    svg += rect_element(kPadding, y, 14, 14, fill_of(i), fmt::format("stroke=\"{}\"", kAxisColour));
    svg += label_element(kPadding + 22, y + 12, part.label, "start", kFontSize, label_width);
    svg += text_element(value_x, y + 12, value_and_share(part, total, chart.format), "start", kFontSize, kTextColour);
  }
  const double total_y = legend_top + static_cast<double>(chart.parts.size()) * kLegendRow;
  svg += text_element(kPadding + 22, total_y + 12, words(chart.text.language, "report_total"), "start", kFontSize, kTextColour, "font-weight=\"600\"");
  svg += text_element(value_x, total_y + 12, format_value(total, chart.format), "start", kFontSize, kTextColour,
                      "font-weight=\"600\"");
  svg += "</g></svg>";
  return svg;
}

}  // namespace trappa::report
