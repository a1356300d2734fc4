// Läraktiviteter (docs/learning.md, "In the web"):
//   GET  /laraktiviteter                  statistics for a period against the targets (charts with
//                                         their tables), the catalogue (filter by status), the
//                                         uncovered needs of a round by area, the targets' form and
//                                         the ESF participant list's downloads
//   GET  /laraktiviteter/deltagare.csv|.xlsx   the ESF participant list (HR in scope)
//   GET  /laraktiviteter/statistik.csv|.xlsx   the statistics' table (HR in scope), as
//                                         `trappa learning stats --format csv|xlsx`
//   GET  /laraktiviteter/ej-tackta.csv|.xlsx   the uncovered needs of a round (HR in scope), as
//                                         `trappa learning uncovered --format csv|xlsx`
//   POST /laraktiviteter/mal              the organisation's targets (HR, administrators)
//   GET  /laraktiviteter/ny, POST         a new activity
//   GET  /laraktiviteter/a/{code}, POST   an activity's form and its registrations
//   POST /laraktiviteter/a/{code}/narvaro attendance of the registrations shown
// HR in scope and administrators use all of it; observers and managers with the overview see
// the statistics under the small-group rule (core/learning/learning_disclosure.hpp) and the
// catalogue, nothing that names a person.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/learning/attendance_use_case.hpp"
#include "app/learning/learning_settings.hpp"
#include "core/base/date.hpp"
#include "core/learning/learning_disclosure.hpp"
#include "core/learning/learning_stats.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/exports/learning_output.hpp"
#include "io/xlsx/csv_sheet.hpp"
#include "io/xlsx/xlsx_writer.hpp"
#include "report/charts/charts.hpp"
#include "report/charts/data_table.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/pages/learning/learning_routes.hpp"
#include "web/server/http_util.hpp"
#include "web/ui/download.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

constexpr std::string_view kPath = "/laraktiviteter";

const std::array<std::string_view, 7> kGroupings{"", "gender", "unit", "activity", "format", "area", "month"};
const std::array<std::string_view, 4> kStatuses{"planned", "open", "closed", "cancelled"};

// The period and grouping asked for (?fran=&till=&per=), defaulting to this year.
struct StatsRequest {
  std::string from_text;
  std::string to_text;
  std::string by_text;
  core::LearningStatsQuery query;
  std::vector<FieldError> errors;
};

StatsRequest read_stats_request(const AppContext& app, const PageRequest& page) {
  StatsRequest request;
  const core::Date today = app.options.clock->today();
  request.from_text = query_value(page.request, "fran");
  request.to_text = query_value(page.request, "till");
  request.by_text = query_value(page.request, "per");
  if (request.from_text.empty()) request.from_text = std::to_string(static_cast<int>(today.year())) + "-01-01";
  if (request.to_text.empty()) request.to_text = std::to_string(static_cast<int>(today.year())) + "-12-31";
  const auto from = core::parse_iso_date(request.from_text);
  const auto to = core::parse_iso_date(request.to_text);
  if (!from) request.errors.push_back({"stats-from", std::string(page.t("learning_error_from"))});
  if (!to) request.errors.push_back({"stats-to", std::string(page.t("learning_error_to"))});
  if (from && to && *to < *from) request.errors.push_back({"stats-to", std::string(page.t("learning_error_period"))});
  if (!request.by_text.empty()) {
    if (auto grouping = core::parse_learning_grouping(request.by_text)) request.query.by = *grouping;
    else request.errors.push_back({"stats-by", std::string(page.t("learning_error_by"))});
  }
  if (from) request.query.from = *from;
  if (to) request.query.to = *to;
  const std::string scope = page.viewer->aggregate_scope();
  if (!scope.empty()) request.query.unit = scope;
  request.query.targets = app.published->learning->targets();
  return request;
}

// ` lang="sv"` on an English page around the catalogue's own texts (titles, descriptions),
// which are in the organisation's language, Swedish.
std::string data_lang(const PageRequest& page) {
  return page.language == Language::kSwedish ? std::string() : std::string(" lang=\"sv\"");
}

std::string hours_text(double hours) { return report::format_value(hours, report::NumberFormat::decimal(1)); }

std::string grouping_label(const PageRequest& page, std::string_view code) {
  return std::string(page.t(code.empty() ? "learning_by_none" : "learning_by_" + std::string(code)));
}

// The grouping's label inside a sentence: "per enhet", "by unit" (every label starts with an
// ASCII letter).
std::string grouping_in_text(const PageRequest& page, std::string_view code) {
  std::string label = grouping_label(page, code);
  if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z') label[0] = static_cast<char>(label[0] - 'A' + 'a');
  return label;
}

