// Ramverk: a framework's areas, competencies with their level descriptors, and the role ×
// competency matrix of expected levels. Every signed-in person may read it, and download the
// matrix (/ramverk/profiler.csv|.xlsx?id=ID) in the format `trappa import profiles` reads, as
// `trappa export profiles` writes it (io/exports/profile_matrix_output.hpp).
#include "i18n/ui_text.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/exports/profile_matrix_output.hpp"
#include "io/xlsx/csv_sheet.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/pages/framework/framework_routes.hpp"
#include "web/ui/download.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

Response framework_page(AppContext& app, const PageRequest& page) {
  auto frameworks = app.frameworks->list();
  if (!frameworks) {
    return error_response(app, page, frameworks.error());
  }
  std::string chosen;
  if (auto named = page.request.query.find("id"); named != page.request.query.end()) chosen = named->second;
  if (chosen.empty()) {
    // The framework of the open round, else the first one.
    if (auto open = app.rounds->current_open_round(page.viewer->person_index)) chosen = open->round.framework_id;
    else if (!frameworks->empty()) chosen = frameworks->front().id;
  }
  std::optional<core::FrameworkRevision> stored;
  if (!chosen.empty()) {
    auto loaded = app.frameworks->latest(chosen);
    if (!loaded) {
      return error_response(app, page, loaded.error());
    }
    if (!*loaded) return error_page(app, page, 404);
    stored = std::move(*loaded);
  }
  TemplateData data;
  data.set("no_framework", flag(!stored));
  data.set("has_framework", flag(stored.has_value()));
  if (stored) {
    const core::Framework& framework = stored->framework;
    data.set("fw_lang", framework_lang_attribute(page, framework));
    data.set("has_choice", flag(frameworks->size() > 1));
    TemplateData choices = list();
    for (const core::FrameworkSummary& summary : *frameworks) {
      TemplateData option;
      option.set("value", summary.id);
      option.set("label", summary.name);
      option.set("selected", flag(summary.id == framework.id));
      choices.push_back(option);
    }
    data.set("frameworks", choices);
    data.set("name", framework.name);
    data.set("version", framework.version);
    data.set("revision", std::to_string(stored->revision));
    data.set("description", framework.description);
    TemplateData scale = list();
    for (int level = framework.scale.min; level <= framework.scale.max; ++level) {
      TemplateData item;
      item.set("level", std::to_string(level));
      item.set("name", level_name(framework, level));
      scale.push_back(item);
    }
    data.set("scale", scale);
    TemplateData areas = list();
    TemplateData matrix = list();
    for (const core::Area& area : framework.areas) {
      TemplateData section;
      section.set("code", area.code);
      section.set("name", area.name);
      section.set("description", area.description);
      section.set("motivation_question", area.motivation_question);
      section.set("restricted", flag(!area.roles.empty()));
      std::string roles;
      for (const std::string& role : area.roles) roles += (roles.empty() ? "" : ", ") + role;
      section.set("roles", roles);
      TemplateData competencies = list();
      for (const core::Competency& competency : area.competencies) {
        TemplateData item;
        item.set("code", competency.code);
        item.set("name", competency.name);
        item.set("definition", competency.definition);
        TemplateData levels = list();
        for (std::size_t i = 0; i < competency.level_descriptors.size(); ++i) {
          const int level = framework.scale.min + static_cast<int>(i);
          TemplateData descriptor;
          descriptor.set("level", std::to_string(level));
          descriptor.set("name", level_name(framework, level));
          descriptor.set("descriptor", competency.level_descriptors[i]);
          levels.push_back(descriptor);
        }
        item.set("levels", levels);
        competencies.push_back(item);
        TemplateData row;
        row.set("code", competency.code);
        row.set("name", competency.name);
        TemplateData cells = list();
        for (const std::string& role : framework.roles) {
          TemplateData cell;
          const core::RoleProfile* profile = framework.profile_of(role);
          auto expected = profile != nullptr ? profile->find(competency.code) : core::RoleProfile::const_iterator{};
          const bool has = profile != nullptr && expected != profile->end();
          cell.set("value", has ? std::to_string(expected->second) : std::string("none"));
          cell.set("label", has ? std::to_string(expected->second) : std::string{});
          cells.push_back(cell);
        }
        row.set("cells", cells);
        matrix.push_back(row);
      }
      section.set("competencies", competencies);
      areas.push_back(section);
    }
    data.set("areas", areas);
    data.set("matrix", matrix);
    TemplateData roles = list();
    for (const std::string& role : framework.roles) {
      TemplateData column;
      column.set("name", role);
      column.set("is_default", flag(role == framework.default_profile));
      roles.push_back(column);
    }
    data.set("roles", roles);
    data.set("profiles_csv_href", "/ramverk/profiler.csv?id=" + url_encode(framework.id));
    data.set("profiles_xlsx_href", "/ramverk/profiler.xlsx?id=" + url_encode(framework.id));
    data.set("has_default_profile", flag(framework.default_role_profile() != nullptr));
    data.set("default_profile", framework.default_profile);
  }
  return page_response(200, render_layout(app, page, page.t("framework_title"), "/ramverk",
                                          render("framework", page.language, data)));
}

Response profiles_download(AppContext& app, const PageRequest& page, FileKind kind) {
  const std::string id = query_value(page.request, "id");
  if (id.empty()) return error_page(app, page, 404);
  auto loaded = app.frameworks->latest(id);
  if (!loaded) return error_response(app, page, loaded.error());
  if (!*loaded) return error_page(app, page, 404);
  const core::Framework& framework = (*loaded)->framework;
  const std::string name = safe_file_stem("profiler-" + framework.id);
  if (kind == FileKind::kCsv) {
    return file_download(kind, io::write_profile_matrix_csv(framework, io::spreadsheet_csv_for(i18n::language_code(page.language))),
                         name);
  }
  auto workbook = io::xlsx_from_csv(io::write_profile_matrix_csv(framework), "profiler", io::numbers_except({"competency"}));
  if (!workbook) return error_response(app, page, workbook.error());
  return file_download(kind, std::move(*workbook), name);
}

void register_framework(Router& router) {
  router.get("/ramverk", [](AppContext& app, PageRequest& page, const RouteParams&) { return framework_page(app, page); });
  router.get("/ramverk/profiler.csv",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return profiles_download(app, page, FileKind::kCsv); });
  router.get("/ramverk/profiler.xlsx",
             [](AppContext& app, PageRequest& page, const RouteParams&) { return profiles_download(app, page, FileKind::kXlsx); });
  router.pages().add({.path = "/ramverk", .title_key = "nav_framework", .tile_text_key = "home_framework_text", .order = 50,
                      .visible = everyone, .tile_status = {}});
}

}  // namespace trappa::web
