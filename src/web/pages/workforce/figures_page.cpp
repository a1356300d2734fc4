// Nyckeltal: the workforce key figures of docs/key-figures.md for a date and a unit, as
// charts with their tables and CSV files, and the same JSON as `trappa figures` at
// /api/v1/figures. HR and administrators see every unit of their scope in full; observers
// and (with --manager-overview) managers see them through the small-group rule of
// core/key_figure_disclosure.hpp: a unit's set only when the rule shows it, and small cells
// inside it hidden.
#include <spdlog/spdlog.h>

#include <chrono>

#include "core/workforce/key_figure_disclosure.hpp"
#include "core/workforce/key_figures.hpp"
#include "i18n/ui_text.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/exports/key_figures_json.hpp"
#include "report/charts/charts.hpp"
#include "report/charts/data_table.hpp"
#include "report/workforce/key_figure_charts.hpp"
#include "web/pages/workforce/forecast_view.hpp"
#include "web/pages/workforce/workforce_routes.hpp"
#include "web/ui/download.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/parameter_problem.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

struct FiguresRequest {
  core::KeyFigureQuery query;
  std::vector<ParameterProblem> problems;  // in the reader's language, and in English for the API
};

// Key figures are read "per 31 December" in the yearly plans: the default date is the last
// day of the previous year.
core::Date default_reference_date(const core::Clock& clock) {
  const core::Date today = clock.today();
  return core::Date(today.year() - std::chrono::years(1), std::chrono::December, std::chrono::day(31));
}

// Reads at/from/enhet (or unit)/retirement_age from the query string, within the viewer's scope.
FiguresRequest read_request(const AppContext& app, const PageRequest& page) {
  FiguresRequest parsed;
  parsed.query.at = default_reference_date(*app.options.clock);
  if (const std::string at = query_value(page.request, "at"); !at.empty()) {
    if (auto date = core::parse_iso_date(at)) parsed.query.at = *date;
    else parsed.problems.push_back(not_a_date(page, "at", "figures_date", at));
  }
  if (const std::string from = query_value(page.request, "from"); !from.empty()) {
    if (auto date = core::parse_iso_date(from)) parsed.query.from = *date;
    else parsed.problems.push_back(not_a_date(page, "from", "param_from", from));
  }
  std::string unit = query_value(page.request, "enhet");
  if (unit.empty()) unit = query_value(page.request, "unit");
  const std::string scope = page.viewer->aggregate_scope();
  if (unit.empty()) unit = scope;
  if (!unit.empty()) {
    if (!app.directory->tree().index_of(unit)) {
      parsed.problems.push_back(unknown_unit(page, "unit", unit));
    } else if (!scope.empty() && !app.directory->unit_in_subtree(unit, scope)) {
      parsed.problems.push_back(unit_outside_scope(page, "unit", unit));
    }
  }
  parsed.query.unit_code = unit;
  if (const std::string age = query_value(page.request, "retirement_age"); !age.empty()) {
    try {
      parsed.query.retirement_age = std::stoi(age);
    } catch (const std::exception&) {
      parsed.problems.push_back(not_a_whole_number(page, "retirement_age", "param_retirement_age", age));
    }
  }
  return parsed;
}

// What core::compute_key_figures would refuse, checked first for the pages (so that they can
// say it in the reader's language) and for the API (so that it names its own parameters).
void check_for_page(const PageRequest& page, FiguresRequest& request) {
  if (!request.problems.empty()) return;
  const core::KeyFigureQuery& query = request.query;
  if (query.from && *query.from > query.at) {
    request.problems.push_back(parameter_problem(page, "from", "param_from", "problem_from_after_at",
                                                 {{"from", core::to_iso(*query.from)}, {"at", core::to_iso(query.at)}},
                                                 core::to_iso(*query.from) + " is after " + core::to_iso(query.at)));
  }
  if (query.retirement_age < 40 || query.retirement_age > 100) {
    request.problems.push_back(out_of_range(page, "retirement_age", "param_retirement_age", 40, 100));
  }
}

// The figures as the viewer may see them: `suppressed` when the small-group rule hides the
// unit's whole set from this viewer; otherwise the figures, with small cells hidden for
// suppressed viewers. The inputs are in memory (app/published/key_figure_inputs.hpp): no
// store work on the I/O thread. The rule is decided for every unit at the date once and kept,
// a pure function of the data, so every view (page, CSV, API) agrees.
struct ViewerFigures {
  core::KeyFigures figures;
  bool suppressed = false;
};