std::string status_text(const PageRequest& page, core::ActivityStatus status) {
  return std::string(page.t("learning_status_" + std::string(core::to_code(status))));
}

std::string participation_text(const PageRequest& page, core::ParticipationStatus status) {
  return std::string(page.t("learning_participation_" + std::string(core::to_code(status))));
}

// The statistics part of the page: headline, targets, charts with their tables.
void add_statistics(AppContext& app, const PageRequest& page, const StatsRequest& request, TemplateData& data) {
  const Viewer& viewer = *page.viewer;
  TemplateData groupings = list();
  for (std::string_view code : kGroupings) {
    TemplateData& option = add_object(groupings);
    option.set("value", std::string(code));
    option.set("label", grouping_label(page, code));
    option.set("selected", flag(code == request.by_text));
  }
  data.set("groupings", groupings);
  data.set("from", request.from_text);
  data.set("to", request.to_text);
  data.set("has_errors", flag(!request.errors.empty()));
  data.set("errors", errors_data(request.errors));
  for (const FieldError& error : request.errors) {
    if (error.anchor == "stats-from") data.set("from_error", error.message);
    if (error.anchor == "stats-to") data.set("to_error", error.message);
    if (error.anchor == "stats-by") data.set("by_error", error.message);
  }
  if (!request.errors.empty()) return;
  auto stats = app.published->learning->stats(request.query);
  if (!stats) return;
  std::optional<core::LearningDisclosure> disclosure;
  if (viewer.suppressed_aggregates()) {
    disclosure = core::decide_learning_disclosure(*stats, request.query.by, app.disclosures->min_group());
    data.set("suppression_note", format_text(page.t("learning_suppression_note"),
                                             {{"k", std::to_string(app.disclosures->min_group())}}));
  }
  const bool total_hidden = disclosure && disclosure->total.suppressed;
  const core::LearningFigures& total = stats->total;
  data.set("has_stats", flag(true));
  data.set("period_text", format_text(page.t("learning_period"), {{"from", format_date(page.language, core::to_iso(request.query.from))},
                                                                  {"to", format_date(page.language, core::to_iso(request.query.to))}}));
  data.set("participants", total_hidden ? std::string("–") : grouped_number(total.participants));
  static constexpr std::array<const char*, 3> kGenderKeys{"women", "men", "other"};
  for (std::size_t g = 0; g < 3; ++g) {
    const bool hidden = disclosure && disclosure->total.gender_suppressed[g];
    data.set(kGenderKeys[g], hidden ? std::string("–") : grouped_number(total.participants_by_gender[g]));
  }
  data.set("hours", total_hidden ? std::string("–") : hours_text(total.hours));
  data.set("per_participant",
           total_hidden || !total.hours_per_participant ? std::string("–") : hours_text(*total.hours_per_participant));
  const core::LearningTargets& targets = stats->targets;
  data.set("target_participants", report::format_value(targets.participants, report::NumberFormat::count()));
  data.set("target_hours", targets.hours_per_participant ? hours_text(*targets.hours_per_participant) : std::string("–"));
  if (stats->met && !total_hidden) {
    data.set("met_text", std::string(page.t(*stats->met ? "learning_met" : "learning_not_met")));
  }
  if (!viewer.suppressed_aggregates()) {
    TemplateData registrations = list();
    for (std::size_t s = 0; s < core::kParticipationStatuses; ++s) {
      TemplateData& item = add_object(registrations);
      item.set("label", participation_text(page, static_cast<core::ParticipationStatus>(s)));
      item.set("count", grouped_number(total.registrations[s]));
    }
    data.set("registrations", registrations);
  }
  if (stats->groups.empty()) return;
  report::BarChart participants_chart;
  participants_chart.text = {"learning-participants",
                             format_text(page.t("learning_chart_participants"), {{"by", grouping_in_text(page, request.by_text)}}),
                             {}, page.language};
  participants_chart.format = report::NumberFormat::count();
  participants_chart.value_label = std::string(page.t("learning_participants"));
  participants_chart.category_heading = grouping_label(page, request.by_text);
  report::BarChart hours_chart;
  hours_chart.text = {"learning-hours",
                      format_text(page.t("learning_chart_hours"), {{"by", grouping_in_text(page, request.by_text)}}),
                      {}, page.language};
  hours_chart.format = report::NumberFormat::decimal(1);
  hours_chart.value_label = std::string(page.t("learning_per_participant"));
  hours_chart.category_heading = grouping_label(page, request.by_text);
  if (targets.hours_per_participant) {
    hours_chart.reference = report::ReferenceLine{*targets.hours_per_participant, std::string(page.t("learning_target"))};
  }
  for (std::size_t i = 0; i < stats->groups.size(); ++i) {
    const core::LearningFigures& group = stats->groups[i];
    const bool hidden = disclosure && disclosure->groups[i].suppressed;
    const std::string label = group.name == group.key ? group.key : group.name;
    participants_chart.bars.push_back(
        {label, hidden ? std::nullopt : std::optional<double>(static_cast<double>(group.participants)), std::nullopt});
    hours_chart.bars.push_back({label, hidden ? std::nullopt : group.hours_per_participant, std::nullopt});
  }
  TemplateData charts = list();
  for (const report::BarChart* chart : {&participants_chart, &hours_chart}) {
    TemplateData& item = add_object(charts);
    item.set("id", chart->text.id);
    item.set("title", chart->text.title);
    item.set("svg", report::bar_chart(*chart));
    item.set("table", report::data_table_html(report::table_for(*chart)));
  }
  data.set("charts", charts);
  data.set("area_note", flag(request.query.by == core::LearningGrouping::kArea));
}

