// Rows × columns of shares. Each cell shows its value as text in the colour that contrasts
// more with its fill (palette.hpp), so the colour scale is a help, never the only carrier.
// Cells without a value are hatched and show "–".
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

constexpr double kPadding = 12;
constexpr double kCellHeight = 32;
constexpr double kMinCellWidth = 56;
constexpr double kMaxRowLabelWidth = 220;
constexpr double kMaxRotatedHeading = 150;
constexpr std::size_t kMaxCellsListed = 48;

std::optional<double> cell(const HeatmapRow& row, std::size_t column) {
  if (column >= row.values.size()) return std::nullopt;
  const auto& value = row.values[column];
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

// "code name" as markup, the name marked when it is in another language than the chart's.
std::string column_markup(const HeatmapColumn& column, const ChartText& text) {
  if (column.name.empty()) return escape_markup(column.code);
  return escape_markup(column.code) + " " + name_markup(column.name, text.names_language, text.language);
}

// The description as markup (column names marked as in column_markup).
std::string describe(const Heatmap& chart) {
  const i18n::Language language = chart.text.language;
  const NumberFormat format = NumberFormat::share(chart.decimals);
  std::string text;
  if (!chart.text.summary.empty()) text = escape_markup(chart.text.summary) + " ";
  text += sentence_markup(language, "report_heatmap_desc",
                   {{"rows", std::to_string(chart.rows.size())}, {"columns", std::to_string(chart.columns.size())}});
  struct Found {
    const HeatmapRow* row = nullptr;
    std::size_t column = 0;
    double value = 0;
  };
  Found highest;
  Found lowest;
  std::size_t missing = 0;
  for (const HeatmapRow& row : chart.rows) {
    for (std::size_t c = 0; c < chart.columns.size(); ++c) {
      const auto value = cell(row, c);
      if (!value) {
        ++missing;
        continue;
      }
      if (!highest.row || *value > highest.value) highest = {&row, c, *value};
      if (!lowest.row || *value < lowest.value) lowest = {&row, c, *value};
    }
  }
  if (highest.row && highest.value != lowest.value) {
    const auto place = [&](const Found& found) {
      return escape_markup(found.row->label) + ", " + column_markup(chart.columns[found.column], chart.text) + ": " +
             escape_markup(format_value(found.value, format));
    };
    text += " " + sentence_markup(language, "report_desc_highest_lowest", {{"highest", place(highest)}, {"lowest", place(lowest)}});
  }
  if (missing > 0) {
    text += " " + sentence_markup(language, missing == 1 ? "report_heatmap_missing_one" : "report_heatmap_missing_many",
                                  {{"n", std::to_string(missing)}});
  }
  if (chart.rows.size() * chart.columns.size() <= kMaxCellsListed) {
    const bool named = std::ranges::any_of(chart.columns, [](const HeatmapColumn& c) { return !c.name.empty(); });
    if (named) {
      std::vector<std::string> names;
      for (const HeatmapColumn& column : chart.columns) names.push_back(column_markup(column, chart.text));
      text += " " + escape_markup(words(language, "report_heatmap_columns")) + " " + sentence_list(names);
    }
    for (const HeatmapRow& row : chart.rows) {
      std::vector<std::string> parts;
      for (std::size_t c = 0; c < chart.columns.size(); ++c) {
        parts.push_back(escape_markup(fmt::format("{} {}", chart.columns[c].code, spoken_value(cell(row, c), format, language))));
      }
      text += " " + escape_markup(row.label) + ": " + sentence_list(parts);
    }
  } else {
    text += " " + escape_markup(words(language, "report_desc_all_in_table"));
  }
  return text;
}

}  // namespace

