// Översikt: the round's figures for HR, administrators, observers and (with
// --manager-overview) managers, as charts with their tables and CSV and XLSX downloads. Filters (unit
// subtree, role, gender) come from a GET form, so a view can be bookmarked and shared.
// Everyone but HR sees the figures through the round's small-group decisions
// (core/gap_disclosure.hpp, docs/analytics.md "Small groups"), the same in every view.
#include <spdlog/spdlog.h>

#include "core/analytics/gap_query.hpp"
#include "i18n/ui_text.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/exports/gap_report_output.hpp"
#include "report/analytics/gap_charts.hpp"
#include "report/charts/charts.hpp"
#include "report/charts/data_table.hpp"
#include "web/pages/analytics/analytics_routes.hpp"
#include "web/ui/download.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/router.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

struct OverviewFilters {
  std::string round;
  std::string unit;
  std::string role;
  std::string gender;  // "", "K", "M", "X"
};

struct Overview {
  // For suppressed viewers, the snapshots their decisions belong to (web/disclosure_cache.hpp).
  std::shared_ptr<const app::RoundView> round;
  std::shared_ptr<const app::RoundView> earlier;
  std::shared_ptr<const core::GapDisclosure> round_disclosure;
  std::shared_ptr<const core::GapDisclosure> round_reader;  // a manager's own reports (GapQuery::reader)
  std::shared_ptr<const core::GapDisclosure> earlier_disclosure;
  std::shared_ptr<const core::GapDisclosure> earlier_reader;
  std::string unit;  // resolved unit code (never empty when the tree has units)
  core::GapQuery query;
  core::GapReport report;
  std::optional<core::GapReport> earlier_report;
  std::optional<core::GapComparison> comparison;
  core::GapReport groups;  // by the children of the unit
  std::string error;       // a filter problem, shown above the figures
};

OverviewFilters read_filters(const Request& request) {
  OverviewFilters filters{query_value(request, "omgang"), query_value(request, "enhet"), query_value(request, "roll"),
                          query_value(request, "kon")};
  if (filters.gender != "K" && filters.gender != "M" && filters.gender != "X") filters.gender.clear();
  return filters;
}

// The unit an unfiltered overview starts from: HR's scope, else the round's scope, else the
// top of the tree, stepping down while a unit has a single child (a city with one
// administration shows that administration's departments).
std::string default_unit(const app::Directory& directory, const Viewer& viewer, const core::Round& round) {
  if (!viewer.aggregate_scope().empty()) return viewer.aggregate_scope();
  if (!round.scope_unit.empty()) return round.scope_unit;
  const core::UnitTree& tree = directory.tree();
  const auto roots = tree.roots();
  if (roots.size() != 1) return {};
  std::uint32_t unit = roots.front();
  for (auto children = tree.children(unit); children.size() == 1; children = tree.children(unit)) unit = children.front();
  return tree.unit(unit).code;
}

// The round the filters select (the newest round that is not a draft by default) and the
// round it is compared with; for suppressed viewers, the snapshots that have their decisions.
void choose_rounds(AppContext& app, const Viewer& viewer, const OverviewFilters& filters, Overview& overview) {
  overview.round = filters.round.empty() ? nullptr : app.rounds->find(filters.round);
  if (!overview.round) {
    auto rounds = app.rounds->rounds();
    for (auto it = rounds->rbegin(); it != rounds->rend() && !overview.round; ++it) {
      if ((*it)->round.state != core::RoundState::kDraft) overview.round = *it;
    }
    if (!overview.round && !rounds->empty()) overview.round = rounds->back();
  }
  if (!overview.round) return;
  overview.earlier = app.rounds->previous_round(overview.round->round.name);
  if (!viewer.suppressed_aggregates()) return;
  auto decided = app.disclosures->decided(overview.round);
  overview.round = decided.view;
  overview.round_disclosure = decided.disclosure;
  if (viewer.manages_anyone) {
    overview.round_reader = app.disclosures->for_manager(decided, app.directory->people(), viewer.account.employee_id);
  }
  if (overview.earlier) {
    auto earlier = app.disclosures->decided(overview.earlier);
    overview.earlier = earlier.view;
    overview.earlier_disclosure = earlier.disclosure;
    if (viewer.manages_anyone) {
      overview.earlier_reader = app.disclosures->for_manager(earlier, app.directory->people(), viewer.account.employee_id);
    }
  }
}

