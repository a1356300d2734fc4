// Age bands by gender: women to the left, men to the right of a centre column of band
// labels, the oldest band at the top. Both halves share one scale. Gender X is too small a
// group to draw without identifying people; it is stated in words and in the table.
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
constexpr double kCentreWidth = 104;  // room for "60 och äldre"
constexpr double kRowHeight = 30;
constexpr double kBarHeight = 20;
constexpr double kHeaderHeight = 30;

double amount(const std::optional<double>& value) { return value && std::isfinite(*value) && *value > 0 ? *value : 0.0; }

struct Totals {
  double women = 0;
  double men = 0;
  double other = 0;
  // Some band of the half has no value (hidden as too few, or missing): its total adds up
  // only the cells shown, and says so.
  bool women_partial = false;
  bool men_partial = false;
};

Totals totals_of(const Pyramid& chart) {
  Totals totals;
  for (const PyramidBand& band : chart.bands) {
    totals.women += amount(band.women);
    totals.men += amount(band.men);
    totals.other += amount(band.other);
    totals.women_partial = totals.women_partial || !band.women.has_value();
    totals.men_partial = totals.men_partial || !band.men.has_value();
  }
  return totals;
}

// "Kvinnor 6", or "Kvinnor 6 (bara visade)" when the half's total leaves hidden cells out.
std::string half_heading(const Pyramid& chart, const std::string& label, double total, bool partial) {
  const std::string value = format_value(total, chart.format);
  if (!partial) return fmt::format("{} {}", label, value);
  return sentence(chart.text.language, "report_pyramid_shown_total", {{"label", label}, {"value", value}});
}

std::string describe(const Pyramid& chart) {
  const i18n::Language language = chart.text.language;
  const Totals totals = totals_of(chart);
  std::string text;
  if (!chart.text.summary.empty()) text = chart.text.summary + " ";
  text += sentence(language, "report_pyramid_desc",
                   {{"n", std::to_string(chart.bands.size())},
                    {"left", lower_first(chart.women_label)},
                    {"right", lower_first(chart.men_label)}});
  text += " " + sentence(language, "report_pyramid_totals",
                         {{"total", format_value(totals.women + totals.men + totals.other, chart.format)},
                          {"women", format_value(totals.women, chart.format) + " " + lower_first(chart.women_label)},
                          {"men", format_value(totals.men, chart.format) + " " + lower_first(chart.men_label)}});
  if (totals.other > 0) {
    text += sentence(language, "report_pyramid_totals_other",
                     {{"other", format_value(totals.other, chart.format) + " " + lower_first(chart.other_label)}});
  }
  text += ".";
  if (totals.women_partial || totals.men_partial) text += " " + words(language, "report_pyramid_partial_note");

  const PyramidBand* largest = nullptr;
  bool largest_women = true;
  for (const PyramidBand& band : chart.bands) {
    for (const bool women : {true, false}) {
      const double value = amount(women ? band.women : band.men);
      if (value > 0 && (!largest || value > amount(largest_women ? largest->women : largest->men))) {
        largest = &band;
        largest_women = women;
      }
    }
  }
  if (largest) {
    text += " " + sentence(language, "report_pyramid_largest",
                           {{"group", lower_first(largest_women ? chart.women_label : chart.men_label)},
                            {"band", largest->label},
                            {"value", format_value(largest_women ? largest->women : largest->men, chart.format)}});
  }
  for (const PyramidBand& band : chart.bands) {
    std::string line = fmt::format(" {}: {} {}, {} {}", band.label, lower_first(chart.women_label),
                                   spoken_value(band.women, chart.format, language), lower_first(chart.men_label),
                                   spoken_value(band.men, chart.format, language));
    if (band.other && amount(band.other) > 0) {
      line += fmt::format(", {} {}", lower_first(chart.other_label), spoken_value(band.other, chart.format, language));
    }
    text += line + ".";
  }
  return text;
}

}  // namespace

