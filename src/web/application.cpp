#include "web/application.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/published/snapshot_loader.hpp"
#include "app/published/change_watcher.hpp"
#include "store/change_feed.hpp"
#include "store/store.hpp"
#include "web/ui/app_context.hpp"
#include "web/server/input_checks.hpp"
#include "app/access/password.hpp"
#include "web/pages/account/proxy_sign_in.hpp"
#include "web/routes.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

Application::Application(std::shared_ptr<AppContext> context) : context_(std::move(context)) {}
Application::~Application() { watcher_.reset(); }  // the watcher's thread uses this object

namespace {

// The parts of a context that follow the organisation's data: the directory, the rounds with
// their snapshots, the key-figure inputs, and the assessment service over them.
core::Result<void> load_published(store::Store& store, AppContext& context) {
  ASSIGN_OR_RETURN(auto organisation, app::load_organisation(store));
  context.directory = std::make_shared<const app::Directory>(std::move(organisation));
  context.rounds = std::make_shared<app::RoundRegistry>(context.directory);
  TRY(context.rounds->load_all(store));
  ASSIGN_OR_RETURN(context.key_figures, app::KeyFigureInputs::load(store, context.directory));
  context.assessments = std::make_shared<app::AssessmentService>(*context.pool, *context.rounds);
  return {};
}

core::Result<AppContext::Asset> read_asset(const std::filesystem::path& path, std::string content_type) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return core::fail(core::ErrorKind::kNotFound, "cannot read the web asset " + path.string());
  std::ostringstream content;
  content << file.rdbuf();
  AppContext::Asset asset{std::move(content_type), content.str(), {}};
  asset.etag = "\"" + app::token_digest(asset.body).substr(0, 16) + "\"";
  return asset;
}

}  // namespace

core::Result<std::unique_ptr<Application>> Application::load(store::Store& store, const ApplicationOptions& options) {
  TRY(app::initialise_crypto());
  if (const auto missing = missing_template_texts(); !missing.empty()) {
    std::string list;
    for (const std::string& item : missing) list += "\n  " + item;
    return core::fail(core::ErrorKind::kInternal, "page templates refer to texts the catalogue lacks:" + list);
  }
  // The feed's position before anything is read: a change committed while the state loads
  // is applied again afterwards, which is harmless (every refresh re-reads what it refreshes).
  ASSIGN_OR_RETURN(const long long feed_position, store.changes().latest_change());
  auto context = std::make_shared<AppContext>();
  context->options = options;
  ASSIGN_OR_RETURN(auto pool, app::StorePool::open(options.database, options.store_connections));
  context->pool = std::move(pool);
  TRY(load_published(store, *context));
  context->disclosures = std::make_shared<app::DisclosureCache>(options.min_group, *options.clock);  // small groups
  context->figure_gate =
      std::make_shared<SessionGate>(kFigureRequestsPerSession, SessionGate::total_for_threads(options.io_threads));
  ASSIGN_OR_RETURN(auto sessions,
                   SessionService::create(*context->pool, context->directory, options.sign_in, *options.clock));
  context->sessions = std::move(sessions);
  std::string version_source;
  for (const auto& [name, type] : {std::pair{"app.css", "text/css; charset=utf-8"},
                                   std::pair{"app.js", "text/javascript; charset=utf-8"}}) {
    ASSIGN_OR_RETURN(auto asset, read_asset(options.assets_directory / name, type));
    version_source += asset.etag;
    context->assets.emplace(std::string("/static/") + name, std::move(asset));
  }
  context->asset_version = app::token_digest(version_source).substr(0, 10);
  try {
    auto router = std::make_shared<Router>();
    register_routes(*router);
    context->router = std::move(router);
  } catch (const std::logic_error& wrong) {  // a malformed or doubly registered route
    return core::fail(core::ErrorKind::kInternal, std::string("routes: ") + wrong.what());
  }
  auto application = std::unique_ptr<Application>(new Application(std::move(context)));
  if (options.change_poll.count() > 0) {
    Application* self = application.get();
    ASSIGN_OR_RETURN(application->watcher_,
                     app::ChangeWatcher::start(options.database, feed_position, options.change_poll,
                                               [self](store::Store& changed, const std::vector<store::Change>& changes) {
                                                 return self->apply_changes(changed, changes);
                                               }));
  }
  return application;
}

