// Charts of a gap report (core/gap_query.hpp), ready for the round pages: the structs the
// generic chart functions draw, filled from the report with Swedish labels. Callers may
// still adjust them (title, id, order) before drawing. Pure and thread-safe.
//
// A suppressed report (too few assessed people) gives charts whose values are all missing,
// so they draw as "ingen uppgift" rather than revealing anything.
#pragma once

#include <optional>

#include "core/analytics/gap_query.hpp"
#include "report/charts/charts.hpp"

namespace trappa::report {

// Share of ratings with a need, per area; with a comparison, the earlier round's share as
// the comparison bar (current − percentage-point change).
[[nodiscard]] BarChart need_share_by_area(const core::GapReport& report,
                                          const std::optional<core::GapComparison>& comparison, ChartText text);

// Mean level per area on a fixed axis 0 … `top_level` (the framework's highest level),
// with the expected level as a reference line when given.
[[nodiscard]] BarChart mean_level_by_area(const core::GapReport& report, double top_level,
                                          std::optional<double> expected_level, ChartText text);

// People by assessment status: Ej påbörjad, Självskattad, Samtal genomfört, Uppföljd.
[[nodiscard]] StackedBar participation_by_status(const core::GapReport& report, ChartText text);

// Need share per group (rows: the report's groups) and competency (columns: the report's
// competencies, code and name). A suppressed group's row is all missing.
[[nodiscard]] Heatmap need_share_by_group(const core::GapReport& report, ChartText text);

}  // namespace trappa::report