// The catalogue, optionally only one status (?status=).
void add_catalogue(AppContext& app, const PageRequest& page, TemplateData& data) {
  const std::string wanted = query_value(page.request, "status");
  TemplateData statuses = list();
  for (std::string_view code : kStatuses) {
    TemplateData& option = add_object(statuses);
    option.set("value", std::string(code));
    option.set("label", status_text(page, *core::parse_activity_status(code)));
    option.set("selected", flag(code == wanted));
  }
  data.set("statuses", statuses);
  const auto filter = core::parse_activity_status(wanted);
  const app::LearningInputs& inputs = *app.published->learning;
  TemplateData rows = list();
  std::size_t shown = 0;
  for (std::size_t i = 0; i < inputs.activities().size(); ++i) {
    const core::LearningActivity& activity = inputs.activities()[i];
    if (filter && activity.status != *filter) continue;
    ++shown;
    TemplateData& row = add_object(rows);
    row.set("code", activity.code);
    row.set("href", std::string(kPath) + "/a/" + url_encode(activity.code));
    row.set("title", activity.title);
    row.set("status", status_text(page, activity.status));
    row.set("status_code", std::string(core::to_code(activity.status)));
    row.set("dates", format_date(page.language, core::to_iso(activity.starts)) + " – " +
                         format_date(page.language, core::to_iso(activity.ends)));
    row.set("places", grouped_number(inputs.places()[i]) + " / " +
                          (activity.capacity ? grouped_number(static_cast<std::size_t>(*activity.capacity))
                                             : std::string(page.t("learning_unlimited"))));
  }
  data.set("activities", rows);
  data.set("data_lang", data_lang(page));
  data.set("activities_count", format_text(page.t("learning_catalogue_count"), {{"count", grouped_number(shown)}}));
}

// The uncovered needs of a round (?omgang=, default the newest), by area.
void add_uncovered(AppContext& app, const PageRequest& page, TemplateData& data) {
  std::string round = query_value(page.request, "omgang");
  auto rounds = app.rounds->rounds();
  if (round.empty() && !rounds->empty()) round = rounds->back()->round.name;
  data.set("rounds", round_options(app, round));
  const auto view = round.empty() ? nullptr : app.rounds->find(round);
  if (!view) return;
  data.set("round_name", round);
  data.set("fw_lang", framework_lang_attribute(page, view->snapshot->framework()));
  const std::string scope = page.viewer->scope();
  auto needs = app.learning->uncovered_needs(round, scope.empty() ? std::nullopt : std::optional<std::string>(scope));
  if (!needs) {
    spdlog::warn("request_id={} uncovered needs of {}: {}", page.request.request_id, round, needs.error().describe());
    return;
  }
  data.set("has_uncovered", flag(true));
  data.set("uncovered_total", format_text(page.t("learning_uncovered_total"),
                                          {{"people", grouped_number(needs->total.people_uncovered)},
                                           {"with_need", grouped_number(needs->total.people_with_need)}}));
  TemplateData rows = list();
  for (const core::UncoveredFigures& group : needs->groups) {
    TemplateData& row = add_object(rows);
    row.set("name", group.name);
    row.set("people_with_need", grouped_number(group.people_with_need));
    row.set("people_uncovered", grouped_number(group.people_uncovered));
    row.set("needs", grouped_number(group.needs));
    row.set("needs_uncovered", grouped_number(group.needs_uncovered));
  }
  data.set("uncovered", rows);
  data.set("uncovered_csv_href", std::string(kPath) + "/ej-tackta.csv?omgang=" + url_encode(round));
  data.set("uncovered_xlsx_href", std::string(kPath) + "/ej-tackta.xlsx?omgang=" + url_encode(round));
}

