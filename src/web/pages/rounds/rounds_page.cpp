// Omgångar: HR lists, creates, opens and closes assessment rounds. A round pins the latest
// revision of its framework when it is created; rounds move forward only (draft → open →
// closed). Each change republishes the round's analytics snapshot.
#include <spdlog/spdlog.h>

#include "core/analytics/gap_query.hpp"
#include "core/assessment/assessment_rules.hpp"
#include "core/base/date.hpp"
#include "core/framework/framework.hpp"
#include "io/exports/gap_report_output.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/pages/rounds/rounds_routes.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

struct RoundForm {
  std::string name;
  std::string framework;
  std::string scope;
  std::string opens;
  std::string closes;
  std::string name_error;
  std::string opens_error;
  std::string closes_error;
  std::string scope_error;
  std::vector<FieldError> errors;
};

Response render_rounds(AppContext& app, const PageRequest& page, int status, const RoundForm& form) {
  const Viewer& viewer = *page.viewer;
  auto frameworks = app.frameworks->list();
  if (!frameworks) return error_response(app, page, frameworks.error());
  TemplateData data;
  data.set("csrf", viewer.csrf_token);
  TemplateData rows = list();
  auto rounds = app.rounds->rounds();
  for (auto it = rounds->rbegin(); it != rounds->rend(); ++it) {
    const app::RoundView& view = **it;
    const core::Round& round = view.round;
    TemplateData row;
    row.set("name", round.name);
    row.set("name_path", url_encode(round.name));
    row.set("framework", round.framework_id + " (rev. " + std::to_string(round.framework_revision) + ")");
    row.set("scope", round.scope_unit.empty() ? std::string(page.t("rounds_whole_organisation"))
                                              : app.directory->unit_name(round.scope_unit));
    std::string period = format_date(page.language, round.opens);
    if (!round.closes.empty()) period += " – " + format_date(page.language, round.closes);
    row.set("period", period);
    row.set("state", std::string(state_label(page, round.state)));
    row.set("state_code", std::string(core::to_code(round.state)));
    const auto report = core::run_gap_query(*view.snapshot, core::GapQuery{});
    row.set("people", grouped_number(view.snapshot->people()));
    row.set("participation", report ? io::swedish_percent(report->participation) : std::string("–"));
    row.set("can_open", flag(round.state == core::RoundState::kDraft));
    row.set("can_close", flag(round.state == core::RoundState::kOpen));
    rows.push_back(row);
  }
  data.set("rounds", rows);
  TemplateData framework_options = list();
  // A framework's name in its own language; a summary carries none, so the default (Swedish).
  const std::string fw_lang = framework_lang_attribute(page, core::Framework{});
  for (const core::FrameworkSummary& summary : *frameworks) {
    TemplateData option;
    option.set("fw_lang", fw_lang);
    option.set("value", summary.id);
    option.set("label", summary.name + " (rev. " + std::to_string(summary.revision) + ")");
    option.set("selected", flag(summary.id == form.framework));
    framework_options.push_back(option);
  }
  data.set("frameworks", framework_options);
  TemplateData units = list();
  for (const auto& [code, label] : unit_options(*app.directory, viewer.scope(), form.scope)) {
    TemplateData option;
    option.set("value", code);
    option.set("label", label);
    option.set("selected", flag(code == form.scope));
    units.push_back(option);
  }
  data.set("units", units);
  data.set("form_name", form.name);
  data.set("form_opens", form.opens);
  data.set("form_closes", form.closes);
  // Only set when there is an error: a set string counts as true in a section.
  if (!form.name_error.empty()) data.set("name_error", form.name_error);
  if (!form.opens_error.empty()) data.set("opens_error", form.opens_error);
  if (!form.closes_error.empty()) data.set("closes_error", form.closes_error);
  if (!form.scope_error.empty()) data.set("scope_error", form.scope_error);
  data.set("has_errors", flag(!form.errors.empty()));
  data.set("errors", errors_data(form.errors));
  const auto flash = page.request.query.find("klart");
  return page_response(status, render_layout(app, page, page.t("rounds_title"), "/omgangar",
                                             render("rounds", page.language, data),
                                             flash != page.request.query.end() ? allowed_flash(flash->second)
                                                                               : std::string_view{}));
}

// Issue 13, item 5: opening a round that overlaps an open one, or before its opening date,
// asks first, naming the overlapping rounds and the date; nothing was written.
Response render_open_confirmation(AppContext& app, const PageRequest& page, const core::Round& round,
                                  const core::OpeningCheck& check) {
  TemplateData data;
  data.set("csrf", page.viewer->csrf_token);
  data.set("name", round.name);
  data.set("name_path", url_encode(round.name));
  TemplateData overlapping = list();
  for (const std::string& other : check.overlapping) overlapping.push_back(TemplateData(other));
  data.set("overlapping", overlapping);
  data.set("early", flag(check.before_opening_date));
  data.set("opens", format_date(page.language, round.opens));
  return page_response(200, render_layout(app, page, page.t("rounds_confirm_title"), "/omgangar",
                                          render("round_open_confirm", page.language, data)));
}

}  // namespace

Response rounds_page(AppContext& app, const PageRequest& page) {
  if (!page.viewer->is_hr()) return error_page(app, page, 403);
  return render_rounds(app, page, 200, RoundForm{});
}

