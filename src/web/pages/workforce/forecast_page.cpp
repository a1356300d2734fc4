// Prognos: the competence forecast of docs/forecast.md for a date and a unit — stacked bars of
// retirements, leavers and recruitment need per year, lines of the competence share per area,
// a table per role, each chart with its table — with a scenario form (growth per role,
// retirement age, recruit or not) that is a plain GET, so it works without JavaScript, and the
// same forecast as CSV (`trappa forecast --format csv`) at /prognos.csv. Access and small
// groups as forecast_view.hpp says.
#include <spdlog/spdlog.h>

#include <charconv>

#include "core/framework/framework.hpp"
#include "i18n/ui_text.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/exports/forecast_output.hpp"
#include "report/charts/charts.hpp"
#include "report/charts/data_table.hpp"
#include "web/pages/workforce/forecast_view.hpp"
#include "web/pages/workforce/workforce_routes.hpp"
#include "web/ui/download.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

constexpr std::string_view kGrowthPrefix = "tillvaxt:";  // growth:<role>, in percent per year

// The form's scenario: growth per role in percent (decimal comma or point), recruit or not.
// The retirement age is the query's retirement-age (read_forecast_parameters).
void read_form_scenario(const PageRequest& page, ForecastParameters& parameters) {
  const Request& request = page.request;
  if (query_value(request, "rekrytera") == "nej") parameters.scenario.recruit = core::RecruitPolicy::kNone;
  for (const auto& [key, value] : request.query) {
    if (!key.starts_with(kGrowthPrefix) || value.empty()) continue;
    const std::string role = key.substr(kGrowthPrefix.size());
    std::string text = value;
    for (char& c : text) {
      if (c == ',') c = '.';
    }
    double percent = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), percent);
    if (error != std::errc{} || end != text.data() + text.size() || percent < -100 || percent > 100) {
      parameters.problems.push_back(parameter_problem(page, std::string(kGrowthPrefix) + role, "forecast_growth",
                                                      "problem_not_a_percentage", {{"role", role}, {"value", value}},
                                                      "'" + value + "' is not a percentage from -100 to 100"));
      continue;
    }
    core::DemandScenario demand;
    demand.growth = percent / 100;
    parameters.scenario.demand[role] = demand;
  }
}

std::string filter_query(const ForecastParameters& parameters, const Request& request) {
  std::string query = "at=" + core::to_iso(parameters.query.at) + "&years=" + std::to_string(parameters.query.years) +
                      "&unit=" + url_encode(parameters.query.unit_code);
  for (const char* name : {"history-years", "retirement-age", "round", "rekrytera"}) {
    if (const std::string value = query_value(request, name); !value.empty()) query += std::string("&") + name + "=" + url_encode(value);
  }
  for (const auto& [key, value] : request.query) {
    if (key.starts_with(kGrowthPrefix) && !value.empty()) query += "&" + url_encode(key) + "=" + url_encode(value);
  }
  return query;
}

Response too_many_requests(AppContext& app, const PageRequest& page) {
  Response response = error_page(app, page, 429);
  response.headers.emplace_back("Retry-After", "1");
  return response;
}

// "code name" of the area in the round's framework (the code alone without the framework).
std::string area_name(const core::Framework* framework, const std::string& code) {
  if (framework) {
    for (const core::Area& area : framework->areas) {
      if (area.code == code) return area.code + " " + area.name;
    }
  }
  return code;
}

TemplateData chart_item(const std::string& id, const std::string& title, std::string svg, const report::DataTable& table) {
  TemplateData item;
  item.set("id", id);
  item.set("title", title);
  item.set("svg", std::move(svg));
  item.set("table", report::data_table_html(table));
  return item;
}

