// A few series over a few periods. Lines differ by colour, dash pattern and marker shape,
// and each ends in a direct label with its last value, so no legend lookup is needed.
// A missing value breaks the line.
#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "report/charts/chart_defaults.hpp"
#include "report/charts/charts.hpp"
#include "report/charts/markup.hpp"
#include "report/charts/palette.hpp"

namespace trappa::report {

namespace {

using namespace detail;

constexpr double kWidth = 720;
constexpr double kHeight = 340;
constexpr double kPadding = 12;
constexpr double kMaxEndLabelWidth = 200;
constexpr double kLabelSpacing = 17;

std::optional<double> point(const LineSeries& series, std::size_t period) {
  if (period >= series.values.size()) return std::nullopt;
  const auto& value = series.values[period];
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

std::optional<std::size_t> last_point(const LineSeries& series, std::size_t periods) {
  for (std::size_t i = periods; i-- > 0;) {
    if (point(series, i)) return i;
  }
  return std::nullopt;
}

struct Axis {
  double minimum = 0;
  double maximum = 1;
  double step = 0.2;
};

Axis value_axis(const LineChart& chart) {
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();
  for (const LineSeries& series : chart.series) {
    for (std::size_t i = 0; i < chart.periods.size(); ++i) {
      if (const auto value = point(series, i)) {
        low = std::min(low, *value);
        high = std::max(high, *value);
      }
    }
  }
  if (!std::isfinite(low)) return {0, 1, 0.2};  // nothing to draw: an empty 0–1 frame
  if (chart.axis_start == AxisStart::kZero) low = std::min(low, 0.0);
  if (chart.format.kind == ValueKind::kShare && chart.axis_start == AxisStart::kZero && high <= 1 && low >= 0) {
    return {0, 1, 0.2};
  }
  double span = high - low;
  if (span <= 0) span = std::abs(high) > 0 ? std::abs(high) * 0.2 : 1;
  const double step = nice_ticks(span, 4).step;
  double minimum = std::floor(low / step + 1e-9) * step;
  double maximum = std::ceil(high / step - 1e-9) * step;
  if (maximum <= minimum) maximum = minimum + step;
  if (chart.axis_start == AxisStart::kFitData && minimum == low && minimum != 0) minimum -= step;
  if (maximum == high && chart.axis_start == AxisStart::kFitData) maximum += step;
  return {minimum, maximum, step};
}

std::string change_words(double first, double last, const NumberFormat& format, i18n::Language language) {
  const double change = last - first;
  const NumberFormat absolute = format.kind == ValueKind::kShare ? NumberFormat::decimal(format.decimals) : format;
  const double shown = format.kind == ValueKind::kShare ? std::abs(change) * 100.0 : std::abs(change);
  if (format_value(shown, absolute) == format_value(0.0, absolute)) return words(language, "report_change_none");
  std::string amount = format_value(shown, absolute);
  if (format.kind == ValueKind::kShare) amount = sentence(language, "report_percentage_points", {{"amount", amount}});
  return sentence(language, change > 0 ? "report_change_up" : "report_change_down", {{"amount", amount}});
}

// The description as markup: the chart's words escaped, each series' name marked when it is
// in another language than the chart (ChartText::names_language).
std::string describe(const LineChart& chart) {
  const i18n::Language language = chart.text.language;
  std::string text;
  if (!chart.text.summary.empty()) text = escape_markup(chart.text.summary) + " ";
  std::vector<std::string> periods(chart.periods.begin(), chart.periods.end());
  text += sentence_markup(language, chart.series.size() == 1 ? "report_line_desc_one" : "report_line_desc_many",
                          {{"n", std::to_string(chart.series.size())}, {"periods", std::to_string(chart.periods.size())}});
  if (!periods.empty()) {
    std::string list = sentence_list(periods);
    list.pop_back();
    text += escape_markup(fmt::format(" ({})", list));
  }
  text += ".";
  for (const LineSeries& series : chart.series) {
    std::vector<std::string> values;
    std::optional<std::pair<std::size_t, double>> first;
    std::optional<std::pair<std::size_t, double>> last;
    for (std::size_t i = 0; i < chart.periods.size(); ++i) {
      const auto value = point(series, i);
      values.push_back(fmt::format("{} {}", chart.periods[i], spoken_value(value, chart.format, language)));
      if (value) {
        if (!first) first = {i, *value};
        last = {i, *value};
      }
    }
    std::string list = sentence_list(values);
    if (!list.empty()) list.pop_back();
    text += " " + name_markup(series.label, chart.text.names_language, language) + ": " + escape_markup(list);
    if (first && last && first->first != last->first) {
      text += " (" +
              escape_markup(sentence(language, "report_line_change",
                                     {{"change", change_words(first->second, last->second, chart.format, language)},
                                      {"first", chart.periods[first->first]},
                                      {"last", chart.periods[last->first]}})) +
              ")";
    }
    text += ".";
  }
  return text;
}

std::string marker(MarkerShape shape, double x, double y, std::string_view colour) {
  const std::string stroke = "stroke=\"#ffffff\" stroke-width=\"1.5\"";
  switch (shape) {
    case MarkerShape::kCircle:
      return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\" {}/>", coordinate(x), coordinate(y), colour, stroke);
    case MarkerShape::kSquare:
      return rect_element(x - 4.5, y - 4.5, 9, 9, colour, stroke);
    case MarkerShape::kTriangle:
      return fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{}\" {}/>", coordinate(x), coordinate(y - 6),
                         coordinate(x + 6), coordinate(y + 4.5), coordinate(x - 6), coordinate(y + 4.5), colour, stroke);
    case MarkerShape::kDiamond:
      return fmt::format("<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{}\" {}/>", coordinate(x), coordinate(y - 6),
                         coordinate(x + 6), coordinate(y), coordinate(x), coordinate(y + 6), coordinate(x - 6),
                         coordinate(y), colour, stroke);
    case MarkerShape::kCross:
      return fmt::format("<path d=\"M{} {}L{} {}M{} {}L{} {}\" stroke=\"{}\" stroke-width=\"2.5\" fill=\"none\"/>",
                         coordinate(x - 4.5), coordinate(y - 4.5), coordinate(x + 4.5), coordinate(y + 4.5),
                         coordinate(x - 4.5), coordinate(y + 4.5), coordinate(x + 4.5), coordinate(y - 4.5), colour);
  }
  return {};
}

}  // namespace