Response rounds_create(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.is_hr()) return error_page(app, page, 403);
  const FormData form_data = FormData::parse(page.request.body);
  if (!csrf_valid(page, form_data)) return error_page(app, page, 403, page.t("error_csrf_text"));
  RoundForm form{form_data.get("name"), form_data.get("framework"), form_data.get("scope"), form_data.get("opens"),
                 form_data.get("closes"), {}, {}, {}, {}, {}};
  while (!form.name.empty() && form.name.back() == ' ') form.name.pop_back();
  while (!form.name.empty() && form.name.front() == ' ') form.name.erase(form.name.begin());
  if (core::round_name_problem(form.name)) {
    form.name_error = std::string(page.t("error_round_name"));
  } else if (app.rounds->find(form.name)) {
    form.name_error = std::string(page.t("error_round_exists"));
  }
  if (!form.opens.empty() && !core::parse_iso_date(form.opens)) form.opens_error = std::string(page.t("error_date"));
  if (!form.closes.empty() && !core::parse_iso_date(form.closes)) form.closes_error = std::string(page.t("error_date"));
  if (form.opens_error.empty() && form.closes_error.empty() && !form.opens.empty() && !form.closes.empty() &&
      form.closes < form.opens) {
    form.closes_error = std::string(page.t("error_closes_before_opens"));
  }
  // A unit that does not exist is refused: taking it for the whole organisation would open
  // the round to everyone. HR creates rounds only within their own scope.
  if (!form.scope.empty() && !app.directory->tree().index_of(form.scope)) {
    form.scope_error = std::string(page.t("error_unknown_unit"));
  } else if (!viewer.scope().empty() &&
             (form.scope.empty() || !app.directory->unit_in_subtree(form.scope, viewer.scope()))) {
    form.scope = viewer.scope();
  }
  if (!form.name_error.empty()) form.errors.push_back({"round-name", form.name_error});
  if (!form.scope_error.empty()) form.errors.push_back({"round-scope", form.scope_error});
  if (!form.opens_error.empty()) form.errors.push_back({"round-opens", form.opens_error});
  if (!form.closes_error.empty()) form.errors.push_back({"round-closes", form.closes_error});
  if (!form.errors.empty()) return render_rounds(app, page, 422, form);

  // kNotFound (no such framework) is a 404 page; kConflict (the name was taken meanwhile)
  // shows the form again.
  auto created = app.round_administration->create(
      app::NewRound{form.name, form.framework, form.scope, form.opens, form.closes}, viewer.account.employee_id);
  if (!created) {
    if (created.error().kind == core::ErrorKind::kConflict) {
      form.name_error = std::string(page.t("error_round_exists"));
      form.errors.push_back({"round-name", form.name_error});
      return render_rounds(app, page, 409, form);
    }
    return error_response(app, page, created.error());
  }
  if (created->not_published) {
    spdlog::error("request_id={} {}", page.request.request_id, created->not_published->describe());
  }
  return redirect_to("/omgangar?klart=rounds_created");
}

Response rounds_change_state(AppContext& app, const PageRequest& page, const std::string& name,
                             core::RoundState state) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.is_hr()) return error_page(app, page, 403);
  const FormData form = FormData::parse(page.request.body);
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  auto round = app.rounds->find(name);
  if (!round) return error_page(app, page, 404);
  if (!app.directory->unit_in_subtree(round->round.scope_unit.empty() ? std::string{} : round->round.scope_unit,
                                      viewer.scope()) ||
      (!viewer.scope().empty() && round->round.scope_unit.empty())) {
    return error_page(app, page, 403);
  }
  const auto confirmation =
      form.get("bekrafta") == "ja" ? app::OpeningConfirmation::kConfirmed : app::OpeningConfirmation::kNotConfirmed;
  auto changed = app.round_administration->change_state(name, state, viewer.account.employee_id,
                                                        app.options.clock->today(), confirmation);
  if (!changed) {
    if (changed.error().kind == core::ErrorKind::kConflict) {
      return error_page(app, page, 409, page.t("error_round_state"));
    }
    return error_response(app, page, changed.error());
  }
  if (changed->unconfirmed) return render_open_confirmation(app, page, round->round, *changed->unconfirmed);
  if (changed->not_published) {
    spdlog::error("request_id={} {}", page.request.request_id, changed->not_published->describe());
  }
  return redirect_to(state == core::RoundState::kOpen ? "/omgangar?klart=rounds_opened" : "/omgangar?klart=rounds_closed");
}

void register_rounds(Router& router) {
  router.get("/omgangar", [](AppContext& app, PageRequest& page, const RouteParams&) { return rounds_page(app, page); });
  router.post("/omgangar", [](AppContext& app, PageRequest& page, const RouteParams&) { return rounds_create(app, page); });
  router.post("/omgangar/{round}/oppna", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return rounds_change_state(app, page, params.get("round"), core::RoundState::kOpen);
  });
  router.post("/omgangar/{round}/stang", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return rounds_change_state(app, page, params.get("round"), core::RoundState::kClosed);
  });
  register_not_started(router);
  router.pages().add({.path = "/omgangar", .title_key = "nav_rounds", .tile_text_key = "home_rounds_text", .order = 60,
                      .visible = [](const Viewer& viewer) { return viewer.is_hr(); }, .tile_status = {}});
}

}  // namespace trappa::web
