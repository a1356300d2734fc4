// The charts of a gap report (core/gap_query.hpp): the structs the generic chart functions
// draw, filled from the report with ids, titles and labels in the reader's language. The
// round overview (web/pages/analytics/overview_page.cpp) draws exactly these; callers may
// still adjust them (title, id, order) before drawing. Pure and thread-safe.
//
// A suppressed report (too few assessed people) gives charts whose values are all missing
// (and a status bar without parts), so they draw as "ingen uppgift" / "no data" rather than
// revealing anything. An area, competency or group hidden on its own is missing likewise.
#pragma once

#include "core/analytics/gap_query.hpp"
#include "i18n/ui_text.hpp"
#include "report/charts/charts.hpp"

namespace trappa::report {

enum class RoundSummary {
  kOmit,     // the description starts with the figures
  kInclude,  // it starts "Omgång 2025, överenskommen nivå." (and says so when suppressed)
};

// What every gap chart takes besides the report.
struct GapChartOptions {
  i18n::Language language = i18n::Language::kSwedish;
  // The earlier round's report for the same selection, drawn as the comparison bars of the
  // bar charts (matched by code); null: no comparison. Not owned; read during the call only.
  const core::GapReport* earlier = nullptr;
  RoundSummary summary = RoundSummary::kOmit;
  // The framework's language (a BCP 47 code) for the areas' and competencies' names, marked
  // where it is not `language` (ChartText::names_language). Empty: `language`.
  std::string names_language;
};

// Each builder's ChartText defaults: id and catalogue title below, summary per the options,
// the options' language. A non-empty id or title given by the caller is kept.
//
// Areas' and competencies' bars are labelled "code name" (the code alone when unnamed).

// People by assessment status (not started, self-assessed, conversation held, followed up).
// Id "status", title chart_status.
[[nodiscard]] StackedBar participation_by_status(const core::GapReport& report, const GapChartOptions& options,
                                                 ChartText text = {});

// Share of ratings below the expected level, per area. Id "behov", title chart_need_share.
[[nodiscard]] BarChart need_share_by_area(const core::GapReport& report, const GapChartOptions& options,
                                          ChartText text = {});

// Mean level per area on a fixed axis 0 … `top_level` (the framework's highest level), with
// the expected level as a reference line when given. Id "niva", title chart_mean_level.
[[nodiscard]] BarChart mean_level_by_area(const core::GapReport& report, double top_level,
                                          std::optional<double> expected_level, const GapChartOptions& options,
                                          ChartText text = {});

// Share of motivation answers of 4–5, per area. Id "motivation", title chart_motivation.
[[nodiscard]] BarChart high_motivation_by_area(const core::GapReport& report, const GapChartOptions& options,
                                               ChartText text = {});

// Share of ratings below the expected level, per competency. Id "delkompetenser", title
// chart_competencies.
[[nodiscard]] BarChart need_share_by_competency(const core::GapReport& report, const GapChartOptions& options,
                                                ChartText text = {});

// Need share per group (rows: the grouped report's groups, by name, else key) and competency
// (columns: its competencies, code and name); row heading "Enhet" / "Unit". Id "karta",
// title chart_heatmap. Comparison options are not used.
[[nodiscard]] Heatmap need_share_by_group(const core::GapReport& grouped, const GapChartOptions& options,
                                          ChartText text = {});

}  // namespace trappa::report