std::string line_chart(const LineChart& given) {
  const LineChart chart = with_defaults(given);
  const std::string id = sanitize_id(chart.text.id);
  const Axis axis = value_axis(chart);
  const NumberFormat tick_labels = tick_format(chart.format.kind, axis.step);
  const std::vector<double> ticks = tick_values(axis.minimum, axis.maximum, axis.step);
  const auto styles = series_styles();
  const std::size_t period_count = chart.periods.size();

  double tick_width = 0;
  for (double tick : ticks) tick_width = std::max(tick_width, estimated_text_width(format_value(tick, tick_labels), kSmallFontSize));
  // Each end label: the series' name (cut to fit) and its last value.
  struct EndText {
    std::string name;
    std::string value;
  };
  std::vector<EndText> end_labels;
  double end_width = 0;
  for (const LineSeries& series : chart.series) {
    const auto last = last_point(series, period_count);
    std::string value;
    if (last) value.append(" ").append(format_value(point(series, *last), chart.format));
    // End labels are semibold: measure them as a wider regular face would set them.
    const double font = (kSmallFontSize + 1) * kBoldWidening;
    const double value_width = estimated_text_width(value, font);
    EndText label{fit_text(series.label, font, kMaxEndLabelWidth - value_width), value};
    end_width = std::max(end_width, estimated_text_width(label.name + label.value, font));
    end_labels.push_back(std::move(label));
  }
  end_width = std::min(end_width, kMaxEndLabelWidth);

  const double plot_left = kPadding + tick_width + 10;
  const double plot_right = kWidth - kPadding - end_width - 14;
  const double plot_top = kPadding + 8;
  const double plot_bottom = kHeight - kPadding - 26;
  const double inset = 28;
  const auto x_of = [&](std::size_t period) {
    if (period_count <= 1) return (plot_left + plot_right) / 2;
    return plot_left + inset + static_cast<double>(period) * (plot_right - plot_left - 2 * inset) /
                                   static_cast<double>(period_count - 1);
  };
  const auto y_of = [&](double value) {
    const double t = (value - axis.minimum) / (axis.maximum - axis.minimum);
    return plot_bottom - std::clamp(t, 0.0, 1.0) * (plot_bottom - plot_top);
  };

  std::string svg = open_chart(id, "line", kWidth, kHeight, chart.text.title, describe(chart));

  svg += "<g>";
  for (double tick : ticks) {
    const double y = y_of(tick);
    svg += line_element(plot_left, y, plot_right, y, tick == axis.minimum ? kAxisColour : kGridColour, 1);
    svg += text_element(plot_left - 8, y + 4, format_value(tick, tick_labels), "end", kSmallFontSize, kMutedText);
  }
  for (std::size_t i = 0; i < period_count; ++i) {
    svg += text_element(x_of(i), plot_bottom + 20, chart.periods[i], "middle", kSmallFontSize + 1, kTextColour);
  }
  svg += "</g>";

  // End labels are spread apart vertically so that close lines keep readable labels.
  struct EndLabel {
    std::size_t series;
    double y;
  };
  std::vector<EndLabel> placed;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const auto last = last_point(chart.series[s], period_count);
    if (last) placed.push_back({s, y_of(*point(chart.series[s], *last)) + 4});
  }
  std::ranges::sort(placed, {}, &EndLabel::y);
  for (std::size_t i = 1; i < placed.size(); ++i) {
    placed[i].y = std::max(placed[i].y, placed[i - 1].y + kLabelSpacing);
  }
  const double lowest_allowed = kHeight - kPadding;
  if (!placed.empty() && placed.back().y > lowest_allowed) {
    placed.back().y = lowest_allowed;
    for (std::size_t i = placed.size() - 1; i-- > 0;) {
      placed[i].y = std::min(placed[i].y, placed[i + 1].y - kLabelSpacing);
    }
  }

  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const LineSeries& series = chart.series[s];
    const SeriesStyle& style = styles[s % styles.size()];
    std::string path;
    bool drawing = false;
    for (std::size_t i = 0; i < period_count; ++i) {
      const auto value = point(series, i);
      if (!value) {
        drawing = false;
        continue;
      }
      path += fmt::format("{}{} {}", drawing ? "L" : "M", coordinate(x_of(i)), coordinate(y_of(*value)));
      drawing = true;
    }
    svg += "<g>";
    if (!path.empty()) {
      svg += fmt::format("<path class=\"series\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" "
                         "stroke-linejoin=\"round\"{}/>",
                         path, style.colour,
                         style.dash.empty() ? "" : fmt::format(" stroke-dasharray=\"{}\"", style.dash));
    }
    for (std::size_t i = 0; i < period_count; ++i) {
      if (const auto value = point(series, i)) {
        svg += fmt::format("<g class=\"point\"><title>{}, {}</title>{}</g>",
                           name_markup(series.label, chart.text.names_language, chart.text.language),
                           escape_markup(fmt::format("{}: {}", chart.periods[i], format_value(value, chart.format))),
                           marker(style.marker, x_of(i), y_of(*value), style.colour));
      }
    }
    const auto found = std::ranges::find(placed, s, &EndLabel::series);
    if (found != placed.end()) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"start\" font-size=\"{}\" fill=\"{}\" "
                         "font-weight=\"600\">{}</text>",
                         coordinate(plot_right + 12), coordinate(found->y), coordinate(kSmallFontSize + 1), style.colour,
                         name_markup(end_labels[s].name, chart.text.names_language, chart.text.language, "tspan") + escape_markup(end_labels[s].value));
    }
    svg += "</g>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace trappa::report
