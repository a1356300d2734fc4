// The colours of the charts and the rules that pick them.
//
// Every palette is safe for the common colour-vision deficiencies: sequential scales vary
// in lightness (one hue, blue), and categorical colours come from the Okabe–Ito set, which
// stays apart under protanopia, deuteranopia and tritanopia. Colour never carries meaning
// alone: bars carry their value as text, lines carry a marker shape and a direct label.
//
// Text drawn on a coloured area takes readable_text_colour(fill), the darker or lighter of
// two text colours that contrasts more; every fill used under text has ≥ 4.5:1 (WCAG 2.1
// AA for normal text), which the tests check for every colour listed here.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace trappa::report {

inline constexpr std::string_view kDarkText = "#1a1a1a";
inline constexpr std::string_view kLightText = "#ffffff";

// WCAG 2.1 relative luminance of "#rrggbb" (0 black … 1 white); nullopt for other text.
[[nodiscard]] std::optional<double> relative_luminance(std::string_view hex_colour);
// WCAG 2.1 contrast ratio (1 … 21) of two "#rrggbb" colours; nullopt if either is malformed.
[[nodiscard]] std::optional<double> contrast_ratio(std::string_view first, std::string_view second);
// kDarkText or kLightText, whichever contrasts more with `fill`.
[[nodiscard]] std::string_view readable_text_colour(std::string_view fill);

// The heatmap's scale: five bins of a share, lightest for the lowest. A share s (0–1)
// falls in bin b when its percentage rounded as shown ("29 %") is in [20·b, 20·b + 19],
// the last bin taking 80–100 % (and anything above).
struct ScaleBin {
  std::string_view fill;
  std::string_view label;  // "0–19 %" … "80–100 %"
};
[[nodiscard]] std::span<const ScaleBin> heatmap_scale();
[[nodiscard]] std::size_t heatmap_bin(double share);

// The heatmap's scale chosen from the data, so that shares of 0–13 % do not all fall in the
// lightest fifth of 0–100 %: the five fills of heatmap_scale() over 0 … `top`, `top` being the
// first of 5, 10, 15, 20, 25, 30, 40, 50, 60, 80 and 100 % at or above the largest share
// (rounded as shown). Bin b holds the shown percentages from b·top/5 to just below
// (b+1)·top/5; the last also holds `top` and anything above it.
struct HeatmapScale {
  int top_percent = 100;
  int step_percent = 20;
  std::vector<std::string> labels;  // "0–2 %", "3–5 %", …, "12–15 %"
  [[nodiscard]] std::size_t bin(double share) const;
  [[nodiscard]] std::string_view fill(double share) const { return heatmap_scale()[bin(share)].fill; }
};
[[nodiscard]] HeatmapScale heatmap_scale_for(double largest_share);

// The fill and hatch of a cell with no value (missing or suppressed).
inline constexpr std::string_view kNoDataFill = "#f5f7fa";
inline constexpr std::string_view kNoDataHatch = "#a9b4bf";

// Bars: the current value, a comparison (such as the previous round), a reference line.
inline constexpr std::string_view kBarFill = "#1f5f8b";
inline constexpr std::string_view kComparisonFill = "#8795a3";
inline constexpr std::string_view kReferenceColour = "#b35c00";

// Population pyramid: women and men.
inline constexpr std::string_view kWomenFill = "#b35c00";
inline constexpr std::string_view kMenFill = "#1f5f8b";

// Parts of a stacked bar, in order (an ordered progression: light to dark, grey first).
[[nodiscard]] std::span<const std::string_view> stacked_palette();

// Line series: Okabe–Ito colours (darkened where needed for 3:1 against white) and one
// marker shape per series, so lines differ without colour.
enum class MarkerShape { kCircle, kSquare, kTriangle, kDiamond, kCross };
struct SeriesStyle {
  std::string_view colour;
  MarkerShape marker;
  std::string_view dash;  // stroke-dasharray, "" for a solid line
};
[[nodiscard]] std::span<const SeriesStyle> series_styles();

}  // namespace trappa::report