struct TargetsForm {
  std::string participants;
  std::string hours;
  std::vector<FieldError> errors;
};

Response render_learning(AppContext& app, const PageRequest& page, int status, const TargetsForm* targets_form) {
  const Viewer& viewer = *page.viewer;
  const StatsRequest request = read_stats_request(app, page);
  TemplateData data;
  data.set("csrf", viewer.csrf_token);
  data.set("is_hr", flag(viewer.is_hr()));
  add_statistics(app, page, request, data);
  add_catalogue(app, page, data);
  if (viewer.is_hr()) {
    add_uncovered(app, page, data);
    const core::LearningTargets& targets = app.published->learning->targets();
    TargetsForm shown;
    if (targets_form != nullptr) {
      shown = *targets_form;
    } else {
      if (targets.participants) shown.participants = app::setting_number(*targets.participants);
      if (targets.hours_per_participant) shown.hours = app::setting_number(*targets.hours_per_participant);
    }
    data.set("form_target_participants", shown.participants);
    data.set("form_target_hours", shown.hours);
    for (const FieldError& error : shown.errors) {
      if (error.anchor == "target-participants") data.set("target_participants_error", error.message);
      if (error.anchor == "target-hours") data.set("target_hours_error", error.message);
    }
    const std::string query = "?fran=" + url_encode(request.from_text) + "&till=" + url_encode(request.to_text);
    data.set("csv_href", std::string(kPath) + "/deltagare.csv" + query);
    data.set("xlsx_href", std::string(kPath) + "/deltagare.xlsx" + query);
    const std::string stats_query = query + (request.by_text.empty() ? "" : "&per=" + url_encode(request.by_text));
    data.set("stats_csv_href", std::string(kPath) + "/statistik.csv" + stats_query);
    data.set("stats_xlsx_href", std::string(kPath) + "/statistik.xlsx" + stats_query);
    if (!shown.errors.empty()) {
      data.set("has_errors", flag(true));
      data.set("errors", errors_data(shown.errors));
    }
  }
  const bool bad = !request.errors.empty();
  const std::string flash = query_value(page.request, "klart");
  return page_response(bad ? 400 : status, render_layout(app, page, page.t("learning_title"), kPath,
                                                         render("learning", page.language, data), allowed_flash(flash)));
}

Response learning_page(AppContext& app, const PageRequest& page) {
  if (!page.viewer->sees_overview()) return error_page(app, page, 403);
  return render_learning(app, page, 200, nullptr);
}

Response save_targets(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.is_hr()) return error_page(app, page, 403);
  const FormData form = FormData::parse(page.request.body);
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  TargetsForm targets{form.get("target_participants"), form.get("target_hours_per_participant"), {}};
  if (!targets.participants.empty() && !app::parse_target("target_participants", targets.participants)) {
    targets.errors.push_back({"target-participants", std::string(page.t("learning_error_target_participants"))});
  }
  if (!targets.hours.empty() && !app::parse_target("target_hours_per_participant", targets.hours)) {
    targets.errors.push_back({"target-hours", std::string(page.t("learning_error_target_hours"))});
  }
  if (!targets.errors.empty()) return render_learning(app, page, 422, &targets);
  const auto value = [](const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
  };
  auto saved = app.learning->save_targets(value(targets.participants), value(targets.hours), viewer.account.employee_id);
  if (!saved) return error_response(app, page, saved.error());
  return redirect_to(std::string(kPath) + "?klart=learning_targets_saved");
}

Response participant_download(AppContext& app, const PageRequest& page, bool xlsx) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.is_hr()) return error_page(app, page, 403);
  const StatsRequest request = read_stats_request(app, page);
  if (!request.errors.empty()) return error_page(app, page, 400, request.errors.front().message);
  auto rows = app.published->learning->participant_list(request.query.from, request.query.to, request.query.unit);
  if (!rows) return error_response(app, page, rows.error());
  const std::string name = "deltagare-" + request.from_text + "-" + request.to_text;
  if (!xlsx) {
    return file_download(FileKind::kCsv,
                         io::write_participant_list_csv(*rows, io::spreadsheet_csv_for(i18n::language_code(page.language))),
                         name);
  }
  auto workbook = io::write_xlsx({{std::string(page.t("learning_sheet")), io::participant_list_table(*rows)}});
  if (!workbook) return error_response(app, page, workbook.error());
  return file_download(FileKind::kXlsx, std::move(*workbook), name);
}