// `overview` comes with its rounds chosen (choose_rounds).
Overview compute(AppContext& app, const PageRequest& page, const OverviewFilters& filters, Overview overview) {
  const Viewer& viewer = *page.viewer;
  if (!overview.round) return overview;
  overview.unit = filters.unit.empty() ? default_unit(*app.directory, viewer, overview.round->round) : filters.unit;
  if (!overview.unit.empty() && !app.directory->tree().index_of(overview.unit)) {
    overview.error = std::string(page.t("error_unknown_unit"));
    overview.unit = default_unit(*app.directory, viewer, overview.round->round);
  } else if (!app.directory->unit_in_subtree(overview.unit, viewer.aggregate_scope())) {
    overview.error = std::string(page.t("error_unit_outside_scope"));
    overview.unit = default_unit(*app.directory, viewer, overview.round->round);
  }
  core::GapQuery& query = overview.query;
  query.basis = core::LevelBasis::kAgreed;
  query.unit = overview.unit;
  query.role = filters.role;
  if (!filters.gender.empty()) query.gender = core::parse_gender(filters.gender);
  query.disclosure = overview.round_disclosure.get();  // null for HR: nothing suppressed
  query.reader = overview.round_reader.get();
  auto report = core::run_gap_query(*overview.round->snapshot, query);
  if (!report) {
    // The unit exists in the organisation but not in this round's tree: show the whole round.
    overview.error = std::string(page.t("error_unknown_unit"));
    query.unit.clear();
    report = core::run_gap_query(*overview.round->snapshot, query);
    if (!report) return overview;
  }
  overview.report = std::move(*report);
  core::GapQuery grouped = query;
  grouped.group_by = core::GroupBy::kUnit;
  if (auto groups = core::run_gap_query(*overview.round->snapshot, grouped)) overview.groups = std::move(*groups);
  if (overview.earlier) {
    core::GapQuery earlier_query = query;
    earlier_query.disclosure = overview.earlier_disclosure.get();
    earlier_query.reader = overview.earlier_reader.get();
    if (auto earlier = core::run_gap_query(*overview.earlier->snapshot, earlier_query)) {
      overview.comparison = core::compare_reports(overview.report, *earlier);
      overview.earlier_report = std::move(*earlier);
    }
  }
  return overview;
}

// The charts of the page, built from the same figures as their tables and CSV files, in
// the reader's language (report/analytics/gap_charts.hpp).
struct OverviewCharts {
  report::StackedBar status;
  report::BarChart need_share;
  report::BarChart mean_level;
  report::BarChart motivation;
  report::BarChart competencies;
  std::optional<report::Heatmap> heatmap;
};

OverviewCharts build_charts(const PageRequest& page, const Overview& overview) {
  const core::GapReport& report = overview.report;
  report::GapChartOptions options;
  options.language = page.language;
  options.earlier = overview.earlier_report ? &*overview.earlier_report : nullptr;
  options.names_language = framework_language_code(overview.round->snapshot->framework());
  OverviewCharts charts{report::participation_by_status(report, options),
                        report::need_share_by_area(report, options),
                        report::mean_level_by_area(report, 5, std::nullopt, options),
                        report::high_motivation_by_area(report, options),
                        report::need_share_by_competency(report, options),
                        std::nullopt};
  if (!overview.groups.groups.empty()) charts.heatmap = report::need_share_by_group(overview.groups, options);
  return charts;
}

