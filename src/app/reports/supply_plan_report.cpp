#include "app/reports/supply_plan_report.hpp"

#include <memory>

#include "app/published/snapshot_loader.hpp"
#include "app/supply_plan/supply_plan_use_case.hpp"
#include "core/analytics/gap_disclosure.hpp"
#include "core/analytics/gap_query.hpp"
#include "core/org/unit_tree.hpp"
#include "core/workforce/key_figure_disclosure.hpp"
#include "core/workforce/key_figures.hpp"
#include "report/supply_plan/supply_plan_report.hpp"
#include "report/supply_plan/supply_plan_workbook.hpp"
#include "store/org/organisation_store.hpp"
#include "store/workforce/employment_store.hpp"

namespace trappa::app {

namespace {

using report::BlockState;

// A block of the analysis as the reader may see it.
template <typename Figures>
struct Block {
  std::optional<Figures> figures;
  BlockState state = BlockState::kAbsent;
};

// The key figures at `at` for `unit`: as Nyckeltal shows them to this reader.
core::Result<Block<core::KeyFigures>> key_figures_block(store::Store& store, const std::vector<core::Unit>& units,
                                                        const std::string& unit, core::Date at,
                                                        const BindingViewer& viewer) {
  ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
  ASSIGN_OR_RETURN(auto employments, store.employments().load_employments());
  core::KeyFigureQuery query;
  query.at = at;
  query.unit_code = unit;
  auto figures = core::compute_key_figures(people, employments, units, query);
  if (!figures) {
    if (figures.error().kind == core::ErrorKind::kNotFound) return Block<core::KeyFigures>{};
    return std::unexpected(figures.error());
  }
  if (figures->headcount[0].all.total() == 0) return Block<core::KeyFigures>{};
  if (viewer.min_group > 0) {
    const core::UnitTree tree = core::UnitTree::build(units);
    const auto decision = core::KeyFigureDisclosure::decide(people, employments, tree, at, viewer.min_group);
    if (!decision.published(unit)) return Block<core::KeyFigures>{std::nullopt, BlockState::kSuppressed};
    core::hide_small_cells(*figures, decision);
  }
  return Block<core::KeyFigures>{std::move(*figures), BlockState::kShown};
}

// The gap report of `round` for `unit`: as Översikt shows it to this reader. Absent when the
// store has no such round.
core::Result<Block<core::GapReport>> gaps_block(store::Store& store, const OrganisationData& organisation,
                                                const std::string& round, const std::string& unit,
                                                const BindingViewer& viewer) {
  auto snapshot = load_gap_snapshot(store, round, organisation);
  if (!snapshot) {
    if (snapshot.error().kind == core::ErrorKind::kNotFound) return Block<core::GapReport>{};
    return std::unexpected(snapshot.error());
  }
  core::GapQuery query;
  query.unit = unit;
  std::shared_ptr<const core::GapDisclosure> disclosure;
  if (viewer.min_group > 0) {
    disclosure = core::GapDisclosure::build(**snapshot, viewer.min_group);
    query.min_group = viewer.min_group;
    query.disclosure = disclosure.get();
  }
  auto result = core::run_gap_query(**snapshot, query);
  if (!result) {
    if (result.error().kind == core::ErrorKind::kNotFound) return Block<core::GapReport>{};
    return std::unexpected(result.error());
  }
  const BlockState state = result->suppressed ? BlockState::kSuppressed : BlockState::kShown;
  return Block<core::GapReport>{std::move(*result), state};
}

}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view code) {
  if (code == "html") return ReportFormat::kHtml;
  if (code == "pdf") return ReportFormat::kPdf;
  if (code == "xlsx") return ReportFormat::kXlsx;
  return std::nullopt;
}

core::Result<std::string> supply_plan_report(store::Store& store, const SupplyPlanReportRequest& request) {
  ASSIGN_OR_RETURN(LiveSupplyPlan shown, show_supply_plan(store, request.plan_id, request.today, request.viewer));
  const core::supply::SupplyPlan& plan = shown.plan;

  std::optional<core::supply::SupplyPlan> previous;
  if (!plan.previous.empty()) {
    auto loaded = load_supply_plan(store, plan.previous);
    if (loaded) {
      previous = std::move(*loaded);
    } else if (loaded.error().kind != core::ErrorKind::kNotFound) {
      return std::unexpected(loaded.error());
    }
  }

  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  std::string unit_name;
  for (const core::Unit& unit : units) {
    if (unit.code == plan.unit) unit_name = unit.name;
  }

  Block<core::KeyFigures> key_figures;
  if (plan.analysis.key_figures_at) {
    ASSIGN_OR_RETURN(key_figures, key_figures_block(store, units, plan.unit, *plan.analysis.key_figures_at, request.viewer));
  }
  Block<core::GapReport> gaps;
  Block<core::GapReport> compare_gaps;
  if (!plan.analysis.round.empty()) {
    ASSIGN_OR_RETURN(const OrganisationData organisation, load_organisation(store));
    ASSIGN_OR_RETURN(gaps, gaps_block(store, organisation, plan.analysis.round, plan.unit, request.viewer));
    if (!plan.analysis.compare_round.empty()) {
      ASSIGN_OR_RETURN(compare_gaps,
                       gaps_block(store, organisation, plan.analysis.compare_round, plan.unit, request.viewer));
    }
  }

  report::SupplyPlanReport view;
  view.plan = &plan;
  view.unit_name = unit_name;
  view.today = request.today;
  for (const auto& [code, live] : shown.live) view.live[code] = {live.value, live.suppressed};
  view.previous = previous ? &*previous : nullptr;
  view.key_figures = key_figures.figures ? &*key_figures.figures : nullptr;
  view.key_figures_state = key_figures.state;
  view.gaps = gaps.figures ? &*gaps.figures : nullptr;
  view.compare_gaps = compare_gaps.state == BlockState::kShown ? &*compare_gaps.figures : nullptr;
  view.gaps_state = gaps.state;
  view.language = request.language;

  switch (request.format) {
    case ReportFormat::kXlsx: return report::supply_plan_xlsx(view);
    case ReportFormat::kPdf: return print_html_to_pdf(report::supply_plan_html(view), request.pdf);
    case ReportFormat::kHtml: break;
  }
  return report::supply_plan_html(view);
}

}  // namespace trappa::app
