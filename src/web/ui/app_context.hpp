// What the pages and API handlers share, internal to the web layer: the application's
// state, the per-request context, and the layout every page is rendered into.
//
// Its directory is immutable; the round registry, the use cases and the session service are
// thread-safe; handlers may use all of them concurrently. Handlers reach stored data only
// through the use cases of app::Services (app/serving/services.hpp); the web layer never
// holds a store.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/assessment/assessment_progress.hpp"
#include "i18n/ui_text.hpp"
#include "web/ui/application_options.hpp"
#include "app/serving/services.hpp"
#include "web/ui/fragment_cache.hpp"
#include "web/server/http_types.hpp"
#include "web/server/http_util.hpp"
#include "web/auth/session_service.hpp"
#include "web/ui/session_gate.hpp"
#include "web/ui/texts.hpp"
#include "web/auth/viewer.hpp"

namespace trappa::core {
struct Framework;
}  // namespace trappa::core

namespace trappa::web {

class Router;

// What request handlers work with. A request pins the context that is current when it
// arrives (Application::handle) and uses it throughout, so everything it reads — the
// directory's person indexes, the rounds, the key-figure inputs — belongs to one published
// state. When the change feed brings new people or employments, the application builds a new
// context beside the old one (sharing the connections, sessions and caches of the process)
// and swaps it in; requests under way finish on the old one.
struct AppContext {
  ApplicationOptions options;
  // The app layer's use cases and the published state this context belongs to; they own
  // what the pointers below point to.
  std::shared_ptr<app::Services> services;
  std::shared_ptr<const app::Published> published;
  std::shared_ptr<const app::Directory> directory;  // published->directory
  app::RoundRegistry* rounds = nullptr;
  app::AssessmentService* assessments = nullptr;  // every assessment save goes through it
  app::RoundAdministration* round_administration = nullptr;
  app::FrameworkCatalogue* frameworks = nullptr;
  app::PersonalData* personal_data = nullptr;
  app::Accounts* accounts = nullptr;
  app::AccessLog* access_log = nullptr;  // sign-in events the store does not audit by itself
  app::DisclosureCache* disclosures = nullptr;  // small-group decisions per round snapshot
  app::Reminders* reminders = nullptr;          // reminder e-mails to who has not started
  app::LearningAdministration* learning = nullptr;  // Läraktiviteter: attendance, activities, targets
  app::DevelopmentPlans* plans = nullptr;       // development plans (Min utvecklingsplan, the manager's side)
  app::Registrations* registrations = nullptr;  // registering for learning activities
  app::XapiStatements* xapi = nullptr;          // xAPI statements (HTTP Basic, not sessions)
  app::WebImports* imports = nullptr;           // Importera: uploaded files, previews, imports
  std::shared_ptr<SessionService> sessions;
  // People, employments and units for the key figures, in memory (key_figure_inputs.hpp).
  std::shared_ptr<const app::KeyFigureInputs> key_figures;
  // Key-figure computations running, per session and in all (session_gate.hpp).
  std::shared_ptr<SessionGate> figure_gate;
  std::string asset_version;
  struct Asset {
    std::string content_type;
    std::string body;
    std::string etag;
  };
  std::map<std::string, Asset> assets;  // by path, "/static/app.css"
  FragmentCache overview_cache{128};     // rendered overview bodies (overview_page.cpp)
  FragmentCache assessment_cache{256};   // Min skattning's questions per round, role, language
  // Every route and the page table (router.hpp); set once before serving, immutable after.
  std::shared_ptr<const Router> router;
};

struct PageRequest {
  const Request& request;
  Language language = Language::kSwedish;
  std::optional<Viewer> viewer;

  [[nodiscard]] std::string_view t(std::string_view key) const { return text(language, key); }
};

// The page: layout around `body` (already rendered HTML), with the navigation drawn from the
// page table (router.hpp); the entry whose path is `active_path` is marked current (empty:
// none). `flash_key` names a catalogue text shown as a status message; empty for none.
// `refresh_seconds` > 0 makes the page reload itself that often (<meta http-equiv="refresh">,
// no JavaScript): a running import's progress.
[[nodiscard]] std::string render_layout(const AppContext& app, const PageRequest& page, std::string_view title,
                                        std::string_view active_path, const std::string& body,
                                        std::string_view flash_key = {}, int refresh_seconds = 0);
[[nodiscard]] Response page_response(int status, std::string html);

// Error pages in the layout: 400, 403, 404, 405, 409, 415, 422, 500 (the request id is shown).
// For a core::Error use error_response (error_response.hpp); for 405 method_not_allowed_page,
// which adds the Allow header.
[[nodiscard]] Response error_page(const AppContext& app, const PageRequest& page, int status,
                                  std::string_view message = {});

// Whether the form carries the session's CSRF token.
[[nodiscard]] bool csrf_valid(const PageRequest& page, const FormData& form);
// Whether `token` (a multipart form's csrf field) is the session's CSRF token.
[[nodiscard]] bool csrf_valid(const PageRequest& page, std::string_view token);

// The message of `key` with {name} placeholders replaced (i18n/ui_text.hpp).
using i18n::format_text;

// Swedish (or English) label of an assessment's state in the one status model
// (core/assessment/assessment_progress.hpp: the catalogue's status_<code>) / round state /
// account role. status_code is the state's code, also the badge's class (badge-<code>).
[[nodiscard]] std::string_view status_label(const PageRequest& page, core::Progress progress);
[[nodiscard]] std::string_view status_code(core::Progress progress);
// Where the person's stored assessment stands in `round`, as its published snapshot holds it
// (GapSnapshot::progress); not_started for someone outside the round.
[[nodiscard]] core::Progress published_progress(const app::RoundView& round, std::uint32_t person);
[[nodiscard]] std::string_view state_label(const PageRequest& page, core::RoundState state);
[[nodiscard]] std::string role_label(const PageRequest& page, const Viewer& viewer);
// ` lang="sv"` when the framework's texts (names, descriptions, levels; Framework::language,
// Swedish unless the file says otherwise) are in another language than the page, else "": the
// templates put it as {{{fw_lang}}} on every element that shows such a text.
[[nodiscard]] std::string framework_lang_attribute(const PageRequest& page, const core::Framework& framework);
// The framework's language as a BCP 47 code ("sv" when it names none or a malformed one): what
// charts take as ChartText::names_language.
[[nodiscard]] std::string framework_language_code(const core::Framework& framework);
// The word for an account's role alone ("Medarbetare", "HR", …), as Konton lists it.
[[nodiscard]] std::string_view account_role_label(const PageRequest& page, core::AccountRole role);

// Flash keys that may be named in ?klart= after a redirect.
[[nodiscard]] std::string_view allowed_flash(std::string_view key);

}  // namespace trappa::web
