// The competence supply plan as the committee reads it (issue 19; docs/supply-plan.md,
// "The report"): one self-contained HTML document — title page, table of contents, the
// analysis with the key-figure and gap charts the pages draw (each with its table), the risk
// matrix, the activity table with each indicator's baseline → value → target and state, the
// follow-ups per checkpoint with their frozen values, and the previous period's activities with
// their last follow-up — and the same content as an XLSX workbook (supply_plan_workbook.hpp).
// The PDF is this HTML printed (app/printing): page size, page numbers ("Sida 3 av 12") and
// rows that never split across pages come from the document's own print CSS.
//
// Pure and thread-safe: everything live (indicator values, key figures, gap reports) is
// computed by the caller as the reader may see it, and passed in. Every text is escaped;
// every word the report adds comes from the catalogue in `language`.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/analytics/gap_query.hpp"
#include "core/base/date.hpp"
#include "core/supply_plan/supply_plan.hpp"
#include "core/workforce/key_figures.hpp"
#include "i18n/ui_text.hpp"

namespace trappa::report {

// An indicator's live value as the reader may see it.
struct LiveIndicator {
  std::optional<double> value{};  // none: cannot be computed now (or suppressed)
  bool suppressed = false;        // hidden for this reader by the small-group rule
};

// A live block of the analysis: what it shows, or why not.
enum class BlockState { kShown, kSuppressed, kAbsent };

struct SupplyPlanReport {
  const core::supply::SupplyPlan* plan = nullptr;  // required
  std::string unit_name{};                 // the plan unit's name; empty: its code
  core::Date today{};                      // shown statuses, indicator states, "Utskriven …"
  std::map<std::string, LiveIndicator> live{};  // by activity code; missing: no value
  // The previous period's plan (its activities and follow-ups), or null.
  const core::supply::SupplyPlan* previous = nullptr;
  // The key figures at analysis.key_figures_at for the plan's unit, hidden cells applied.
  const core::KeyFigures* key_figures = nullptr;
  BlockState key_figures_state = BlockState::kAbsent;
  // The gap report of analysis.round for the plan's unit, and of analysis.compare_round.
  const core::GapReport* gaps = nullptr;
  const core::GapReport* compare_gaps = nullptr;
  BlockState gaps_state = BlockState::kAbsent;
  i18n::Language language = i18n::Language::kSwedish;
};

// The whole HTML document (<!doctype html> …), UTF-8.
[[nodiscard]] std::string supply_plan_html(const SupplyPlanReport& report);

// How an indicator of `kind` is written for people: shares as percentages ("27,0 %"), counts
// grouped ("1 021"), hours and series with one decimal, maturity in per cent ("50,1 %").
[[nodiscard]] std::string format_indicator_value(std::string_view kind, std::optional<double> value);

// "31,0 % → 27,0 % → 20,0 %" (baseline → live value → target), the value "–" when missing
// and the catalogue's "dolt" when suppressed.
[[nodiscard]] std::string indicator_progress_text(const core::supply::Indicator& indicator, const LiveIndicator& live,
                                                  i18n::Language language);

}  // namespace trappa::report