// Retirements, leavers and recruitment need: one stacked bar per year, one table of them all.
TemplateData flow_chart(const PageRequest& page, const core::Forecast& forecast) {
  const std::string title(page.t("forecast_chart_flows"));
  std::string svgs;
  report::DataTable table;
  table.caption = title;
  table.row_heading = std::string(page.t("figures_year"));
  table.language = page.language;
  table.columns = {{std::string(page.t("forecast_retirements")), report::NumberFormat::decimal(1)},
                   {std::string(page.t("forecast_leavers")), report::NumberFormat::decimal(1)},
                   {std::string(page.t("forecast_recruitment_need")), report::NumberFormat::decimal(1)}};
  for (const core::ForecastYear& year : forecast.totals) {
    report::StackedBar bar;
    bar.text = {"fc-flows-" + std::to_string(year.year), std::to_string(year.year), {}, page.language};
    bar.format = report::NumberFormat::decimal(1);
    bar.part_heading = std::string(page.t("forecast_flow"));
    bar.parts = {{std::string(page.t("forecast_retirements")), year.retirements},
                 {std::string(page.t("forecast_leavers")), year.leavers},
                 {std::string(page.t("forecast_recruitment_need")), year.recruitment_need}};
    svgs += "<p class=\"chart-period\">" + html_escape(std::to_string(year.year)) + "</p>" + report::stacked_bar(bar);
    table.rows.push_back({std::to_string(year.year), {year.retirements, year.leavers, year.recruitment_need}});
  }
  return chart_item("fc-flows", title, std::move(svgs), table);
}

// The competence share per area, one line each.
TemplateData area_chart(const AppContext& app, const PageRequest& page, const core::Forecast& forecast) {
  report::LineChart chart;
  const auto round = app.rounds->find(forecast.round);
  const core::Framework* framework = round ? &round->snapshot->framework() : nullptr;
  chart.text = {"fc-areas", std::string(page.t("forecast_chart_areas")), {}, page.language};
  if (framework) chart.text.names_language = framework_language_code(*framework);
  chart.format = report::NumberFormat::share(0);
  chart.period_heading = std::string(page.t("figures_year"));
  for (const core::ForecastYear& year : forecast.totals) chart.periods.push_back(std::to_string(year.year));
  for (const core::AreaForecast& area : forecast.areas) chart.series.push_back({area_name(framework, area.code), area.shares});
  return chart_item(chart.text.id, chart.text.title, report::line_chart(chart), report::table_for(chart));
}

// Per role: the start, the leaving rate, the flows summed over the horizon and the end.
std::string role_table(const PageRequest& page, const core::Forecast& forecast) {
  report::DataTable table;
  table.caption = std::string(page.t("forecast_roles_caption"));
  table.row_heading = std::string(page.t("forecast_role"));
  table.language = page.language;
  table.columns = {{std::string(page.t("forecast_start")), report::NumberFormat::count()},
                   {std::string(page.t("forecast_leaving_rate")), report::NumberFormat::share(1)},
                   {std::string(page.t("forecast_retirements")), report::NumberFormat::decimal(1)},
                   {std::string(page.t("forecast_leavers")), report::NumberFormat::decimal(1)},
                   {std::string(page.t("forecast_recruitment_need")), report::NumberFormat::decimal(1)},
                   {std::string(page.t("forecast_end")), report::NumberFormat::decimal(1)}};
  for (const core::RoleForecast& role : forecast.roles) {
    double retirements = 0, leavers = 0, need = 0;
    for (const core::ForecastYear& year : role.years) {
      retirements += year.retirements;
      leavers += year.leavers;
      need += year.recruitment_need;
    }
    table.rows.push_back({role.role,
                          {static_cast<double>(role.start), role.leaving_rate, retirements, leavers, need,
                           role.years.empty() ? 0.0 : role.years.back().end}});
  }
  return report::data_table_html(table);
}

