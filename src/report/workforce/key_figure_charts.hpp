// The charts of the workforce key figures (core/workforce/key_figures.hpp), with ids, titles
// and labels in the reader's language: headcount over the three reference dates, the age
// pyramid, FTE per position and the coming retirements. The Nyckeltal page
// (web/pages/workforce/figures_page.cpp) and the supply plan's report draw exactly these.
// Cells the small-group rule hid (KeyFigures::hidden) are missing values, drawn and told as
// "ingen uppgift"; a position hidden in the current year is left out. Pure and thread-safe.
#pragma once

#include "core/workforce/key_figures.hpp"
#include "i18n/ui_text.hpp"
#include "report/charts/charts.hpp"

namespace trappa::report {

struct KeyFigureCharts {
  LineChart headcount;   // id "kf-headcount": all, permanent, temporary per reference date
  Pyramid age;           // id "kf-age": women and men per age band ("0–29", …, "60 och äldre")
  BarChart positions;    // id "kf-positions": FTE per position, the year before as comparison
  BarChart retirements;  // id "kf-retirements": people reaching the retirement age per year
};

[[nodiscard]] KeyFigureCharts key_figure_charts(const core::KeyFigures& figures, i18n::Language language);

// An age band's label as people and spreadsheets read it: "-29" → "0–29", "60-" → "60 och
// äldre" / "60 and older", "30-39" → "30–39" (docs/formats.md).
[[nodiscard]] std::string age_band_label(std::string_view band, i18n::Language language);

}  // namespace trappa::report
