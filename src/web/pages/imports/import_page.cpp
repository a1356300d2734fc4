// Importera (docs/web.md, "Importera"):
//   GET  /importera            the upload form: file, kind, framework or round, column map, and
//                              the CLI's --date-format, --unit-by, --sheet and --encoding
//                              (fields datumformat, enheter, flik, teckenkodning)
//   POST /importera            multipart/form-data: keeps the file server-side, runs the import
//                              as a dry run and shows the preview (the first records as read)
//                              or every problem as FILE:LINE:COLUMN with the reason
//   POST /importera/{token}    confirm (atgard=bekrafta: the import starts) or cancel
//                              (atgard=avbryt: the file is removed)
//   GET  /importera/{token}    the import's progress (<progress>, the page reloads itself every
//                              second while it runs) and its result; before the confirmation,
//                              the preview again
// For administrators and HR without a unit scope: an import changes the whole organisation's
// data, which HR with a scope may not (docs/web.md, "Who may change what").
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/imports/web_imports.hpp"
#include "core/base/text_checks.hpp"
#include "core/framework/framework.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/pages/imports/imports_routes.hpp"
#include "web/server/http_util.hpp"
#include "web/server/multipart.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

constexpr std::string_view kPath = kImportUploadPath;
constexpr std::size_t kMaxProblemsShown = 200;

// The kinds offered, by the code the form sends (the CLI's `trappa import KIND`).
struct KindChoice {
  std::string_view code;
  app::ImportKind kind;
  bool needs_framework;
  bool needs_round;
};
constexpr std::array<KindChoice, 8> kKinds{{
    {"units", app::ImportKind::kUnits, false, false},
    {"people", app::ImportKind::kPeople, false, false},
    {"employments", app::ImportKind::kEmployments, false, false},
    {"activities", app::ImportKind::kActivities, true, false},
    {"participation", app::ImportKind::kParticipation, false, false},
    {"profiles", app::ImportKind::kProfiles, true, false},
    {"assessments", app::ImportKind::kAssessments, false, true},
    {"motivation", app::ImportKind::kMotivation, false, true},
}};

const KindChoice* find_kind(std::string_view code) {
  for (const KindChoice& choice : kKinds) {
    if (choice.code == code) return &choice;
  }
  return nullptr;
}

const KindChoice* find_kind(app::ImportKind kind) {
  for (const KindChoice& choice : kKinds) {
    if (choice.kind == kind) return &choice;
  }
  return nullptr;
}

bool may_import(const Viewer& viewer) { return viewer.is_hr() && viewer.scope().empty(); }

// The column maps shipped in the data directory (data/import-maps/*.toml), by file stem.
std::vector<std::string> column_maps(const AppContext& app) {
  std::vector<std::string> maps;
  std::error_code error;
  const auto& directory = app.options.import_maps_directory;
  if (directory.empty() || !std::filesystem::is_directory(directory, error)) return maps;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.is_regular_file(error) && entry.path().extension() == ".toml") maps.push_back(entry.path().stem().string());
  }
  std::sort(maps.begin(), maps.end());
  return maps;
}

// The choices of the form's option fields, by the value the form sends; the first is the
// default. Date forms are shown as written (they are examples, not words).
constexpr std::array<std::string_view, 4> kDateFormats{"", "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY"};
constexpr std::array<std::string_view, 2> kUnitsBy{"kod", "namn"};
constexpr std::array<std::string_view, 2> kEncodings{"", "cp1252"};
// Excel allows 31 characters in a sheet name.
constexpr std::size_t kMaxSheetCharacters = 31;

template <std::size_t N>
bool is_choice(const std::array<std::string_view, N>& choices, std::string_view value) {
  return std::find(choices.begin(), choices.end(), value) != choices.end();
}

