// The competence supply plan's report for the committee (issue 19; docs/supply-plan.md, "The
// report"): gathers what the document shows for one reader — the plan with each indicator's
// live value (app/supply_plan), the previous period's plan, the key figures at
// analysis.key_figures_at and the gap reports of analysis.round and analysis.compare_round for
// the plan's unit — and renders it (report/supply_plan) as HTML, as PDF (app/printing) or as
// XLSX. A reader under the small-group rule (viewer.min_group > 0) gets every block as the
// pages would show it: suppressed values as "dolt", key figures and gaps through the same
// decisions as Nyckeltal and Översikt. Used by `trappa report plan` and the plan's page.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/printing/html_to_pdf.hpp"
#include "app/supply_plan/indicator_bindings.hpp"
#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "i18n/ui_text.hpp"
#include "store/store.hpp"

namespace trappa::app {

enum class ReportFormat { kHtml, kPdf, kXlsx };

// "html", "pdf", "xlsx".
[[nodiscard]] std::optional<ReportFormat> parse_report_format(std::string_view code);

struct SupplyPlanReportRequest {
  std::string plan_id;
  core::Date today{};  // the shown statuses, indicator states and the printed date
  BindingViewer viewer{};
  i18n::Language language = i18n::Language::kSwedish;
  ReportFormat format = ReportFormat::kHtml;
  PdfPrintSettings pdf{};
};

// The document's bytes. kNotFound for an unknown plan; a previous plan that is not stored, a
// round or date the store has no data for leave their block out (said so in the document).
[[nodiscard]] core::Result<std::string> supply_plan_report(store::Store& store, const SupplyPlanReportRequest& request);

}  // namespace trappa::app