// nullopt when the figures still have to be computed and no slot is free (app.figure_gate):
// the caller answers 429 with Retry-After: 1. Kept figures and decisions need no slot.
core::Result<std::optional<ViewerFigures>> compute(AppContext& app, const PageRequest& page,
                                                   const core::KeyFigureQuery& query) {
  const Viewer& viewer = *page.viewer;
  const app::KeyFigureInputs& inputs = *app.key_figures;
  const std::size_t min_group = app.disclosures->min_group();
  std::optional<SessionGate::Ticket> ticket;
  if (!inputs.has_figures(query) || (viewer.suppressed_aggregates() && !inputs.has_disclosure(query.at, min_group))) {
    ticket = app.figure_gate->enter(viewer.session_digest);
    if (!ticket) return std::optional<ViewerFigures>();
  }
  ASSIGN_OR_RETURN(auto figures, inputs.figures(query));
  ViewerFigures result{*figures, false};
  if (!viewer.suppressed_aggregates()) return std::optional<ViewerFigures>(std::move(result));
  const auto decision = inputs.disclosure(query.at, min_group);
  result.suppressed = !decision->published(query.unit_code);
  if (!result.suppressed) core::hide_small_cells(result.figures, *decision);
  return std::optional<ViewerFigures>(std::move(result));
}

std::string percent(const std::optional<double>& share) { return report::format_value(share, report::NumberFormat::share(1)); }

std::string filter_query(const core::KeyFigureQuery& query) {
  return "at=" + core::to_iso(query.at) + "&enhet=" + url_encode(query.unit_code);
}

// 429 with Retry-After: 1 when no slot for a computation is free (session_gate.hpp).
Response too_many_figure_requests(AppContext& app, const PageRequest& page) {
  Response response = error_page(app, page, 429);
  response.headers.emplace_back("Retry-After", "1");
  return response;
}

}  // namespace

Response figures_page(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.sees_overview()) return error_page(app, page, 403);
  FiguresRequest request = read_request(app, page);
  check_for_page(page, request);
  TemplateData data;
  data.set("at", core::to_iso(request.query.at));
  data.set("units", select_options(unit_options(*app.directory, viewer.aggregate_scope(), request.query.unit_code),
                                   request.query.unit_code));
  data.set("has_error", flag(!request.problems.empty()));
  data.set("error", shown_problems(request.problems));
  data.set("has_figures", flag(false));
  data.set("suppressed", flag(false));
  data.set("no_data", flag(false));
  data.set("suppressed_text", format_text(page.t("figures_suppressed"), {{"k", std::to_string(app.disclosures->min_group())}}));
  // As on Översikt: a viewer who sees small groups suppressed is told so above the figures.
  data.set("suppression_note", flag(viewer.suppressed_aggregates()));
  data.set("suppression_note_text",
           format_text(page.t("figures_suppression_note"), {{"k", std::to_string(app.disclosures->min_group())}}));
  if (request.problems.empty()) {
    auto computed = compute(app, page, request.query);
    if (computed && !*computed) return too_many_figure_requests(app, page);
    if (!computed) {
      if (computed.error().kind != core::ErrorKind::kInvalidInput && computed.error().kind != core::ErrorKind::kNotFound) {
        return error_response(app, page, computed.error());
      }
      // The parameters were checked above; what core still refuses is told in general terms
      // (and logged with core's own words).
      spdlog::info("request_id={} key figures refused: {}", page.request.request_id, computed.error().describe());
      data.set("has_error", flag(true));
      data.set("error", std::string(page.t("problem_not_computed")));
    } else if ((*computed)->suppressed) {
      data.set("suppressed", flag(true));
    } else if ((*computed)->figures.headcount[0].all.total() == 0) {
      data.set("no_data", flag(true));
    } else {
      const core::KeyFigures& f = (*computed)->figures;
      data.set("has_figures", flag(true));
      data.set("headcount", report::swedish_number(static_cast<double>(f.headcount[0].all.total()), 0));
      data.set("permanent", report::swedish_number(static_cast<double>(f.headcount[0].permanent.total()), 0));
      data.set("temporary", report::swedish_number(static_cast<double>(f.headcount[0].temporary.total()), 0));
      data.set("share_women", percent(f.headcount[0].all.share(core::Gender::kWoman)));
      data.set("turnover_external", percent(f.turnover.external.rate));
      data.set("turnover_wider", percent(f.turnover.including_other_administrations.rate));
      data.set("mean_age", report::format_value(f.age.mean, report::NumberFormat::decimal(1)));
      if (f.age.unknown > 0) {  // people without a birth year are outside the age figures
        data.set("has_age_unknown", flag(true));
        data.set("age_unknown", format_text(page.t("figures_age_unknown"),
                                            {{"count", report::swedish_number(static_cast<double>(f.age.unknown), 0)}}));
      }
      data.set("tenure", report::format_value(f.tenure.mean, report::NumberFormat::decimal(1)));
      data.set("period", core::to_iso(f.from) + " – " + core::to_iso(f.at));
      const report::KeyFigureCharts charts = report::key_figure_charts(f, page.language);
      const std::string table_query = "?" + filter_query(request.query) + "&tabell=";
      TemplateData chart_list = list();
      auto add = [&](const auto& chart, std::string svg) {
        TemplateData item;
        item.set("id", chart.text.id);
        item.set("title", chart.text.title);
        item.set("svg", std::move(svg));
        item.set("table", report::data_table_html(report::table_for(chart)));
        item.set("csv_href", "/nyckeltal.csv" + table_query + chart.text.id);
        item.set("xlsx_href", "/nyckeltal.xlsx" + table_query + chart.text.id);
        chart_list.push_back(item);
      };
      add(charts.headcount, report::line_chart(charts.headcount));
      add(charts.age, report::population_pyramid(charts.age));
      if (!charts.positions.bars.empty()) add(charts.positions, report::bar_chart(charts.positions));
      add(charts.retirements, report::bar_chart(charts.retirements));
      data.set("charts", chart_list);
      data.set("all_csv_href", "/nyckeltal.csv" + table_query + "alla");
      data.set("all_xlsx_href", "/nyckeltal.xlsx" + table_query + "alla");
    }
  }
  return page_response(request.problems.empty() ? 200 : 400,
                       render_layout(app, page, page.t("figures_title"), "/nyckeltal",
                                     render("figures", page.language, data)));
}

