// The handlers of the pages and the API, internal to the web layer. Each checks access
// itself; Application::handle routes to them after resolving the viewer.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/workforce/key_figures.hpp"
#include "web/ui/app_context.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

// Sign-in, sign-out, home, account (auth_pages.cpp).
[[nodiscard]] Response login_page(AppContext& app, const PageRequest& page);
[[nodiscard]] Response login_submit(AppContext& app, const PageRequest& page);
[[nodiscard]] Response logout_submit(AppContext& app, const PageRequest& page);
[[nodiscard]] Response home_page(AppContext& app, const PageRequest& page);
[[nodiscard]] Response account_page(AppContext& app, const PageRequest& page);
[[nodiscard]] Response account_submit(AppContext& app, const PageRequest& page);

// Min skattning (assessment_page.cpp).
[[nodiscard]] Response assessment_page(AppContext& app, const PageRequest& page);
[[nodiscard]] Response assessment_submit(AppContext& app, const PageRequest& page);

// Mitt team and the conversation (team_pages.cpp).
[[nodiscard]] Response team_page(AppContext& app, const PageRequest& page);
[[nodiscard]] Response conversation_page(AppContext& app, const PageRequest& page, const std::string& employee_id);
[[nodiscard]] Response conversation_submit(AppContext& app, const PageRequest& page, const std::string& employee_id);

// Översikt (overview_page.cpp).
[[nodiscard]] Response overview_page(AppContext& app, const PageRequest& page);
[[nodiscard]] Response overview_csv(AppContext& app, const PageRequest& page);

// Units for a filter or form: (code, indented name) within `scope`; see overview_page.cpp.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> unit_options(const app::Directory& directory,
                                                                            const std::string& scope,
                                                                            const std::string& selected);

// Options of a <select>: (value, label) pairs, the one equal to `selected` marked.
[[nodiscard]] TemplateData select_options(const std::vector<std::pair<std::string, std::string>>& options,
                                          const std::string& selected);

// Nyckeltal (figures_page.cpp): workforce key figures as charts, tables and CSV, and
// /api/v1/figures. For HR, administrators and observers.
[[nodiscard]] Response figures_page(AppContext& app, const PageRequest& page);
[[nodiscard]] Response figures_csv(AppContext& app, const PageRequest& page);
// The figures a request asks for (?at=&from=&unit=&retirement_age=), for the API: kForbidden
// for viewers without access and for suppressed groups, kInvalidInput naming a bad parameter.
[[nodiscard]] core::Result<core::KeyFigures> key_figures_for(AppContext& app, const PageRequest& page);

// Ramverk and Omgångar (framework_page.cpp, rounds_page.cpp).
[[nodiscard]] Response framework_page(AppContext& app, const PageRequest& page);
[[nodiscard]] Response rounds_page(AppContext& app, const PageRequest& page);
[[nodiscard]] Response rounds_create(AppContext& app, const PageRequest& page);
[[nodiscard]] Response rounds_change_state(AppContext& app, const PageRequest& page, const std::string& round,
                                           core::RoundState state);

// Personuppgifter (person_page.cpp): /personer/ID shows the person's audit history and
// POST /personer/ID/export.json (with the CSRF token) downloads everything stored about them
// (recorded as "person.export"). HR within their scope and administrators; 404 for everyone else.
[[nodiscard]] Response person_page(AppContext& app, const PageRequest& page, const std::string& employee_id);
[[nodiscard]] Response person_export(AppContext& app, const PageRequest& page, const std::string& employee_id);

// /api/v1 (api.cpp): JSON in and out, 401 without a session.
[[nodiscard]] Response api_request(AppContext& app, const PageRequest& page);

}  // namespace trappa::web