// A learning table's download: the machine CSV's columns (as the CLI writes them), the CSV in
// the reader's spreadsheet dialect, the XLSX with the `group` and `name` columns as text and
// the counts as numbers. `write` writes the table in the dialect it is given.
template <typename Write>
Response learning_table_download(AppContext& app, const PageRequest& page, FileKind kind, const std::string& name,
                                 std::string_view sheet_key, Write write) {
  if (kind == FileKind::kCsv) {
    return file_download(kind, write(io::spreadsheet_csv_for(i18n::language_code(page.language))), name);
  }
  auto workbook = io::xlsx_from_csv(write(io::kMachineCsv), std::string(page.t(sheet_key)), io::numbers_except({"group", "name"}));
  if (!workbook) return error_response(app, page, workbook.error());
  return file_download(kind, std::move(*workbook), name);
}

// The statistics as the page shows them to HR (who sees every cell; the CSV has no small-group
// rule, so observers and managers get the page's tables only).
Response statistics_download(AppContext& app, const PageRequest& page, FileKind kind) {
  if (!page.viewer->is_hr()) return error_page(app, page, 403);
  const StatsRequest request = read_stats_request(app, page);
  if (!request.errors.empty()) return error_page(app, page, 400, request.errors.front().message);
  auto stats = app.published->learning->stats(request.query);
  if (!stats) return error_response(app, page, stats.error());
  const std::string name = "lararstatistik-" + request.from_text + "-" + request.to_text +
                           (request.by_text.empty() ? "" : "-" + request.by_text);
  return learning_table_download(app, page, kind, name, "learning_stats_sheet", [&](const io::CsvDialect& dialect) {
    return io::write_learning_stats_csv(*stats, dialect);
  });
}

// The uncovered needs of ?omgang= by area, in the HR viewer's scope as on the page.
Response uncovered_download(AppContext& app, const PageRequest& page, FileKind kind) {
  if (!page.viewer->is_hr()) return error_page(app, page, 403);
  const std::string round = query_value(page.request, "omgang");
  if (round.empty() || !app.rounds->find(round)) return error_page(app, page, 404);
  const std::string scope = page.viewer->scope();
  auto needs = app.learning->uncovered_needs(round, scope.empty() ? std::nullopt : std::optional<std::string>(scope));
  if (!needs) return error_response(app, page, needs.error());
  return learning_table_download(app, page, kind, safe_file_stem("ej-tackta-behov-" + round), "learning_uncovered_sheet", [&](const io::CsvDialect& dialect) {
    return io::write_uncovered_csv(*needs, dialect);
  });
}

// --- One activity ---------------------------------------------------------------------

// The form's fields by their names in the catalogue file.
const std::array<std::string_view, 15> kFields{"code",     "title",     "description", "format",   "provider",
                                               "framework", "competencies", "level_from", "level_to", "hours",
                                               "starts",   "ends",      "capacity",    "audience_roles", "theme"};

struct ActivityForm {
  std::map<std::string, std::string> values;  // by field name, as typed
  std::string status = "planned";
  std::vector<FieldError> errors;
};

ActivityForm form_of(const core::LearningActivity& activity) {
  ActivityForm form;
  form.values["code"] = activity.code;
  form.values["title"] = activity.title;
  form.values["description"] = activity.description;
  form.values["format"] = std::string(core::to_code(activity.format));
  form.values["provider"] = activity.provider;
  form.values["framework"] = activity.framework_id;
  form.values["competencies"] = core::format_code_list(activity.competencies);
  form.values["level_from"] = std::to_string(activity.level_from);
  form.values["level_to"] = std::to_string(activity.level_to);
  form.values["hours"] = app::setting_number(activity.hours);
  form.values["starts"] = core::to_iso(activity.starts);
  form.values["ends"] = core::to_iso(activity.ends);
  form.values["capacity"] = activity.capacity ? std::to_string(*activity.capacity) : std::string();
  form.values["audience_roles"] = core::format_code_list(activity.audience_roles);
  form.values["theme"] = activity.theme;
  form.status = std::string(core::to_code(activity.status));
  return form;
}