std::size_t character_count(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

// Options for a select: each choice with the label `label_of` gives it.
template <std::size_t N, typename LabelOf>
TemplateData choice_options(const std::array<std::string_view, N>& choices, std::string_view selected,
                            LabelOf label_of) {
  TemplateData options = list();
  for (std::string_view choice : choices) {
    TemplateData& option = add_object(options);
    option.set("value", std::string(choice));
    option.set("label", label_of(choice));
    option.set("selected", flag(choice == selected));
  }
  return options;
}

// Whether `id` names a stored framework (a choice of the form's list).
bool known_framework(AppContext& app, const std::string& id) {
  auto summaries = app.frameworks->list();
  return summaries && std::any_of(summaries->begin(), summaries->end(),
                                  [&](const core::FrameworkSummary& summary) { return summary.id == id; });
}

// What the form was sent with, to show it again with its errors.
struct UploadForm {
  std::string kind = "people";
  std::string framework;
  std::string round;
  std::string map;
  std::string dates;     // a kDateFormats choice
  std::string units_by = "kod";
  std::string sheet;
  std::string encoding;  // a kEncodings choice
  std::vector<FieldError> errors;
};

Response render_form(AppContext& app, const PageRequest& page, int status, const UploadForm& form) {
  TemplateData data;
  data.set("csrf", page.viewer->csrf_token);
  data.set("action", std::string(kPath));
  TemplateData kinds = list();
  for (const KindChoice& choice : kKinds) {
    TemplateData& option = add_object(kinds);
    option.set("value", std::string(choice.code));
    option.set("label", std::string(page.t("import_kind_" + std::string(choice.code))));
    option.set("selected", flag(choice.code == form.kind));
  }
  data.set("kinds", kinds);
  TemplateData frameworks = list();
  if (auto summaries = app.frameworks->list()) {
    // A framework's name in its own language; a summary carries none, so the default (Swedish).
    const std::string fw_lang = framework_lang_attribute(page, core::Framework{});
    for (const core::FrameworkSummary& summary : *summaries) {
      TemplateData& option = add_object(frameworks);
      option.set("fw_lang", fw_lang);
      option.set("value", summary.id);
      option.set("label", summary.name);
      option.set("selected", flag(summary.id == form.framework));
    }
  }
  data.set("frameworks", frameworks);
  data.set("rounds", round_options(app, form.round));
  const std::vector<std::string> maps = column_maps(app);
  if (!maps.empty()) {
    TemplateData options = list();
    for (const std::string& map : maps) {
      TemplateData& option = add_object(options);
      option.set("value", map);
      option.set("label", map);
      option.set("selected", flag(map == form.map));
    }
    data.set("maps", options);
    data.set("has_maps", flag(true));
  }
  data.set("date_formats", choice_options(kDateFormats, form.dates, [&](std::string_view choice) {
             return choice.empty() ? std::string(page.t("import_dates_iso")) : std::string(choice);
           }));
  data.set("units_by", choice_options(kUnitsBy, form.units_by, [&](std::string_view choice) {
             return std::string(page.t("import_units_by_" + std::string(choice)));
           }));
  data.set("sheet", form.sheet);
  data.set("encodings", choice_options(kEncodings, form.encoding, [&](std::string_view choice) {
             return choice.empty() ? std::string(page.t("import_encoding_utf")) : std::string("Windows-1252");
           }));
  data.set("max_megabytes", std::to_string(kMaxUploadBytes / (1024 * 1024)));
  data.set("has_errors", flag(!form.errors.empty()));
  data.set("errors", errors_data(form.errors));
  for (const FieldError& error : form.errors) {
    data.set(error.anchor.substr(std::string_view("import-").size()) + "_error", error.message);
  }
  return page_response(status, render_layout(app, page, page.t("import_title"), kPath, render("import", page.language, data),
                                             allowed_flash(query_value(page.request, "klart"))));
}

Response import_form(AppContext& app, const PageRequest& page) {
  if (!may_import(*page.viewer)) return error_page(app, page, 403, page.t("import_error_access"));
  return render_form(app, page, 200, UploadForm{});
}

// The dry run's result: the records as read, or every problem.
Response render_preview(AppContext& app, const PageRequest& page, const std::string& token, const std::string& file_name,
                        const KindChoice& kind, const core::Result<app::ImportOutcome>& outcome) {
  TemplateData data;
  data.set("csrf", page.viewer->csrf_token);
  data.set("action", std::string(kPath) + "/" + token);
  data.set("file_name", file_name);
  data.set("kind", std::string(page.t("import_kind_" + std::string(kind.code))));
  data.set("form_href", std::string(kPath));
  if (outcome) {
    const app::ImportPreview& preview = outcome->preview;
    data.set("ok", flag(true));
    data.set("what", format_text(page.t("import_preview_ready"), {{"count", grouped_number(preview.total)}}));
    data.set("shown", format_text(page.t("import_preview_shown"), {{"shown", grouped_number(preview.rows.size())},
                                                                  {"count", grouped_number(preview.total)}}));
    TemplateData columns = list();
    for (const std::string& column : preview.columns) add_object(columns).set("name", column);
    data.set("columns", columns);
    TemplateData rows = list();
    for (const auto& row : preview.rows) {
      TemplateData cells = list();
      for (const std::string& cell : row) add_object(cells).set("text", cell);
      add_object(rows).set("cells", cells);
    }
    data.set("rows", rows);
    return page_response(200, render_layout(app, page, page.t("import_preview_title"), kPath,
                                            render("import_preview", page.language, data)));
  }
  const core::Error& error = outcome.error();
  std::vector<core::Problem> problems = error.problems;
  if (problems.empty()) problems.push_back({file_name, error.message});
  TemplateData items = list();
  for (std::size_t i = 0; i < problems.size() && i < kMaxProblemsShown; ++i) {
    add_object(items).set("text", problems[i].to_string());
  }
  data.set("problems", items);
  data.set("problem_count", format_text(page.t(problems.size() > kMaxProblemsShown ? "import_problems_more" : "import_problems_count"),
                                        {{"count", grouped_number(problems.size())},
                                         {"shown", grouped_number(std::min(problems.size(), kMaxProblemsShown))}}));
  return page_response(422, render_layout(app, page, page.t("import_preview_title"), kPath,
                                          render("import_preview", page.language, data)));
}

Response upload(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (!may_import(viewer)) return error_page(app, page, 403, page.t("import_error_access"));
  auto form_data = MultipartForm::parse(header(page.request, "content-type"), page.request.body);
  if (!form_data) {
    spdlog::info("request_id={} refused upload: {}", page.request.request_id, form_data.error().describe());
    return error_page(app, page, 400, page.t("import_error_multipart"));
  }
  if (!csrf_valid(page, form_data->get("csrf"))) return error_page(app, page, 403, page.t("error_csrf_text"));
  UploadForm form;
  form.kind = form_data->get("typ");
  form.framework = form_data->get("ramverk");
  form.round = form_data->get("omgang");
  form.map = form_data->get("karta");
  form.dates = form_data->get("datumformat");
  if (form_data->part("enheter") != nullptr) form.units_by = form_data->get("enheter");
  form.sheet = form_data->get("flik");
  form.encoding = form_data->get("teckenkodning");
  const KindChoice* kind = find_kind(form.kind);
  if (kind == nullptr) form.errors.push_back({"import-kind", std::string(page.t("import_error_kind"))});
  const MultipartPart* file = form_data->part("fil");
  if (file == nullptr || !file->filename || file->filename->empty() || file->body.empty()) {
    form.errors.push_back({"import-file", std::string(page.t("import_error_file"))});
  }
  if (kind != nullptr && kind->needs_framework && !known_framework(app, form.framework)) {
    form.errors.push_back({"import-framework", std::string(page.t("import_error_framework"))});
  }
  if (kind != nullptr && kind->needs_round && (form.round.empty() || !app.rounds->find(form.round))) {
    form.errors.push_back({"import-round", std::string(page.t("import_error_round"))});
  }
  if (!form.map.empty()) {
    const auto maps = column_maps(app);
    if (std::find(maps.begin(), maps.end(), form.map) == maps.end()) {
      form.errors.push_back({"import-map", std::string(page.t("import_error_map"))});
    }
  }
  if (!is_choice(kDateFormats, form.dates)) {
    form.errors.push_back({"import-dates", std::string(page.t("import_error_dates"))});
  }
  if (!is_choice(kUnitsBy, form.units_by)) {
    form.errors.push_back({"import-units", std::string(page.t("import_error_units_by"))});
  }
  if (character_count(form.sheet) > kMaxSheetCharacters ||
      core::find_text_flaw(form.sheet, core::LineBreaks::kRefused).has_value()) {
    form.errors.push_back({"import-sheet", std::string(page.t("import_error_sheet"))});
  }
  if (!is_choice(kEncodings, form.encoding)) {
    form.errors.push_back({"import-encoding", std::string(page.t("import_error_encoding"))});
  }
  if (!form.errors.empty()) return render_form(app, page, 422, form);
  app::WebImportOptions options;
  options.kind = kind->kind;
  if (kind->needs_framework) options.framework_id = form.framework;
  if (kind->needs_round) options.round = form.round;
  if (!form.map.empty()) options.map_file = app.options.import_maps_directory / (form.map + ".toml");
  options.date_format = form.dates;
  options.unit_by_name = form.units_by == "namn";
  options.sheet = form.sheet;
  options.encoding = form.encoding;
  auto token = app.imports->stage(viewer.session_digest, *file->filename, file->body, options);
  if (!token) return error_response(app, page, token.error());
  auto outcome = app.imports->preview(viewer.session_digest, *token);
  if (!outcome) {
    // Nothing to confirm: the file goes at once.
    (void)app.imports->cancel(viewer.session_digest, *token);
    if (outcome.error().kind == core::ErrorKind::kStorage || outcome.error().kind == core::ErrorKind::kInternal) {
      return error_response(app, page, outcome.error());
    }
  }
  return render_preview(app, page, *token, *file->filename, *kind, outcome);
}

Response decide(AppContext& app, const PageRequest& page, const std::string& token) {
  const Viewer& viewer = *page.viewer;
  if (!may_import(viewer)) return error_page(app, page, 403, page.t("import_error_access"));
  const FormData posted = FormData::parse(page.request.body);
  if (!csrf_valid(page, posted)) return error_page(app, page, 403, page.t("error_csrf_text"));
  const std::string action = posted.get("atgard");
  if (action == "avbryt") {
    auto cancelled = app.imports->cancel(viewer.session_digest, token);
    if (!cancelled) return error_response(app, page, cancelled.error());
    return redirect_to(std::string(kPath) + "?klart=import_cancelled");
  }
  if (action != "bekrafta") return error_page(app, page, 400, page.t("import_error_action"));
  auto started = app.imports->start(viewer.session_digest, token, viewer.account.employee_id);
  if (!started) return error_response(app, page, started.error());
  return redirect_to(std::string(kPath) + "/" + token);
}

Response progress_page(AppContext& app, const PageRequest& page, const std::string& token) {
  const Viewer& viewer = *page.viewer;
  if (!may_import(viewer)) return error_page(app, page, 403, page.t("import_error_access"));
  const auto job = app.imports->job(viewer.session_digest, token);
  if (!job) return error_page(app, page, 404);
  using State = app::WebImportJob::State;
  const KindChoice* kind = find_kind(job->options.kind);
  if (job->state == State::kStaged && kind != nullptr) {
    // Not confirmed yet (the preview's address reloaded): the preview again.
    return render_preview(app, page, token, job->file_name, *kind, app.imports->preview(viewer.session_digest, token));
  }
  TemplateData data;
  data.set("file_name", job->file_name);
  data.set("kind", std::string(page.t("import_kind_" + std::string(kind != nullptr ? kind->code : "people"))));
  data.set("form_href", std::string(kPath));
  const bool running = job->state == State::kRunning;
  // The bar counts the stages: read, checked, written.
  int stage = 0;
  std::size_t rows = 0;
  if (job->progress) {
    stage = static_cast<int>(job->progress->stage) + 1;
    rows = job->progress->rows;
  }
  if (job->state == State::kDone) stage = 3;
  data.set("running", flag(running));
  data.set("stage", std::to_string(stage));
  data.set("stage_text", stage == 0 ? std::string(page.t("import_progress_waiting"))
                                    : format_text(page.t("import_progress_stage_" + std::to_string(stage)),
                                                  {{"count", grouped_number(rows)}}));
  if (job->state == State::kDone && job->outcome) {
    data.set("done", flag(true));
    data.set("result", format_text(page.t("import_done"), {{"what", job->outcome->what}}));
  }
  if (job->state == State::kFailed && job->error) {
    data.set("failed", flag(true));
    TemplateData problems = list();
    std::vector<core::Problem> list_of = job->error->problems;
    if (list_of.empty()) list_of.push_back({job->file_name, job->error->message});
    for (std::size_t i = 0; i < list_of.size() && i < kMaxProblemsShown; ++i) {
      add_object(problems).set("text", list_of[i].to_string());
    }
    data.set("problems", problems);
  }
  if (job->state == State::kCancelled) data.set("cancelled", flag(true));
  return page_response(200, render_layout(app, page, page.t("import_progress_title"), kPath,
                                          render("import_status", page.language, data), {}, running ? 1 : 0));
}

}  // namespace

void register_imports(Router& router) {
  router.get(std::string(kPath), [](AppContext& app, PageRequest& page, const RouteParams&) { return import_form(app, page); });
  router.post(std::string(kPath), [](AppContext& app, PageRequest& page, const RouteParams&) { return upload(app, page); });
  router.get(std::string(kPath) + "/{token}", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return progress_page(app, page, params.get("token"));
  });
  router.post(std::string(kPath) + "/{token}", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return decide(app, page, params.get("token"));
  });
  router.pages().add({.path = std::string(kPath), .title_key = "nav_import", .tile_text_key = "home_import_text",
                      .order = 72, .visible = [](const Viewer& viewer) { return may_import(viewer); },
                      .tile_status = {}});
}

}  // namespace trappa::web
