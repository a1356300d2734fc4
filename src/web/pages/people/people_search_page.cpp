// Personer: HR's search for a person in their scope by name, employee number or e-mail
// address, leading to the person page (docs/web.md, "Person search"). A plain GET form: works
// without JavaScript, and the result count is announced to screen readers (role="status").
#include <fmt/format.h>

#include "web/pages/people/people_routes.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

// More results than a person reads through; the page asks to narrow the search instead.
constexpr std::size_t kShownResults = 50;
// Longer queries are not names; the form says so with maxlength as well.
constexpr std::size_t kLongestQuery = 200;

std::string trimmed(std::string text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

Response people_search_page(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.is_hr()) return error_page(app, page, 404);
  const auto q = page.request.query.find("q");
  const std::string query = trimmed(q == page.request.query.end() ? std::string() : q->second);
  if (query.size() > kLongestQuery) return error_page(app, page, 400, page.t("people_search_too_long"));
  TemplateData data;
  data.set("query", query);
  data.set("has_query", flag(!query.empty()));
  if (!query.empty()) {
    const auto found = app.directory->search(query, viewer.scope(), kShownResults);
    TemplateData& results = add_list(data, "results");
    for (std::uint32_t index : found.people) {
      const core::Person& person = app.directory->people()[index];
      TemplateData& row = add_object(results);
      row.set("name", person.name);
      row.set("employee_id", person.employee_id);
      row.set("path", url_encode(person.employee_id));
      row.set("role", person.role);
      row.set("unit", app.directory->unit_name(person.unit_code));
    }
    data.set("has_results", flag(!found.people.empty()));
    data.set("more", flag(found.more));
    data.set("count_text", found.people.empty()
                               ? std::string(page.t("people_search_none"))
                               : format_text(page.t(found.more ? "people_search_count_more" : "people_search_count"),
                                             {{"count", grouped_number(found.people.size())}}));
  }
  return page_response(200, render_layout(app, page, std::string(page.t("people_search_title")), "/personer",
                                          render("people_search", page.language, data)));
}

}  // namespace

void register_people_search(Router& router) {
  router.get("/personer", [](AppContext& app, PageRequest& page, const RouteParams&) { return people_search_page(app, page); });
  router.pages().add({.path = "/personer", .title_key = "nav_people", .tile_text_key = "home_people_text", .order = 55,
                      .visible = [](const Viewer& viewer) { return viewer.is_hr(); }, .tile_status = {}});
}

}  // namespace trappa::web