Response forecast_page(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.sees_overview()) return error_page(app, page, 403);
  ForecastParameters parameters = read_forecast_parameters(app, page);
  read_form_scenario(page, parameters);
  TemplateData data;
  data.set("at", core::to_iso(parameters.query.at));
  data.set("years", std::to_string(parameters.query.years));
  data.set("retirement_age", query_value(page.request, "retirement-age"));
  data.set("recruit_none", flag(parameters.scenario.recruit == core::RecruitPolicy::kNone));
  data.set("units", select_options(unit_options(*app.directory, viewer.aggregate_scope(), parameters.query.unit_code),
                                   parameters.query.unit_code));
  data.set("has_error", flag(false));
  data.set("has_forecast", flag(false));
  data.set("suppressed", flag(false));
  int status = 200;
  auto computed = viewer_forecast(app, page, parameters);
  if (computed && !*computed) return too_many_requests(app, page);
  if (!computed) {
    const core::ErrorKind kind = computed.error().kind;
    if (kind == core::ErrorKind::kForbidden && viewer.sees_overview()) {
      data.set("suppressed", flag(true));
      data.set("suppressed_text", format_text(page.t("figures_suppressed"), {{"k", std::to_string(app.disclosures->min_group())}}));
    } else if (kind == core::ErrorKind::kInvalidInput || kind == core::ErrorKind::kNotFound) {
      status = 400;
      data.set("has_error", flag(true));
      // The parameters' own problems in the reader's language; what core still refuses (a role
      // the forecast does not know) in general terms, and in core's words in the log.
      if (parameters.problems.empty()) {
        spdlog::info("request_id={} forecast refused: {}", page.request.request_id, computed.error().describe());
      }
      data.set("error", parameters.problems.empty() ? std::string(page.t("problem_not_computed"))
                                                    : shown_problems(parameters.problems));
    } else {
      return error_response(app, page, computed.error());
    }
  } else {
    const core::Forecast& forecast = **computed;
    data.set("has_forecast", flag(true));
    data.set("rule", forecast.rule == core::RetirementRule::kFixed
                         ? format_text(page.t("forecast_rule_fixed"), {{"age", std::to_string(forecast.fixed_age)}})
                         : std::string(page.t("forecast_rule_hazard")));
    data.set("round", forecast.round.empty() ? std::string(page.t("forecast_no_round")) : forecast.round);
    data.set("history", core::to_iso(forecast.history_from) + " – " + core::to_iso(forecast.history_to));
    TemplateData charts = list();
    charts.push_back(flow_chart(page, forecast));
    if (!forecast.areas.empty()) charts.push_back(area_chart(app, page, forecast));
    data.set("charts", charts);
    data.set("role_table", role_table(page, forecast));
    TemplateData growth = list();
    for (std::size_t i = 0; i < forecast.roles.size(); ++i) {
      const core::RoleForecast& role = forecast.roles[i];
      TemplateData item;
      item.set("id", "fc-growth-" + std::to_string(i));
      item.set("name", std::string(kGrowthPrefix) + role.role);
      item.set("role", role.role);
      item.set("value", query_value(page.request, (std::string(kGrowthPrefix) + role.role).c_str()));
      growth.push_back(item);
    }
    data.set("growth", growth);
    data.set("csv_href", "/prognos.csv?" + filter_query(parameters, page.request));
    data.set("xlsx_href", "/prognos.xlsx?" + filter_query(parameters, page.request));
  }
  return page_response(status, render_layout(app, page, page.t("forecast_title"), "/prognos",
                                             render("forecast", page.language, data)));
}

Response forecast_download(AppContext& app, const PageRequest& page, FileKind kind) {
  if (!page.viewer->sees_overview()) return error_page(app, page, 403);
  ForecastParameters parameters = read_forecast_parameters(app, page);
  read_form_scenario(page, parameters);
  auto computed = viewer_forecast(app, page, parameters);
  if (!computed) {
    if (computed.error().kind == core::ErrorKind::kInvalidInput) {
      if (!parameters.problems.empty()) return error_page(app, page, 400, shown_problems(parameters.problems));
      spdlog::info("request_id={} forecast refused: {}", page.request.request_id, computed.error().describe());
      return error_page(app, page, 400, page.t("problem_not_computed"));
    }
    return error_response(app, page, computed.error());
  }
  if (!*computed) return too_many_requests(app, page);
  const std::string name = "prognos-" + core::to_iso(parameters.query.at);
  if (kind == FileKind::kCsv) {
    return file_download(kind,
                         io::write_forecast_csv(**computed, io::spreadsheet_csv_for(i18n::language_code(page.language)),
                                                csv_header(page, io::kForecastCsvColumns)),
                         name);
  }
  auto workbook = spreadsheet_workbook(page, io::write_forecast_csv(**computed), "prognos", io::kForecastCsvColumns,
                                       io::numbers_except({"role"}));
  if (!workbook) return error_response(app, page, workbook.error());
  return file_download(kind, std::move(*workbook), name);
}

}  // namespace

void register_forecast(Router& router) {
  router.get("/prognos", [](AppContext& app, PageRequest& page, const RouteParams&) { return forecast_page(app, page); });
  router.get("/prognos.csv",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return forecast_download(app, page, FileKind::kCsv); });
  router.get("/prognos.xlsx",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return forecast_download(app, page, FileKind::kXlsx); });
  router.pages().add({.path = "/prognos", .title_key = "nav_forecast", .tile_text_key = "home_forecast_text", .order = 45,
                      .visible = [](const Viewer& viewer) { return viewer.sees_overview(); }, .tile_status = {}});
}

}  // namespace trappa::web
