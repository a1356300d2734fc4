#include "web/application.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/published/snapshot_loader.hpp"
#include "store/store.hpp"
#include "web/ui/app_context.hpp"
#include "web/server/input_checks.hpp"
#include "web/ui/pages.hpp"
#include "app/access/password.hpp"
#include "web/pages/account/proxy_sign_in.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

Application::Application(std::unique_ptr<AppContext> context) : context_(std::move(context)) {}
Application::~Application() = default;

namespace {

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
  if (auto ready = app::initialise_crypto(); !ready) return std::unexpected(ready.error());
  if (const auto missing = missing_template_texts(); !missing.empty()) {
    std::string list;
    for (const std::string& item : missing) list += "\n  " + item;
    return core::fail(core::ErrorKind::kInternal, "page templates refer to texts the catalogue lacks:" + list);
  }
  auto context = std::make_unique<AppContext>();
  context->options = options;
  auto organisation = app::load_organisation(store);
  if (!organisation) return std::unexpected(organisation.error());
  context->directory = std::make_shared<const app::Directory>(std::move(*organisation));
  context->rounds = std::make_unique<app::RoundRegistry>(context->directory);
  context->disclosures = std::make_unique<app::DisclosureCache>(options.min_group, *options.clock);  // small groups
  if (auto loaded = context->rounds->load_all(store); !loaded) return std::unexpected(loaded.error());
  auto pool = app::StorePool::open(options.database, options.store_connections);
  if (!pool) return std::unexpected(pool.error());
  context->pool = std::move(*pool);
  auto sessions = SessionService::create(*context->pool, context->directory, options.sign_in, *options.clock);
  if (!sessions) return std::unexpected(sessions.error());
  context->sessions = std::move(*sessions);
  std::string version_source;
  for (const auto& [name, type] : {std::pair{"app.css", "text/css; charset=utf-8"},
                                   std::pair{"app.js", "text/javascript; charset=utf-8"}}) {
    auto asset = read_asset(options.assets_directory / name, type);
    if (!asset) return std::unexpected(asset.error());
    version_source += asset->etag;
    context->assets.emplace(std::string("/static/") + name, std::move(*asset));
  }
  context->asset_version = app::token_digest(version_source).substr(0, 10);
  return std::unique_ptr<Application>(new Application(std::move(context)));
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

bool starts_with_segment(const std::string& path, std::string_view prefix) {
  return path.size() > prefix.size() && path.starts_with(prefix) && path[prefix.size()] == '/';
}

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
    if (path == "/api" || path.starts_with("/api/")) {
      return json_response(400, "{\"error\":{\"status\":400,\"message\":\"the address has bad %-escapes, "
                                "invalid UTF-8 or control characters\",\"problems\":[]}}\n");
    }
    return error_page(app, page, 400, page.t("error_bad_target"));
  }

  if (path == "/healthz") return {200, "text/plain; charset=utf-8", "ok\n", {{"Cache-Control", "no-store"}}};
  if (path == "/readyz") return {200, "text/plain; charset=utf-8", "ready\n", {{"Cache-Control", "no-store"}}};
  if (path.starts_with("/static/")) return get ? serve_asset(app, request) : error_page(app, page, 405);

  page.viewer = app.sessions->resolve(request);
  if (page.viewer) grant_manager_overview(*page.viewer, app.options.manager_overview);  // small groups
  if (path == "/api" || path.starts_with("/api/")) {
    if (!path.starts_with("/api/v1/")) return json_response(404, "{\"error\":{\"status\":404,\"message\":\"use /api/v1\",\"problems\":[]}}\n");
    return api_request(app, page);
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

  if (path == "/login") {
    if (get) return login_page(app, page);
    if (post) return login_submit(app, page);
    return error_page(app, page, 405);
  }
  if (path == "/logout") {
    if (post) return logout_submit(app, page);
    return error_page(app, page, 405);
  }
  if (!page.viewer) {
    if (!get) return error_page(app, page, 403, page.t("error_csrf_text"));
    return redirect_to("/login?next=" + url_encode(request.target));
  }
  // A one-time password must be replaced before anything else.
  if (page.viewer->account.must_change_password && path != "/konto") return redirect_to("/konto");

  if (path == "/") return get ? home_page(app, page) : error_page(app, page, 405);
  if (path == "/konto") return get ? account_page(app, page) : post ? account_submit(app, page) : error_page(app, page, 405);
  if (path == "/skattning") {
    return get ? assessment_page(app, page) : post ? assessment_submit(app, page) : error_page(app, page, 405);
  }
  if (path == "/team") return get ? team_page(app, page) : error_page(app, page, 405);
  if (starts_with_segment(path, "/team")) {
    const std::string employee_id = path.substr(6);
    if (employee_id.find('/') != std::string::npos) return error_page(app, page, 404);
    return get ? conversation_page(app, page, employee_id)
               : post ? conversation_submit(app, page, employee_id) : error_page(app, page, 405);
  }
  if (path == "/oversikt") return get ? overview_page(app, page) : error_page(app, page, 405);
  if (path == "/oversikt.csv") return get ? overview_csv(app, page) : error_page(app, page, 405);
  if (path == "/nyckeltal") return get ? figures_page(app, page) : error_page(app, page, 405);
  if (path == "/nyckeltal.csv") return get ? figures_csv(app, page) : error_page(app, page, 405);
  if (path == "/ramverk") return get ? framework_page(app, page) : error_page(app, page, 405);
  if (path == "/omgangar") return get ? rounds_page(app, page) : post ? rounds_create(app, page) : error_page(app, page, 405);
  if (starts_with_segment(path, "/omgangar")) {
    const std::string rest = path.substr(10);
    const auto slash = rest.rfind('/');
    if (slash == std::string::npos || !post) return error_page(app, page, slash == std::string::npos ? 404 : 405);
    const std::string round = rest.substr(0, slash);
    const std::string action = rest.substr(slash + 1);
    if (action == "oppna") return rounds_change_state(app, page, round, core::RoundState::kOpen);
    if (action == "stang") return rounds_change_state(app, page, round, core::RoundState::kClosed);
    return error_page(app, page, 404);
  }
  // Personuppgifter (person_page.cpp): GET /personer/ID and POST /personer/ID/export.json.
  if (starts_with_segment(path, "/personer")) {
    std::string employee_id = path.substr(10);
    const bool export_json = employee_id.ends_with("/export.json");
    if (export_json) employee_id.resize(employee_id.size() - std::string_view("/export.json").size());
    if (employee_id.empty() || employee_id.find('/') != std::string::npos) return error_page(app, page, 404);
    if (export_json) return post ? person_export(app, page, employee_id) : error_page(app, page, 405);
    if (!get) return error_page(app, page, 405);
    return person_page(app, page, employee_id);
  }
  return error_page(app, page, 404);
}

}  // namespace

Response Application::handle(const Request& original) const {
  // Sign-in through a trusted proxy's user header (proxy_sign_in.hpp): may refuse, or route
  // the request with a new session's cookie and hand that cookie to the browser.
  ProxySignIn proxied;
  try {
    proxied = proxy_sign_in(*context_, original, request_language(original));
  } catch (const std::exception& failure) {
    spdlog::error("request_id={} proxy sign-in: {}", original.request_id, failure.what());
    return {500, "text/plain; charset=utf-8", "Internal error. Request id " + original.request_id + "\n", {}};
  }
  if (proxied.refusal) return std::move(*proxied.refusal);
  const Request& request = proxied.request ? *proxied.request : original;
  PageRequest page{request, request_language(request), std::nullopt};
  try {
    Response response = route(*context_, page);
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
      return error_page(*context_, page, 500);
    } catch (const std::exception&) {
      return {500, "text/plain; charset=utf-8", "Internal error. Request id " + request.request_id + "\n", {}};
    }
  }
}

}  // namespace trappa::web