std::string points(const std::optional<double>& value) {
  if (!value) return "–";
  const std::string text = io::swedish_decimal(value, 1);
  return *value > 0.05 ? "+" + text : text;
}

std::string filter_query(const Overview& overview, const OverviewFilters& filters) {
  std::string query = "omgang=" + url_encode(overview.round->round.name) + "&enhet=" + url_encode(overview.unit);
  if (!filters.role.empty()) query += "&roll=" + url_encode(filters.role);
  if (!filters.gender.empty()) query += "&kon=" + url_encode(filters.gender);
  return query;
}

}  // namespace

TemplateData select_options(const std::vector<std::pair<std::string, std::string>>& options, const std::string& selected) {
  TemplateData result = list();
  for (const auto& [value, label] : options) {
    TemplateData option;
    option.set("value", value);
    option.set("label", label);
    option.set("selected", flag(value == selected));
    result.push_back(option);
  }
  return result;
}


// The units a filter offers, indented by depth: in a small organisation every unit of the
// viewer's scope; in a large one the top three levels, plus the path to the selected unit
// and its children, so the list stays short and one can still drill down.
std::vector<std::pair<std::string, std::string>> unit_options(const app::Directory& directory, const std::string& scope,
                                                              const std::string& selected) {
  std::vector<std::pair<std::string, std::string>> options;
  const core::UnitTree& tree = directory.tree();
  std::uint32_t first = 0;
  auto last = static_cast<std::uint32_t>(tree.size());
  int base_depth = 0;
  if (!scope.empty()) {
    if (auto root = tree.index_of(scope)) {
      first = *root;
      last = tree.subtree_end(*root);
      base_depth = tree.depth(*root);
    }
  }
  const int max_depth = last - first <= 300 ? 3 : 2;
  const auto chosen = tree.index_of(selected);
  for (std::uint32_t u = first; u < last; ++u) {
    const int depth = tree.depth(u) - base_depth;
    bool shown = depth <= max_depth;
    if (!shown && chosen) {
      const bool ancestor_of_chosen = *chosen >= u && *chosen < tree.subtree_end(u);
      const bool child_of_chosen = tree.unit(u).parent_code == selected;
      shown = ancestor_of_chosen || child_of_chosen;
    }
    if (!shown) continue;
    std::string indent;
    for (int i = 0; i < depth; ++i) indent += "\u00a0\u00a0\u00a0";
    options.emplace_back(tree.unit(u).code, indent + tree.unit(u).name);
  }
  return options;
}