std::optional<int> whole_number(const std::string& text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> decimal_number(std::string text) {
  std::replace(text.begin(), text.end(), ',', '.');
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void add_field_error(const PageRequest& page, ActivityForm& form, const std::string& field) {
  for (const FieldError& error : form.errors) {
    if (error.anchor == "activity-" + field) return;
  }
  form.errors.push_back({"activity-" + field, std::string(page.t("learning_error_" + field))});
}

// The activity the form describes; field errors for what cannot even be read.
core::LearningActivity read_activity(const PageRequest& page, ActivityForm& form) {
  core::LearningActivity activity;
  const auto value = [&](const char* field) -> std::string& { return form.values[field]; };
  activity.code = value("code");
  activity.title = value("title");
  activity.description = value("description");
  activity.provider = value("provider");
  activity.framework_id = value("framework");
  activity.theme = value("theme");
  activity.competencies = core::parse_code_list(value("competencies"));
  activity.audience_roles = core::parse_code_list(value("audience_roles"));
  if (auto format = core::parse_activity_format(value("format"))) activity.format = *format;
  else add_field_error(page, form, "format");
  if (auto status = core::parse_activity_status(form.status)) activity.status = *status;
  else add_field_error(page, form, "status");
  if (auto level = whole_number(value("level_from"))) activity.level_from = *level;
  else add_field_error(page, form, "level_from");
  if (auto level = whole_number(value("level_to"))) activity.level_to = *level;
  else add_field_error(page, form, "level_to");
  if (auto hours = decimal_number(value("hours"))) activity.hours = *hours;
  else add_field_error(page, form, "hours");
  if (auto starts = core::parse_iso_date(value("starts"))) activity.starts = *starts;
  else add_field_error(page, form, "starts");
  if (auto ends = core::parse_iso_date(value("ends"))) activity.ends = *ends;
  else add_field_error(page, form, "ends");
  if (!value("capacity").empty()) {
    if (auto capacity = whole_number(value("capacity"))) activity.capacity = *capacity;
    else add_field_error(page, form, "capacity");
  }
  return activity;
}

// Whether HR may see (and mark) the person: in HR's scope.
bool in_scope(const AppContext& app, const Viewer& viewer, const std::string& employee_id) {
  const core::Person* person = app.directory->find(employee_id);
  return person != nullptr && app.directory->unit_in_subtree(person->unit_code, viewer.scope());
}

Response render_activity(AppContext& app, const PageRequest& page, int status, const ActivityForm& form, bool create,
                         const std::vector<FieldError>& attendance_errors = {}) {
  const Viewer& viewer = *page.viewer;
  TemplateData data;
  data.set("csrf", viewer.csrf_token);
  data.set("create", flag(create));
  const auto get = [&](const std::string& field) {
    const auto found = form.values.find(field);
    return found == form.values.end() ? std::string() : found->second;
  };
  const std::string code = get("code");
  data.set("title", create ? std::string(page.t("learning_new_title"))
                           : format_text(page.t("learning_edit_title"), {{"code", code}}));
  data.set("action", create ? std::string(kPath) + "/ny" : std::string(kPath) + "/a/" + url_encode(code));
  TemplateData fields = list();
  for (std::string_view name : kFields) {
    const std::string field(name);
    if (field == "format" || field == "framework") continue;
    if (field == "code" && !create) continue;
    TemplateData& item = add_object(fields);
    item.set("name", field);
    item.set("label", std::string(page.t("learning_field_" + field)));
    item.set("value", get(field));
    item.set("type", field == "starts" || field == "ends" ? std::string("date") : std::string("text"));
    item.set("own_text", flag(field == "title" || field == "description" || field == "provider" || field == "theme"));
    item.set("required", flag(field == "code" || field == "title" || field == "competencies" || field == "level_from" ||
                              field == "level_to" || field == "hours" || field == "starts" || field == "ends"));
    for (const FieldError& error : form.errors) {
      if (error.anchor == "activity-" + field) item.set("error", error.message);
    }
  }
  data.set("fields", fields);
  data.set("data_lang", data_lang(page));
  if (!create) data.set("code", code);
  TemplateData formats = list();
  for (std::string_view format : core::activity_format_codes()) {
    TemplateData& option = add_object(formats);
    option.set("value", std::string(format));
    option.set("label", std::string(format));
    option.set("selected", flag(format == get("format")));
  }
  data.set("formats", formats);
  TemplateData statuses = list();
  for (std::string_view code_text : kStatuses) {
    TemplateData& option = add_object(statuses);
    option.set("value", std::string(code_text));
    option.set("label", status_text(page, *core::parse_activity_status(code_text)));
    option.set("selected", flag(code_text == form.status));
  }
  data.set("statuses", statuses);
  TemplateData frameworks = list();
  auto summaries = app.frameworks->list();
  if (summaries) {
    for (const core::FrameworkSummary& summary : *summaries) {
      TemplateData& option = add_object(frameworks);
      option.set("value", summary.id);
      option.set("label", summary.name);
      option.set("selected", flag(summary.id == get("framework")));
    }
  }
  data.set("frameworks", frameworks);
  for (const FieldError& error : form.errors) {
    if (error.anchor == "activity-format") data.set("format_error", error.message);
    if (error.anchor == "activity-framework") data.set("framework_error", error.message);
    if (error.anchor == "activity-status") data.set("status_error", error.message);
  }
  std::vector<FieldError> all_errors = form.errors;
  all_errors.insert(all_errors.end(), attendance_errors.begin(), attendance_errors.end());
  data.set("has_errors", flag(!all_errors.empty()));
  data.set("errors", errors_data(all_errors));
  if (!create) {
    // The registrations of people in HR's scope.
    TemplateData rows = list();
    std::size_t index = 0;  // of the rows that can be marked (the form's person_N)
    std::size_t shown = 0;
    for (const core::Participation& row : app.published->learning->participation()) {
      if (row.activity != code || !in_scope(app, viewer, row.employee_id)) continue;
      const core::Person* person = app.directory->find(row.employee_id);
      TemplateData& item = add_object(rows);
      ++shown;
      if (row.status != core::ParticipationStatus::kCancelled) item.set("index", std::to_string(index++));
      item.set("employee_id", row.employee_id);
      item.set("name", person->name);
      item.set("unit", app.directory->unit_name(person->unit_code));
      item.set("date", format_date(page.language, core::to_iso(row.date)));
      item.set("status", participation_text(page, row.status));
      item.set("hours", row.hours ? app::setting_number(*row.hours) : std::string());
      item.set("cancelled", flag(row.status == core::ParticipationStatus::kCancelled));
      TemplateData options = list();
      for (core::ParticipationStatus choice : {core::ParticipationStatus::kRegistered, core::ParticipationStatus::kAttended,
                                               core::ParticipationStatus::kNoShow}) {
        TemplateData& option = add_object(options);
        option.set("value", std::string(core::to_code(choice)));
        option.set("label", participation_text(page, choice));
        option.set("selected", flag(choice == row.status));
      }
      item.set("options", options);
      for (const FieldError& error : attendance_errors) {
        if (error.anchor == "attendance-" + row.employee_id) item.set("error", error.message);
      }
    }
    data.set("registrations", rows);
    data.set("has_registrations", flag(shown > 0));
  }
  return page_response(status, render_layout(app, page, page.t("learning_title"), kPath,
                                             render("learning_activity", page.language, data)));
}

const core::LearningActivity* find_activity(const AppContext& app, const std::string& code) {
  for (const core::LearningActivity& activity : app.published->learning->activities()) {
    if (activity.code == code) return &activity;
  }
  return nullptr;
}

Response activity_page(AppContext& app, const PageRequest& page, const std::string& code) {
  if (!page.viewer->is_hr()) return error_page(app, page, 403);
  if (code.empty()) {
    ActivityForm form;
    form.values["format"] = "kurs";
    form.values["level_from"] = "1";
    return render_activity(app, page, 200, form, true);
  }
  const core::LearningActivity* activity = find_activity(app, code);
  if (activity == nullptr) return error_page(app, page, 404);
  return render_activity(app, page, 200, form_of(*activity), false);
}

Response activity_save(AppContext& app, const PageRequest& page, const std::string& code) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.is_hr()) return error_page(app, page, 403);
  const FormData posted = FormData::parse(page.request.body);
  if (!csrf_valid(page, posted)) return error_page(app, page, 403, page.t("error_csrf_text"));
  const bool create = code.empty();
  if (!create && find_activity(app, code) == nullptr) return error_page(app, page, 404);
  ActivityForm form;
  for (std::string_view name : kFields) form.values[std::string(name)] = posted.get(name);
  form.status = posted.get("status");
  if (!create) form.values["code"] = code;
  core::LearningActivity activity = read_activity(page, form);
  {
    // The import's checks too, also when a field could not be read (written only when all is well).
    const bool readable = form.errors.empty();
    auto saved = app.learning->save_activity(activity, create, viewer.account.employee_id, !readable);
    if (!saved) {
      if (saved.error().kind != core::ErrorKind::kInvalidInput) return error_response(app, page, saved.error());
      for (const core::Problem& problem : saved.error().problems) {
        const bool known = std::find(kFields.begin(), kFields.end(), problem.where) != kFields.end();
        add_field_error(page, form, known ? problem.where : std::string("code"));
      }
    }
  }
  if (!form.errors.empty()) return render_activity(app, page, 422, form, create);
  return redirect_to(std::string(kPath) + "?klart=learning_activity_saved");
}