core::Result<void> Application::apply_changes(store::Store& store, const std::vector<store::Change>& changes) {
  const std::shared_ptr<AppContext> current = context_.load();
  const bool organisation_changed = std::any_of(changes.begin(), changes.end(), [](const store::Change& change) {
    return change.kind == store::ChangeKind::kOrganisation || change.kind == store::ChangeKind::kEmployments;
  });
  if (organisation_changed) {
    // New people or history: build the whole published state beside the current one, which
    // serves until the new one replaces it. It reads everything committed so far, so the
    // rest of the batch is in it.
    const auto started = std::chrono::steady_clock::now();
    auto next = std::make_shared<AppContext>();
    next->options = current->options;
    next->pool = current->pool;
    next->sessions = current->sessions;
    next->disclosures = current->disclosures;
    next->figure_gate = current->figure_gate;
    next->asset_version = current->asset_version;
    next->assets = current->assets;
    next->router = current->router;
    TRY(load_published(store, *next));
    current->sessions->set_directory(next->directory);
    context_.store(next);
    spdlog::info("change feed: the organisation changed (change {}); {} people published again in {} ms",
                 changes.back().id, next->directory->people().size(),
                 std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
    return {};
  }
  std::set<std::string> reloaded;  // rounds re-read whole in this batch
  for (const store::Change& change : changes) {
    if (change.kind == store::ChangeKind::kRound || change.kind == store::ChangeKind::kAssessments) {
      if (!reloaded.insert(change.round).second) continue;
      if (auto read = current->rounds->reload(store, change.round);
          !read && read.error().kind != core::ErrorKind::kNotFound) {
        return read;
      }
      spdlog::info("change feed: round {} published again (change {})", change.round, change.id);
    }
  }
  for (const store::Change& change : changes) {
    if (change.kind == store::ChangeKind::kAssessment && !reloaded.contains(change.round)) {
      TRY(current->assessments->refresh(store, change.round, change.subject));
    } else if (change.kind == store::ChangeKind::kAccounts) {
      current->sessions->forget_cached(change.subject);
    }
  }
  return {};
}

namespace {

Response serve_asset(const AppContext& app, const Request& request) {
  auto found = app.assets.find(request.path);
  if (found == app.assets.end()) return {404, "text/plain; charset=utf-8", "Not found\n", {}};
  const AppContext::Asset& asset = found->second;
  // URLs carry ?v=<content hash>, so a browser may keep a file for a year.
  std::vector<std::pair<std::string, std::string>> headers{{"Cache-Control", "public, max-age=31536000, immutable"},
                                                           {"ETag", asset.etag}};
  if (header(request, "if-none-match") == asset.etag) return {304, asset.content_type, {}, std::move(headers)};
  return {200, asset.content_type, asset.body, std::move(headers)};
}

bool is_api(const std::string& path) { return path == "/api" || path.starts_with("/api/"); }

// The API has always read its path without empty segments ("/api/v1/me/" is "/api/v1/me");
// pages have not ("/team/" is not "/team").
std::string api_route_path(std::string_view path) {
  std::string result;
  std::size_t position = 0;
  while (position < path.size()) {
    std::size_t end = path.find('/', position);
    if (end == std::string_view::npos) end = path.size();
    if (end > position) result.append("/").append(path.substr(position, end - position));
    position = end + 1;
  }
  return result.empty() ? std::string("/") : result;
}

Response call(const RouteMatch& match, AppContext& app, PageRequest& page) { return (*match.handler)(app, page, match.params); }

Response route(AppContext& app, PageRequest& page) {
  const Request& request = page.request;
  const std::string& path = request.path;
  const std::string& method = request.method;
  const bool get = method == "GET" || method == "HEAD";
  const bool post = method == "POST";

  // Doors (input_checks.hpp, docs/security-input.md): a target that is not origin-form or
  // does not decode to UTF-8 text is refused before any route reads it.
  if (const auto problem = target_problem(request)) {
    spdlog::info("request_id={} refused: {}", request.request_id, *problem);
    if (is_api(path)) return json_error(400, "the address has bad %-escapes, invalid UTF-8 or control characters");
    return error_page(app, page, 400, page.t("error_bad_target"));
  }

  if (path == "/healthz") return {200, "text/plain; charset=utf-8", "ok\n", {{"Cache-Control", "no-store"}}};
  if (path == "/readyz") return {200, "text/plain; charset=utf-8", "ready\n", {{"Cache-Control", "no-store"}}};
  if (path.starts_with("/static/")) return get ? serve_asset(app, request) : method_not_allowed_page(app, page, "GET, HEAD");

  page.viewer = app.sessions->resolve(request, *app.directory);
  if (page.viewer) grant_manager_overview(*page.viewer, app.options.manager_overview);  // small groups
  const Router& router = *app.router;
  if (is_api(path)) {
    if (!path.starts_with("/api/v1/")) return json_error(404, "use /api/v1");
    if (!page.viewer) return json_error(401, "sign in first: POST /login, then send the trappa_session cookie");
    const RouteMatch match = router.match(method, api_route_path(path));
    switch (match.outcome) {
      case RouteMatch::Outcome::kFound: return call(match, app, page);
      case RouteMatch::Outcome::kMethodNotAllowed: return method_not_allowed_json(match.allow);
      case RouteMatch::Outcome::kNotFound: break;
    }
    return json_error(404, "no such endpoint; see docs/openapi.yaml");
  }
  // Doors: every form post is url-encoded UTF-8 text; anything else is refused before a
  // handler reads (and perhaps stores) a field.
  if (post) {
    if (!is_form_body(request)) return error_page(app, page, 415, page.t("error_form_content_type"));
    if (const auto problem = form_problem(request.body)) {
      spdlog::info("request_id={} refused form: {} {}", request.request_id, problem->field, problem->what);
      return error_page(app, page, 400,
                        problem->field.empty() ? std::string(page.t("error_bad_form"))
                                               : format_text(page.t("error_bad_form_field"), {{"field", problem->field}}));
    }
  }

  // A language chosen with ?lang= is remembered in a cookie and the URL is cleaned.
  if (get && request.query.contains("lang")) {
    std::string location = local_location(path);  // re-encoded: no header injection, no "//host"
    char separator = '?';
    for (const auto& [key, value] : request.query) {
      if (key == "lang") continue;
      location += separator + url_encode(key) + "=" + url_encode(value);
      separator = '&';
    }
    Response response = redirect_to(location);
    response.headers.emplace_back("Set-Cookie", cookie_header(kLanguageCookie, std::string(language_code(page.language)),
                                                              app.sessions->secure_cookies(request), CookieLifetime::kPersistent,
                                                              365L * 24 * 3600));
    return response;
  }

  const RouteMatch match = router.match(method, path);
  // Sign-in and sign-out are reached without a session.
  if (match.outcome != RouteMatch::Outcome::kNotFound && match.access == Access::kPublic) {
    if (match.outcome == RouteMatch::Outcome::kFound) return call(match, app, page);
    return method_not_allowed_page(app, page, match.allow);
  }
  // Everything else, known or not, only after sign-in: a visitor learns nothing of the paths.
  if (!page.viewer) {
    if (!get) return error_page(app, page, 403, page.t("error_csrf_text"));
    return redirect_to("/login?next=" + url_encode(request.target));
  }
  // A one-time password must be replaced before anything else.
  if (page.viewer->account.must_change_password && path != "/konto") return redirect_to("/konto");

  switch (match.outcome) {
    case RouteMatch::Outcome::kFound: return call(match, app, page);
    case RouteMatch::Outcome::kMethodNotAllowed: return method_not_allowed_page(app, page, match.allow);
    case RouteMatch::Outcome::kNotFound: break;
  }
  return error_page(app, page, 404);
}

}  // namespace

Response Application::handle(const Request& original) const {
  // The request works with the state published when it arrives, to the end (app_context.hpp).
  const std::shared_ptr<AppContext> context = context_.load();
  // Sign-in through a trusted proxy's user header (proxy_sign_in.hpp): may refuse, or route
  // the request with a new session's cookie and hand that cookie to the browser.
  ProxySignIn proxied;
  try {
    proxied = proxy_sign_in(*context, original, request_language(original));
  } catch (const std::exception& failure) {
    spdlog::error("request_id={} proxy sign-in: {}", original.request_id, failure.what());
    return {500, "text/plain; charset=utf-8", "Internal error. Request id " + original.request_id + "\n", {}};
  }
  if (proxied.refusal) return std::move(*proxied.refusal);
  const Request& request = proxied.request ? *proxied.request : original;
  PageRequest page{request, request_language(request), std::nullopt};
  try {
    Response response = route(*context, page);
    // Last door (input_checks.hpp): no header carries CR, LF or NUL, whatever a route built.
    if (!headers_are_safe(response)) throw std::runtime_error("a response header holds CR, LF or NUL");
    if (proxied.set_cookie) response.headers.emplace_back("Set-Cookie", *proxied.set_cookie);
    if (response.content_type.starts_with("text/html") &&
        std::none_of(response.headers.begin(), response.headers.end(),
                     [](const auto& h) { return h.first == "Cache-Control"; })) {
      response.headers.emplace_back("Cache-Control", "no-store");
    }
    response.headers.emplace_back("Content-Language", std::string(language_code(page.language)));
    response.headers.emplace_back("Vary", "Cookie, Accept-Language");
    return response;
  } catch (const std::exception& failure) {
    spdlog::error("request_id={} unhandled error on {} {}: {}", request.request_id, request.method, request.path,
                  failure.what());
    try {
      return error_page(*context, page, 500);
    } catch (const std::exception&) {
      return {500, "text/plain; charset=utf-8", "Internal error. Request id " + request.request_id + "\n", {}};
    }
  }
}

}  // namespace trappa::web