std::string heatmap(const Heatmap& given) {
  const Heatmap chart = with_defaults(given);
  const std::string id = sanitize_id(chart.text.id);
  const NumberFormat format = NumberFormat::share(chart.decimals);
  const std::size_t column_count = chart.columns.size();

  double row_label_width = 40;
  for (const HeatmapRow& row : chart.rows) {
    row_label_width = std::max(row_label_width, estimated_text_width(row.label, kFontSize));
  }
  row_label_width = std::min(row_label_width, kMaxRowLabelWidth);
  double heading_width = 0;
  for (const HeatmapColumn& column : chart.columns) {
    heading_width = std::max(heading_width, estimated_text_width(column.code, kSmallFontSize));
  }
  const double cell_width = std::max(kMinCellWidth, estimated_text_width(format_value(1.0, format), kSmallFontSize) + 14);
  const bool rotated = heading_width > cell_width - 8;
  const double shown_heading = std::min(heading_width, kMaxRotatedHeading);
  const double header_height = rotated ? shown_heading * 0.71 + 20 : 26;

  const double grid_left = kPadding + row_label_width + 12;
  const double grid_top = kPadding + header_height;
  const double grid_width = static_cast<double>(column_count) * cell_width;
  const double grid_height = static_cast<double>(chart.rows.size()) * kCellHeight;

  // The scale from the data (palette.hpp), and the legend: its five bins and the no-data
  // swatch, wrapped to the chart's width.
  double largest = 0;
  for (const HeatmapRow& row : chart.rows) {
    for (std::size_t c = 0; c < column_count; ++c) largest = std::max(largest, cell(row, c).value_or(0.0));
  }
  const HeatmapScale scale = heatmap_scale_for(largest);
  struct LegendItem {
    std::string fill;
    std::string label;
  };
  std::vector<LegendItem> legend;
  for (std::size_t b = 0; b < scale.labels.size(); ++b) {
    legend.push_back({std::string(heatmap_scale()[b].fill), scale.labels[b]});
  }
  legend.push_back({fmt::format("url(#{}-nodata)", id), chart.missing_label});
  double legend_width = 0;
  for (const LegendItem& item : legend) legend_width += 22 + estimated_text_width(item.label, kSmallFontSize) + 18;
  const double width = std::max({grid_left + grid_width + kPadding + (rotated ? shown_heading * 0.71 : 0.0),
                                 std::min(legend_width + 2 * kPadding, 720.0), 360.0});
  std::vector<std::pair<double, double>> legend_positions;
  double x = kPadding;
  double y = grid_top + grid_height + 18;
  for (const LegendItem& item : legend) {
    const double item_width = 22 + estimated_text_width(item.label, kSmallFontSize) + 18;
    if (x > kPadding && x + item_width > width - kPadding) {
      x = kPadding;
      y += 24;
    }
    legend_positions.emplace_back(x, y);
    x += item_width;
  }
  const double height = y + 18 + kPadding;

  std::string svg = open_chart(id, "heatmap", width, height, chart.text.title, describe(chart));
  svg += fmt::format(
      "<defs><pattern id=\"{}-nodata\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{}\" stroke-width=\"1.5\"/></pattern></defs>",
      id, kNoDataFill, kNoDataHatch);

  svg += "<g>";
  for (std::size_t c = 0; c < column_count; ++c) {
    const HeatmapColumn& column = chart.columns[c];
    const double centre = grid_left + (static_cast<double>(c) + 0.5) * cell_width;
    const std::string shown = fit_text(column.code, kSmallFontSize, rotated ? kMaxRotatedHeading : cell_width - 6);
    const std::string tooltip = shown != column.code || !column.name.empty()
                                    ? fmt::format("<title>{}</title>", column_markup(column, chart.text))
                                    : "";
    if (rotated) {
      svg += fmt::format(
          "<text x=\"{x}\" y=\"{y}\" text-anchor=\"start\" font-size=\"{s}\" fill=\"{f}\" "
          "transform=\"rotate(-45 {x} {y})\">{t}{c}</text>",
          fmt::arg("x", coordinate(centre - 2)), fmt::arg("y", coordinate(grid_top - 8)),
          fmt::arg("s", coordinate(kSmallFontSize)), fmt::arg("f", kTextColour), fmt::arg("t", tooltip),
          fmt::arg("c", escape_markup(shown)));
    } else {
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"{}\" "
                         "font-weight=\"600\">{}{}</text>",
                         coordinate(centre), coordinate(grid_top - 9), coordinate(kSmallFontSize), kTextColour, tooltip,
                         escape_markup(shown));
    }
  }
  svg += "</g>";

  svg += "<g>";
  for (std::size_t r = 0; r < chart.rows.size(); ++r) {
    const HeatmapRow& row = chart.rows[r];
    const double top = grid_top + static_cast<double>(r) * kCellHeight;
    svg += label_element(grid_left - 10, top + kCellHeight / 2 + 5, row.label, "end", kFontSize, row_label_width);
    for (std::size_t c = 0; c < column_count; ++c) {
      const auto value = cell(row, c);
      const double left = grid_left + static_cast<double>(c) * cell_width;
      const std::string fill =
          value ? std::string(scale.fill(*value)) : fmt::format("url(#{}-nodata)", id);
      const std::string_view text_colour = value ? readable_text_colour(fill) : kDarkText;
      svg += fmt::format("<g><title>{}, {}: {}</title>", escape_markup(row.label), column_markup(chart.columns[c], chart.text),
                         escape_markup(spoken_value(value, format, chart.text.language)));
      svg += rect_element(left, top, cell_width, kCellHeight, fill,
                          value ? "stroke=\"#ffffff\" stroke-width=\"2\" class=\"cell\""
                                : "stroke=\"#ffffff\" stroke-width=\"2\" class=\"cell no-data\"");
      svg += text_element(left + cell_width / 2, top + kCellHeight / 2 + 4.5, format_value(value, format), "middle",
                          kSmallFontSize, text_colour);
      svg += "</g>";
    }
  }
  svg += "</g>";

  svg += "<g>";
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const auto [item_x, item_y] = legend_positions[i];
    svg += rect_element(item_x, item_y, 16, 16, legend[i].fill, fmt::format("stroke=\"{}\"", kAxisColour));
    svg += text_element(item_x + 22, item_y + 12.5, legend[i].label, "start", kSmallFontSize, kTextColour);
  }
  svg += "</g></svg>";
  return svg;
}

}  // namespace trappa::report