Response attendance_save(AppContext& app, const PageRequest& page, const std::string& code) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.is_hr()) return error_page(app, page, 403);
  const FormData posted = FormData::parse(page.request.body);
  if (!csrf_valid(page, posted)) return error_page(app, page, 403, page.t("error_csrf_text"));
  const core::LearningActivity* activity = find_activity(app, code);
  if (activity == nullptr) return error_page(app, page, 404);
  app::AttendanceRequest request;
  request.activity = code;
  request.scope_unit = viewer.scope();
  std::vector<FieldError> errors;
  // Rows come as person_N, status_N, hours_N (N as the page numbered them; any subset).
  for (const auto& [name, value] : posted.fields()) {
    if (!name.starts_with("person_")) continue;
    const std::string suffix = name.substr(std::string_view("person").size());
    app::AttendanceMark mark;
    mark.employee_id = value;
    const auto status = core::parse_participation_status(posted.get("status" + suffix));
    if (!status || *status == core::ParticipationStatus::kCancelled) {
      errors.push_back({"attendance-" + mark.employee_id,
                        format_text(page.t("learning_error_attendance_status"), {{"person", mark.employee_id}})});
      continue;
    }
    mark.status = *status;
    if (const std::string hours = posted.get("hours" + suffix); !hours.empty()) {
      mark.hours = decimal_number(hours);
      if (!mark.hours || *status != core::ParticipationStatus::kAttended || !(*mark.hours > 0) || *mark.hours > 10000) {
        errors.push_back({"attendance-" + mark.employee_id,
                          format_text(page.t("learning_error_attendance_hours"), {{"person", mark.employee_id}})});
        continue;
      }
    }
    request.marks.push_back(std::move(mark));
  }
  if (errors.empty()) {
    auto marked = app.learning->mark_attendance(request, viewer.account.employee_id);
    if (!marked) {
      if (marked.error().kind != core::ErrorKind::kInvalidInput) return error_response(app, page, marked.error());
      for (const core::Problem& problem : marked.error().problems) {
        std::string person = problem.where;
        if (person.starts_with("hours ")) person = person.substr(6);
        errors.push_back({"attendance-" + person,
                          format_text(page.t("learning_error_attendance_person"), {{"person", person}})});
      }
    }
  }
  if (!errors.empty()) return render_activity(app, page, 422, form_of(*activity), false, errors);
  return redirect_to(std::string(kPath) + "?klart=learning_attendance_saved");
}

}  // namespace