std::string population_pyramid(const Pyramid& given) {
  const Pyramid chart = with_defaults(given);
  const std::string id = sanitize_id(chart.text.id);
  const Totals totals = totals_of(chart);
  double largest = 0;
  double value_width = estimated_text_width("000", kSmallFontSize);
  for (const PyramidBand& band : chart.bands) {
    largest = std::max({largest, amount(band.women), amount(band.men)});
    value_width = std::max({value_width, estimated_text_width(format_value(band.women, chart.format), kSmallFontSize),
                            estimated_text_width(format_value(band.men, chart.format), kSmallFontSize)});
  }
  const Ticks ticks = nice_ticks(largest > 0 ? largest : 1, 3);
  const double centre_left = (kWidth - kCentreWidth) / 2;
  const double centre_right = centre_left + kCentreWidth;
  const double bar_space = centre_left - kPadding - value_width - 8;
  const auto length_of = [&](const std::optional<double>& value) { return amount(value) / ticks.end * bar_space; };

  const double top = kPadding + kHeaderHeight;
  const double plot_height = static_cast<double>(std::max<std::size_t>(chart.bands.size(), 1)) * kRowHeight;
  const double axis_y = top + plot_height;
  const bool note_other = totals.other > 0;
  const double height = axis_y + 26 + (note_other ? 24 : 0) + kPadding;

  std::string svg = open_chart(id, "pyramid", kWidth, height, chart.text.title, escape_markup(describe(chart)));

  // Headings: each half named with its total, a colour swatch beside it.
  svg += rect_element(centre_left - 14, kPadding + 4, 14, 14, kWomenFill);
  svg += text_element(centre_left - 20, kPadding + 16,
                      half_heading(chart, chart.women_label, totals.women, totals.women_partial), "end", kFontSize,
                      kTextColour, "font-weight=\"600\"");
  svg += rect_element(centre_right, kPadding + 4, 14, 14, kMenFill);
  svg += text_element(centre_right + 20, kPadding + 16,
                      half_heading(chart, chart.men_label, totals.men, totals.men_partial), "start", kFontSize,
                      kTextColour, "font-weight=\"600\"");

  svg += "<g>";
  const NumberFormat tick_labels = tick_format(chart.format.kind, ticks.step);
  for (double value : tick_values(0, ticks.end, ticks.step)) {
    const double offset = value / ticks.end * bar_space;
    const std::string_view colour = value == 0 ? kAxisColour : kGridColour;
    svg += line_element(centre_left - offset, top, centre_left - offset, axis_y, colour, 1);
    svg += line_element(centre_right + offset, top, centre_right + offset, axis_y, colour, 1);
    const std::string label = format_value(value, tick_labels);
    svg += text_element(centre_left - offset, axis_y + 18, label, "middle", kSmallFontSize, kMutedText);
    svg += text_element(centre_right + offset, axis_y + 18, label, "middle", kSmallFontSize, kMutedText);
  }
  svg += "</g>";

  svg += "<g>";
  for (std::size_t i = 0; i < chart.bands.size(); ++i) {
    const PyramidBand& band = chart.bands[chart.bands.size() - 1 - i];  // oldest at the top
    const double row_top = top + static_cast<double>(i) * kRowHeight + (kRowHeight - kBarHeight) / 2;
    const double baseline = row_top + kBarHeight / 2 + 5;
    svg += label_element(kWidth / 2, baseline, band.label, "middle", kFontSize, kCentreWidth - 8);
    const double women = length_of(band.women);
    const double men = length_of(band.men);
    svg += rect_element(centre_left - women, row_top, women, kBarHeight, kWomenFill, "class=\"bar-women\"");
    svg += rect_element(centre_right, row_top, men, kBarHeight, kMenFill, "class=\"bar-men\"");
    svg += text_element(centre_left - women - 6, baseline, format_value(band.women, chart.format), "end", kSmallFontSize,
                        kTextColour);
    svg += text_element(centre_right + men + 6, baseline, format_value(band.men, chart.format), "start", kSmallFontSize,
                        kTextColour);
  }
  svg += "</g>";

  if (note_other) {
    svg += text_element(kWidth / 2, axis_y + 44,
                        sentence(chart.text.language, "report_pyramid_other_note",
                                 {{"label", chart.other_label}, {"value", format_value(totals.other, chart.format)}}),
                        "middle", kSmallFontSize, kMutedText);
  }
  svg += "</svg>";
  return svg;
}

}  // namespace trappa::report
