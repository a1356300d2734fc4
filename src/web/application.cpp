#include "web/application.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/serving/services.hpp"
#include "i18n/catalogue.hpp"
#include "web/ui/app_context.hpp"
#include "web/server/input_checks.hpp"
#include "app/access/password.hpp"
#include "web/pages/account/held_sign_in.hpp"
#include "web/pages/account/proxy_sign_in.hpp"
#include "web/routes.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

Application::Application(std::shared_ptr<AppContext> context)
    : services_(context->services), context_(std::move(context)) {}
// The change feed's thread calls into this object; it stops before anything goes.
Application::~Application() { services_->stop_following(); }

namespace {

// Points the context's shortcuts at the use cases and at `published`.
void bind(AppContext& context, std::shared_ptr<const app::Published> published) {
  app::Services& services = *context.services;
  context.published = std::move(published);
  context.directory = context.published->directory;
  context.rounds = context.published->rounds.get();
  context.assessments = context.published->assessments.get();
  context.round_administration = context.published->round_administration.get();
  context.key_figures = context.published->key_figures;
  context.frameworks = services.frameworks.get();
  context.personal_data = services.personal_data.get();
  context.accounts = services.accounts.get();
  context.access_log = services.access_log.get();
  context.disclosures = services.disclosures.get();
  context.reminders = services.reminders.get();
  context.learning = services.learning.get();
  context.imports = services.imports.get();
  context.plans = context.published->plans.get();
  context.registrations = services.registrations.get();
  context.xapi = services.xapi.get();
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
  if (i18n::catalogue_info().texts == 0) {
    return core::fail(core::ErrorKind::kInternal,
                      "no text catalogue found: build the project (it compiles po/*.po to <build>/locale), install it "
                      "(share/trappa/locale), or set TRAPPA_LOCALE_DIR to a directory of <language>/LC_MESSAGES/trappa.mo");
  }
  if (const auto missing = missing_template_texts(); !missing.empty()) {
    std::string list;
    for (const std::string& item : missing) list += "\n  " + item;
    return core::fail(core::ErrorKind::kInternal, "page templates refer to texts the catalogue lacks:" + list);
  }
  auto context = std::make_shared<AppContext>();
  context->options = options;
  ASSIGN_OR_RETURN(context->services, app::Services::open(store, app::ServicesOptions{.database = options.database,
                                                                                   .store_connections = options.store_connections,
                                                                                   .min_group = options.min_group,
                                                                                   .clock = options.clock,
                                                                                   .smtp = options.smtp,
                                                                                   .reminder_policy = {}}));
  app::Services& services = *context->services;
  bind(*context, services.published());
  context->figure_gate =
      std::make_shared<SessionGate>(kFigureRequestsPerSession, SessionGate::total_for_threads(options.io_threads));
  ASSIGN_OR_RETURN(context->sessions,
                   SessionService::create(SessionStores{.sessions = *services.session_records,
                                                        .accounts = *services.accounts,
                                                        .access_log = *services.access_log,
                                                        .account_failures = *services.account_failures,
                                                        .address_failures = *services.address_failures,
                                                        .sign_in_form_key = *services.sign_in_form_key},
                                          context->directory, options.sign_in, *options.clock));
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
    TRY(services.follow_changes(
        options.change_poll,
        app::Services::Listeners{
            .republished = [self](std::shared_ptr<const app::Published> published) { self->republish(std::move(published)); },
            .account_changed = [self](const std::string& employee_id) {
              self->context_.load()->sessions->forget_cached(employee_id);
            }}));
  }
  return application;
}

void Application::republish(std::shared_ptr<const app::Published> published) {
  // A new context beside the current one, sharing the use cases, sessions, assets and
  // routes; its page caches start empty, as what they rendered is stale.
  const std::shared_ptr<AppContext> current = context_.load();
  auto next = std::make_shared<AppContext>();
  next->options = current->options;
  next->services = current->services;
  next->sessions = current->sessions;
  next->figure_gate = current->figure_gate;
  next->asset_version = current->asset_version;
  next->assets = current->assets;
  next->router = current->router;
  bind(*next, std::move(published));
  current->sessions->set_directory(next->directory);
  context_.store(std::move(next));
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
    const RouteMatch match = router.match(method, api_route_path(path));
    // Public API routes (the xAPI statements) authenticate their callers themselves.
    if (match.outcome == RouteMatch::Outcome::kFound && match.access == Access::kPublic) return call(match, app, page);
    if (!page.viewer) return json_error(401, "sign in first: POST /login, then send the trappa_session cookie");
    switch (match.outcome) {
      case RouteMatch::Outcome::kFound: return call(match, app, page);
      case RouteMatch::Outcome::kMethodNotAllowed: return method_not_allowed_json(match.allow);
      case RouteMatch::Outcome::kNotFound: break;
    }
    return json_error(404, "no such endpoint; see docs/openapi.yaml");
  }
  // Doors: every form post is url-encoded UTF-8 text; anything else is refused before a
  // handler reads (and perhaps stores) a field. An upload path takes multipart/form-data,
  // which its handler reads strictly (web/server/multipart.hpp).
  static const std::vector<std::string> uploads = upload_paths();
  const bool upload = post && is_multipart_body(request) && std::find(uploads.begin(), uploads.end(), path) != uploads.end();
  if (post && !upload) {
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
    // Min skattning's answers posted after the session ended are kept through sign-in.
    if (auto keep = sign_in_keeping_answers(app, page)) return std::move(*keep);
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