namespace {

std::string render_overview_body(AppContext& app, const PageRequest& page, const OverviewFilters& filters,
                                 Overview chosen) {
  const Viewer& viewer = *page.viewer;
  const Overview overview = compute(app, page, filters, std::move(chosen));
  TemplateData data;
  data.set("no_round", flag(!overview.round));
  data.set("has_round", flag(overview.round != nullptr));
  if (overview.round) {
    const core::GapReport& report = overview.report;
    data.set("lead", format_text(page.t("overview_lead"), {{"round", overview.round->round.name},
                                                           {"unit", overview.unit.empty()
                                                                        ? std::string(page.t("rounds_whole_organisation"))
                                                                        : app.directory->unit_name(overview.unit)}}));
    std::vector<std::pair<std::string, std::string>> rounds;
    auto list_of_rounds = app.rounds->rounds();
    for (auto it = list_of_rounds->rbegin(); it != list_of_rounds->rend(); ++it) {
      rounds.emplace_back((*it)->round.name, (*it)->round.name + " (" + std::string(state_label(page, (*it)->round.state)) + ")");
    }
    data.set("rounds", select_options(rounds, overview.round->round.name));
    data.set("units", select_options(unit_options(*app.directory, viewer.aggregate_scope(), overview.unit), overview.unit));
    std::vector<std::pair<std::string, std::string>> roles;
    for (std::size_t r = 0; r < overview.round->snapshot->roles(); ++r) {
      roles.emplace_back(overview.round->snapshot->role_name(r), overview.round->snapshot->role_name(r));
    }
    data.set("roles", select_options(roles, filters.role));
    data.set("genders", select_options({{"", std::string(page.t("all_genders"))},
                                        {"K", std::string(page.t("gender_K"))},
                                        {"M", std::string(page.t("gender_M"))},
                                        {"X", std::string(page.t("gender_X"))}},
                                       filters.gender));
    data.set("has_error", flag(!overview.error.empty()));
    data.set("error", overview.error);
    data.set("suppression_note", flag(viewer.suppressed_aggregates()));
    data.set("suppression_note_text",
             format_text(page.t("observer_suppression_note"), {{"k", std::to_string(app.disclosures->min_group())}}));
    data.set("suppressed", flag(report.suppressed));
    data.set("has_report", flag(!report.suppressed));
    data.set("people", report.people ? grouped_number(*report.people) : std::string("–"));
    data.set("assessed", report.assessed ? grouped_number(*report.assessed) : std::string("–"));
    data.set("participation", io::swedish_percent(report.participation));
    data.set("share_with_need", io::swedish_percent(report.share_with_need));
    data.set("has_compare", flag(overview.comparison.has_value()));
    if (overview.comparison) {
      data.set("compare_round", overview.comparison->round);
      data.set("participation_change", points(overview.comparison->participation_pp));
      data.set("share_with_need_change", points(overview.comparison->share_with_need_pp));
    }
    const OverviewCharts charts = build_charts(page, overview);
    const std::string table_query = "?" + filter_query(overview, filters) + "&tabell=";
    TemplateData chart_list = list();
    auto add = [&](const auto& chart, std::string svg, std::string_view intro_key) {
      TemplateData item;
      item.set("id", chart.text.id);
      item.set("title", chart.text.title);
      item.set("has_intro", flag(!intro_key.empty()));
      item.set("intro", intro_key.empty() ? std::string{} : std::string(page.t(intro_key)));
      item.set("svg", std::move(svg));
      item.set("table", report::data_table_html(report::table_for(chart)));
      item.set("open", flag(false));
      item.set("csv_href", "/oversikt.csv" + table_query + chart.text.id);
      item.set("xlsx_href", "/oversikt.xlsx" + table_query + chart.text.id);
      chart_list.push_back(item);
    };
    if (!report.suppressed) {
      add(charts.status, report::stacked_bar(charts.status), "chart_status_intro");
      add(charts.need_share, report::bar_chart(charts.need_share), "chart_need_share_intro");
      add(charts.mean_level, report::bar_chart(charts.mean_level), "chart_mean_level_intro");
      add(charts.motivation, report::bar_chart(charts.motivation), {});
      if (charts.heatmap) add(*charts.heatmap, report::heatmap(*charts.heatmap), "chart_heatmap_intro");
      add(charts.competencies, report::bar_chart(charts.competencies), {});
    }
    data.set("charts", chart_list);
  }
  return render("overview", page.language, data);
}

// In a CSV file an empty field is only "no value"; rows hidden by the small-group rule say so
// in their label, so that nobody reads them as missing data.
void mark_suppressed_rows(const PageRequest& page, const Overview& overview, const std::string& table,
                          report::DataTable& data) {
  const std::string marker = " (" + std::string(page.t("suppressed_marker")) + ")";
  auto mark = [&](std::size_t row, bool suppressed) {
    if (suppressed && row < data.rows.size()) data.rows[row].label += marker;
  };
  if (table == "karta") {
    for (std::size_t g = 0; g < overview.groups.groups.size(); ++g) mark(g, overview.groups.groups[g].suppressed);
  } else if (table == "delkompetenser") {
    for (std::size_t c = 0; c < overview.report.competencies.size(); ++c) mark(c, overview.report.competencies[c].suppressed);
  } else if (table == "behov" || table == "niva" || table == "motivation") {
    for (std::size_t a = 0; a < overview.report.areas.size(); ++a) mark(a, overview.report.areas[a].suppressed);
  }
}

}  // namespace

