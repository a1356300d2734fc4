// The contrast checks compute WCAG 2.1 contrast here, independently of palette.cpp, so a
// mistake in the library's formula cannot hide a failing colour.
#include "report/charts/palette.hpp"

#include <cmath>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace trappa::report {
namespace {

double channel(std::string_view hex, int index) {
  const int value = std::stoi(std::string(hex.substr(1 + 2 * index, 2)), nullptr, 16);
  const double c = value / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(std::string_view hex) {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

double contrast(std::string_view a, std::string_view b) {
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(Contrast, matches_the_wcag_reference_values) {
  EXPECT_NEAR(contrast("#000000", "#ffffff"), 21.0, 1e-9);
  EXPECT_NEAR(*contrast_ratio("#000000", "#ffffff"), 21.0, 1e-9);
  EXPECT_NEAR(*contrast_ratio("#777777", "#ffffff"), 4.48, 0.01);
  EXPECT_FALSE(contrast_ratio("red", "#ffffff"));
  EXPECT_FALSE(contrast_ratio("#12345g", "#ffffff"));
}

TEST(HeatmapScale, text_on_every_bin_has_at_least_4_5_to_1_contrast) {
  for (const ScaleBin& bin : heatmap_scale()) {
    const std::string_view text = readable_text_colour(bin.fill);
    EXPECT_GE(contrast(text, bin.fill), 4.5) << bin.fill << " with " << text;
  }
}

TEST(HeatmapScale, gets_darker_bin_by_bin_so_order_reads_without_hue) {
  const auto scale = heatmap_scale();
  for (std::size_t i = 1; i < scale.size(); ++i) {
    EXPECT_LT(luminance(scale[i].fill), luminance(scale[i - 1].fill)) << scale[i].fill;
  }
}

TEST(HeatmapScale, bins_follow_the_shown_percentage) {
  struct Case {
    double share;
    std::size_t bin;
  };
  for (const Case c : {Case{0, 0}, Case{0.194, 0}, Case{0.196, 1}, Case{0.2, 1}, Case{0.39, 1}, Case{0.4, 2},
                       Case{0.6, 3}, Case{0.79, 3}, Case{0.8, 4}, Case{1, 4}, Case{1.5, 4}, Case{-0.2, 0}}) {
    EXPECT_EQ(heatmap_bin(c.share), c.bin) << c.share;
  }
}

TEST(StackedPalette, text_on_every_part_has_at_least_4_5_to_1_contrast) {
  for (const std::string_view fill : stacked_palette()) {
    EXPECT_GE(contrast(readable_text_colour(fill), fill), 4.5) << fill;
  }
}

TEST(SeriesStyles, line_colours_are_readable_as_text_on_white_and_all_differ) {
  const auto styles = series_styles();
  for (std::size_t i = 0; i < styles.size(); ++i) {
    EXPECT_GE(contrast(styles[i].colour, "#ffffff"), 4.5) << styles[i].colour;
    for (std::size_t j = 0; j < i; ++j) {
      EXPECT_NE(styles[i].marker, styles[j].marker);
      EXPECT_NE(styles[i].colour, styles[j].colour);
    }
  }
}

TEST(ChartColours, bars_and_reference_stand_out_from_white_by_3_to_1) {
  for (const std::string_view fill : {kBarFill, kComparisonFill, kWomenFill, kMenFill}) {
    EXPECT_GE(contrast(fill, "#ffffff"), 3.0) << fill;
  }
  EXPECT_GE(contrast(kReferenceColour, "#ffffff"), 4.5);  // its label is text
  EXPECT_GE(contrast(kDarkText, kNoDataFill), 4.5);
  EXPECT_GE(contrast(kDarkText, kNoDataHatch), 4.5);
}

}  // namespace
}  // namespace trappa::report
