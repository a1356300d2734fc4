// The words a chart falls back on when the caller leaves a label empty (a legend, a table
// heading), in the chart's language: one place, so a chart and its table always agree.
// Pure and thread-safe.
#pragma once

#include "report/charts/charts.hpp"

namespace trappa::report::detail {

// A copy of the chart with every empty label filled from the i18n catalogue in
// chart.text.language. The caller's own texts are kept as they are. A bar chart's
// comparison and reference labels stay empty when empty (the chart words those itself).
[[nodiscard]] BarChart with_defaults(BarChart chart);
[[nodiscard]] StackedBar with_defaults(StackedBar chart);
[[nodiscard]] Heatmap with_defaults(Heatmap chart);
[[nodiscard]] Pyramid with_defaults(Pyramid chart);
[[nodiscard]] LineChart with_defaults(LineChart chart);

}  // namespace trappa::report::detail