Response figures_download(AppContext& app, const PageRequest& page, FileKind kind) {
  if (!page.viewer->sees_overview()) return error_page(app, page, 403);
  FiguresRequest request = read_request(app, page);
  check_for_page(page, request);
  if (!request.problems.empty()) return error_page(app, page, 400, shown_problems(request.problems));
  auto computed = compute(app, page, request.query);
  if (!computed) {
    spdlog::info("request_id={} key figures refused: {}", page.request.request_id, computed.error().describe());
    return error_page(app, page, 400, page.t("problem_not_computed"));
  }
  if (!*computed) return too_many_figure_requests(app, page);
  if ((*computed)->suppressed) return error_page(app, page, 403);
  const core::KeyFigures* figures = &(*computed)->figures;
  const std::string table = query_value(page.request, "tabell");
  const io::CsvDialect dialect = io::spreadsheet_csv_for(i18n::language_code(page.language));
  const bool xlsx = kind == FileKind::kXlsx;
  std::string body;
  if (table.empty() || table == "alla") {
    if (xlsx) {
      auto workbook = spreadsheet_workbook(page, io::write_key_figures_csv(*figures, io::kMachineCsv), "nyckeltal",
                                           io::kKeyFiguresCsvColumns, [](std::string_view column) {
                                             return column == "value" ? io::XlsxColumn::kNumber : io::XlsxColumn::kText;
                                           });
      if (!workbook) return error_response(app, page, workbook.error());
      body = std::move(*workbook);
    } else {
      body = io::write_key_figures_csv(*figures, dialect, csv_header(page, io::kKeyFiguresCsvColumns));
    }
  } else {
    const report::KeyFigureCharts charts = report::key_figure_charts(*figures, page.language);
    std::optional<report::DataTable> data;
    if (table == "kf-headcount") data = report::table_for(charts.headcount);
    else if (table == "kf-age") data = report::table_for(charts.age);
    else if (table == "kf-positions") data = report::table_for(charts.positions);
    else if (table == "kf-retirements") data = report::table_for(charts.retirements);
    else return error_page(app, page, 404);
    if (xlsx) {
      auto workbook = io::write_xlsx({report::data_table_sheet(*data, table)});
      if (!workbook) return error_response(app, page, workbook.error());
      body = std::move(*workbook);
    } else {
      body = report::data_table_csv(*data, dialect);
    }
  }
  return file_download(kind, std::move(body), "nyckeltal-" + core::to_iso(figures->at) + (table.empty() ? "" : "-" + table));
}

core::Result<std::optional<core::KeyFigures>> key_figures_for(AppContext& app, const PageRequest& page) {
  if (!page.viewer->sees_overview()) {
    return core::fail(core::ErrorKind::kForbidden, "key figures are for HR, observers and managers with the overview");
  }
  FiguresRequest request = read_request(app, page);
  // The same checks as the page's, so that the API's problems name its parameters (from,
  // retirement_age), not core's command-line flags (--from, --retirement-age).
  check_for_page(page, request);
  if (!request.problems.empty()) return std::unexpected(api_parameter_error(request.problems));
  ASSIGN_OR_RETURN(auto computed, compute(app, page, request.query));
  if (!computed) return std::optional<core::KeyFigures>();
  if (computed->suppressed) {
    return core::fail(core::ErrorKind::kForbidden,
                      "the figures of this unit are suppressed: fewer than " + std::to_string(app.disclosures->min_group()) +
                          " people, or they would let a smaller group be computed (docs/key-figures.md, Small groups)");
  }
  return std::optional<core::KeyFigures>(std::move(computed->figures));
}

void register_workforce(Router& router) {
  router.get("/nyckeltal", [](AppContext& app, PageRequest& page, const RouteParams&) { return figures_page(app, page); });
  router.get("/nyckeltal.csv",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return figures_download(app, page, FileKind::kCsv); });
  router.get("/nyckeltal.xlsx",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return figures_download(app, page, FileKind::kXlsx); });
  router.pages().add({.path = "/nyckeltal", .title_key = "nav_figures", .tile_text_key = "home_figures_text", .order = 40,
                      .visible = [](const Viewer& viewer) { return viewer.sees_overview(); }, .tile_status = {}});
  register_forecast(router);
}

}  // namespace trappa::web