Response overview_page(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.sees_overview()) return error_page(app, page, 403);
  const OverviewFilters filters = read_filters(page.request);
  // The body is a pure function of the snapshots, the filters, the language and what the
  // viewer may see (scope, suppression), so it is cached under exactly those. Suppressed
  // viewers see the snapshots that have their decisions, which may be a little older.
  Overview chosen;
  choose_rounds(app, viewer, filters, chosen);
  std::string key;
  {
    auto rounds = app.rounds->rounds();
    for (const auto& view : *rounds) key += std::to_string(view->version) + ",";
    key += "r" + std::to_string(chosen.round ? chosen.round->version : 0) + "," +
           std::to_string(chosen.earlier ? chosen.earlier->version : 0);
    key += "|" + std::string(language_code(page.language)) + "|" + filters.round + "|" + filters.unit + "|" +
           filters.role + "|" + filters.gender + "|" + viewer.aggregate_scope() + "|" +
           (viewer.suppressed_aggregates() ? "s" : "h");
  }
  std::shared_ptr<const std::string> body = app.overview_cache.find(key);
  if (!body) {
    body = std::make_shared<const std::string>(render_overview_body(app, page, filters, std::move(chosen)));
    app.overview_cache.insert(key, body);
  }
  return page_response(200, render_layout(app, page, page.t("overview_title"), "/oversikt", *body));
}

Response overview_download(AppContext& app, const PageRequest& page, FileKind kind) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.sees_overview()) return error_page(app, page, 403);
  const OverviewFilters filters = read_filters(page.request);
  Overview chosen;
  choose_rounds(app, viewer, filters, chosen);
  const Overview overview = compute(app, page, filters, std::move(chosen));
  if (!overview.round || overview.report.suppressed) return error_page(app, page, 404);
  const OverviewCharts charts = build_charts(page, overview);
  const std::string table = query_value(page.request, "tabell");
  std::optional<report::DataTable> data;
  if (table == "status") data = report::table_for(charts.status);
  else if (table == "behov") data = report::table_for(charts.need_share);
  else if (table == "niva") data = report::table_for(charts.mean_level);
  else if (table == "motivation") data = report::table_for(charts.motivation);
  else if (table == "delkompetenser") data = report::table_for(charts.competencies);
  else if (table == "karta" && charts.heatmap) data = report::table_for(*charts.heatmap);
  if (!data) return error_page(app, page, 404);
  mark_suppressed_rows(page, overview, table, *data);
  // Names are codes and round names; keep the file name to safe characters.
  const std::string name = safe_file_stem("trappa-" + overview.round->round.name + "-" + table);
  if (kind == FileKind::kCsv) {
    return file_download(kind, report::data_table_csv(*data, io::spreadsheet_csv_for(i18n::language_code(page.language))), name);
  }
  auto workbook = io::write_xlsx({report::data_table_sheet(*data, table)});
  if (!workbook) return error_response(app, page, workbook.error());
  return file_download(kind, std::move(*workbook), name);
}

void register_analytics(Router& router) {
  router.get("/oversikt", [](AppContext& app, PageRequest& page, const RouteParams&) { return overview_page(app, page); });
  router.get("/oversikt.csv",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return overview_download(app, page, FileKind::kCsv); });
  router.get("/oversikt.xlsx",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return overview_download(app, page, FileKind::kXlsx); });
  router.pages().add({.path = "/oversikt", .title_key = "nav_overview", .tile_text_key = "home_overview_text", .order = 30,
                      .visible = [](const Viewer& viewer) { return viewer.sees_overview(); }, .tile_status = {}});
}

}  // namespace trappa::web
