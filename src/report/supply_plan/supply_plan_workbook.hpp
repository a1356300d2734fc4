// The competence supply plan as an XLSX workbook (libxlsxwriter through io/xlsx), for the
// committee's and HR's own spreadsheets (docs/supply-plan.md, "The report"):
//   - "Aktiviteter": one row per activity — goal, code, title, UBARA, target date, responsible,
//     shown status, indicator kind, baseline, value now, target, state — then, for every
//     checkpoint the plan was followed up at (oldest first), its status, frozen value and
//     comment. Indicator numbers are numbers as the plan stores them (shares as fractions 0–1).
//   - "Nyckeltal": the key figures at analysis.key_figures_at, as `trappa figures --format
//     csv` writes them (one row per figure, date, group and measure).
//   - "Kompetensgap": the gap report of analysis.round per competency, with the comparison
//     round's changes, as `trappa analyze gaps --compare --format xlsx` writes it.
// A block that is absent or suppressed for the reader gives a sheet that says so in its one
// cell. Sheet names and headers are in the report's language. Pure and thread-safe.
#pragma once

#include <string>

#include "core/base/result.hpp"
#include "report/supply_plan/supply_plan_report.hpp"

namespace trappa::report {

[[nodiscard]] core::Result<std::string> supply_plan_xlsx(const SupplyPlanReport& report);

}  // namespace trappa::report