void register_learning(Router& router) {
  router.get(std::string(kPath), [](AppContext& app, PageRequest& page, const RouteParams&) { return learning_page(app, page); });
  router.post(std::string(kPath) + "/mal",
              [](AppContext& app, PageRequest& page, const RouteParams&) { return save_targets(app, page); });
  router.get(std::string(kPath) + "/deltagare.csv",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return participant_download(app, page, false); });
  router.get(std::string(kPath) + "/statistik.csv", [](AppContext& app, PageRequest& page, const RouteParams&) {
    return statistics_download(app, page, FileKind::kCsv);
  });
  router.get(std::string(kPath) + "/statistik.xlsx", [](AppContext& app, PageRequest& page, const RouteParams&) {
    return statistics_download(app, page, FileKind::kXlsx);
  });
  router.get(std::string(kPath) + "/ej-tackta.csv", [](AppContext& app, PageRequest& page, const RouteParams&) {
    return uncovered_download(app, page, FileKind::kCsv);
  });
  router.get(std::string(kPath) + "/ej-tackta.xlsx", [](AppContext& app, PageRequest& page, const RouteParams&) {
    return uncovered_download(app, page, FileKind::kXlsx);
  });
  router.get(std::string(kPath) + "/deltagare.xlsx",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return participant_download(app, page, true); });
  router.get(std::string(kPath) + "/ny",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return activity_page(app, page, {}); });
  router.post(std::string(kPath) + "/ny",
              [](AppContext& app, PageRequest& page, const RouteParams&) { return activity_save(app, page, {}); });
  router.get(std::string(kPath) + "/a/{code}", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return activity_page(app, page, params.get("code"));
  });
  router.post(std::string(kPath) + "/a/{code}", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return activity_save(app, page, params.get("code"));
  });
  router.post(std::string(kPath) + "/a/{code}/narvaro", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return attendance_save(app, page, params.get("code"));
  });
  router.pages().add({.path = std::string(kPath), .title_key = "nav_learning", .tile_text_key = "home_learning_text",
                      .order = 58, .visible = [](const Viewer& viewer) { return viewer.sees_overview(); },
                      .tile_status = {}});
}

}  // namespace trappa::web
