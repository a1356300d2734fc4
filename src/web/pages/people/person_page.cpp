// Personuppgifter: one person's audit history and the download of everything stored about
// them (docs/personal-data.md). For HR within their scope and administrators; everyone else
// gets the same 404 as for a person who does not exist.
#include <fmt/format.h>

#include "io/exports/person_export_json.hpp"
#include "web/pages/people/audit_detail.hpp"
#include "web/pages/people/people_routes.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

// The person's index when the viewer may see their personal data, else nullopt.
std::optional<std::uint32_t> visible_person(const AppContext& app, const Viewer& viewer, const std::string& employee_id) {
  if (!viewer.is_hr()) return std::nullopt;
  auto person = app.directory->index_of(employee_id);
  if (!person || !app.directory->in_subtree(app.directory->people()[*person], viewer.scope())) return std::nullopt;
  return person;
}

// The catalogue key naming an action of the audit trail; the code itself for one without.
std::optional<std::string_view> action_key(std::string_view action) {
  static constexpr std::pair<std::string_view, std::string_view> kActions[] = {
      {"assessment.save", "audit_action_assessment_save"},
      {"assessment.import", "audit_action_assessment_import"},
      {"person.create", "audit_action_person_create"},
      {"person.update", "audit_action_person_update"},
      {"employment.update", "audit_action_employment_update"},
      {"account.create", "audit_action_account_create"},
      {"account.update", "audit_action_account_update"},
      {"account.revoke", "audit_action_account_revoke"},
      {"person.export", "audit_action_person_export"},
      {"person.erase", "audit_action_person_erase"},
      {"reminder.sent", "audit_action_reminder_sent"},
  };
  for (const auto& [code, key] : kActions) {
    if (code == action) return key;
  }
  return std::nullopt;
}

// "Anna Andersson (E000123)" for a person in the organisation, else the actor as written
// ("cli:karin", "demo").
std::string actor_label(const AppContext& app, const std::string& actor) {
  if (const core::Person* person = app.directory->find(actor)) return person->name + " (" + actor + ")";
  return actor;
}

// "31 mars 2026 14:05" from "2026-03-31T14:05:09Z" (UTC, as stored).
std::string time_label(Language language, const std::string& at) {
  std::string label = format_date(language, at);
  if (at.size() >= 16 && at[10] == 'T') label += " " + at.substr(11, 5);
  return label;
}

}  // namespace

Response person_page(AppContext& app, const PageRequest& page, const std::string& employee_id) {
  const Viewer& viewer = *page.viewer;
  const auto index = visible_person(app, viewer, employee_id);
  if (!index) return error_page(app, page, 404);
  const core::Person& person = app.directory->people()[*index];
  auto entries = app.personal_data->history(employee_id);
  if (!entries) return error_response(app, page, entries.error());  // kNotFound: 404
  TemplateData data;
  data.set("name", person.name);
  data.set("employee_id", person.employee_id);
  data.set("employee_path", url_encode(person.employee_id));
  data.set("csrf", page.viewer->csrf_token);
  data.set("role", person.role);
  // Issue 13, item 6: a role without a profile of its own is assessed against the framework's
  // default profile; the page says so, naming it.
  std::string default_profile;
  if (auto open = app.rounds->current_open_round(*index)) {
    const core::Framework& framework = open->snapshot->framework();
    if (framework.uses_default_profile(person.role)) default_profile = framework.default_profile;
  }
  data.set("uses_default_profile", flag(!default_profile.empty()));
  data.set("default_profile", default_profile);
  data.set("unit", app.directory->unit_name(person.unit_code));
  data.set("count", grouped_number(entries->size()));
  data.set("has_entries", flag(!entries->empty()));
  bool erased = false;
  std::string erased_at;
  TemplateData& rows = add_list(data, "entries");
  for (const core::AuditEntry& entry : *entries) {
    TemplateData& row = add_object(rows);
    row.set("at", entry.at);
    row.set("at_label", time_label(page.language, entry.at));
    row.set("actor", actor_label(app, entry.actor));
    const auto key = action_key(entry.action);
    row.set("action", std::string(key ? page.t(*key) : std::string_view(entry.action)));
    row.set("action_code", entry.action);
    row.set("detail", audit_detail_text(page, entry.action, entry.detail));
    if (entry.action == "person.erase") {
      erased = true;
      erased_at = entry.at;
    }
  }
  data.set("erased", flag(erased));
  data.set("erased_at", format_date(page.language, erased_at));
  return page_response(200, render_layout(app, page, std::string(page.t("person_title")) + ": " + person.name,
                                          {}, render("person", page.language, data)));
}

Response person_export(AppContext& app, const PageRequest& page, const std::string& employee_id) {
  const Viewer& viewer = *page.viewer;
  // A POST with the form's CSRF token: the export is recorded in the audit trail, so another
  // site must not be able to start one with a link.
  if (!csrf_valid(page, FormData::parse(page.request.body))) return error_page(app, page, 403, page.t("error_csrf_text"));
  if (!visible_person(app, viewer, employee_id)) return error_page(app, page, 404);
  // Recorded before the file is handed out: no copy leaves unrecorded.
  auto exported = app.personal_data->export_record(
      employee_id, viewer.account.employee_id,
      fmt::format("trappa-person-export version {} downloaded in the web application", io::kPersonExportVersion));
  if (!exported) return error_response(app, page, exported.error());
  if (!*exported) return error_page(app, page, 404);
  const core::AuditEntry& entry = (*exported)->recorded;
  return {200,
          "application/json; charset=utf-8",
          io::write_person_export_json((*exported)->record, {entry.at, entry.actor}),
          {{"Content-Disposition", "attachment; filename=\"" + io::person_export_file_name(employee_id) + "\""},
           {"Cache-Control", "no-store"}}};
}

void register_people(Router& router) {
  register_people_search(router);
  router.get("/personer/{employee_id}",
             [](AppContext& app, PageRequest& page, const RouteParams& params) { return person_page(app, page, params.get("employee_id")); });
  router.post("/personer/{employee_id}/export.json",
              [](AppContext& app, PageRequest& page, const RouteParams& params) { return person_export(app, page, params.get("employee_id")); });
}

}  // namespace trappa::web
