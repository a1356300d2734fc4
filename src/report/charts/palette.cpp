#include "report/charts/palette.hpp"

#include <algorithm>
#include <cmath>

namespace trappa::report {

namespace {

std::optional<int> hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

double linear_channel(int value) {
  const double c = value / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

constexpr std::array<ScaleBin, 5> kHeatmapScale{{
    {"#e3edf7", "0–19\u00a0%"},
    {"#c7dcee", "20–39\u00a0%"},
    {"#8dbbdc", "40–59\u00a0%"},
    {"#2f6f9f", "60–79\u00a0%"},
    {"#0b3d6e", "80–100\u00a0%"},
}};

constexpr std::array<std::string_view, 6> kStackedPalette{
    "#d9dee3", "#a9cbe5", "#5b9bd0", "#2f6f9f", "#0b3d6e", "#06223d",
};

constexpr std::array<SeriesStyle, 5> kSeriesStyles{{
    {"#0072b2", MarkerShape::kCircle, ""},
    {"#b35200", MarkerShape::kSquare, "6 4"},
    {"#007a5a", MarkerShape::kTriangle, ""},
    {"#a1487d", MarkerShape::kDiamond, "2 3"},
    {"#3d4852", MarkerShape::kCross, "8 3 2 3"},
}};

}  // namespace

std::optional<double> relative_luminance(std::string_view hex_colour) {
  if (hex_colour.size() != 7 || hex_colour[0] != '#') return std::nullopt;
  std::array<int, 3> channels{};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto high = hex_digit(hex_colour[1 + 2 * i]);
    const auto low = hex_digit(hex_colour[2 + 2 * i]);
    if (!high || !low) return std::nullopt;
    channels[i] = *high * 16 + *low;
  }
  return 0.2126 * linear_channel(channels[0]) + 0.7152 * linear_channel(channels[1]) +
         0.0722 * linear_channel(channels[2]);
}

std::optional<double> contrast_ratio(std::string_view first, std::string_view second) {
  const auto a = relative_luminance(first);
  const auto b = relative_luminance(second);
  if (!a || !b) return std::nullopt;
  return (std::max(*a, *b) + 0.05) / (std::min(*a, *b) + 0.05);
}

std::string_view readable_text_colour(std::string_view fill) {
  const double dark = contrast_ratio(fill, kDarkText).value_or(0);
  const double light = contrast_ratio(fill, kLightText).value_or(0);
  return dark >= light ? kDarkText : kLightText;
}

std::span<const ScaleBin> heatmap_scale() { return kHeatmapScale; }

std::size_t heatmap_bin(double share) {
  if (!std::isfinite(share) || share <= 0) return 0;
  const double percent = std::round(share * 100.0);
  return std::min<std::size_t>(kHeatmapScale.size() - 1, static_cast<std::size_t>(percent / 20.0));
}

std::size_t HeatmapScale::bin(double share) const {
  if (!std::isfinite(share) || share <= 0) return 0;
  const double percent = std::round(share * 100.0);
  return std::min<std::size_t>(kHeatmapScale.size() - 1, static_cast<std::size_t>(percent / step_percent));
}

HeatmapScale heatmap_scale_for(double largest_share) {
  static constexpr std::array<int, 11> kTops{5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100};
  const double largest_percent = std::isfinite(largest_share) ? std::round(largest_share * 100.0) : 100.0;
  HeatmapScale scale;
  scale.top_percent = 100;
  for (int top : kTops) {
    if (largest_percent <= top) {
      scale.top_percent = top;
      break;
    }
  }
  const int bins = static_cast<int>(kHeatmapScale.size());
  scale.step_percent = scale.top_percent / bins;
  for (int b = 0; b < bins; ++b) {
    const int from = b * scale.step_percent;
    const int to = b + 1 == bins ? scale.top_percent : (b + 1) * scale.step_percent - 1;
    scale.labels.push_back(std::to_string(from) + "–" + std::to_string(to) + "\u00a0%");
  }
  return scale;
}

std::span<const std::string_view> stacked_palette() { return kStackedPalette; }

std::span<const SeriesStyle> series_styles() { return kSeriesStyles; }

}  // namespace trappa::report
