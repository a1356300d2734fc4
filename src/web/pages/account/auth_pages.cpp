// Sign-in and sign-out, the home page and the account page.
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "app/access/password.hpp"
#include "web/pages/account/account_routes.hpp"
#include "web/pages/account/held_sign_in.hpp"
#include "web/pages/assessment/held_answers.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

// Where to go after signing in: a path on this site only (never "//host" or a URL).
std::string safe_next(const std::string& next) {
  if (next.empty() || next.front() != '/' || next.starts_with("//") || next.starts_with("/\\") ||
      next.starts_with("/login") || next.starts_with("/logout")) {
    return "/";
  }
  // Browsers drop tabs and line breaks inside a URL, so "/\t/host" would become "//host"
  // (another site): no control character at all may pass.
  for (const char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return "/";
  }
  return next;
}

// `held_form`: a form posted after its session ended, carried through the sign-in in a
// hidden field (held_answers.hpp); empty for an ordinary sign-in.
Response render_login(AppContext& app, const PageRequest& page, int status, const std::string& error,
                      const std::string& username, const std::string& next, const std::string& held_form = {}) {
  // The sign-in form has no session yet, so its CSRF token is kept in a cookie and echoed in
  // the form (double submit; a cross-site form cannot read it), and signed by the server with
  // an expiry, so that a made-up cookie and field pair is refused (session_service.hpp).
  const auto cookies = parse_cookies(page.request);
  auto existing = cookies.find(std::string(kLoginCsrfCookie));
  const std::string token = app.sessions->sign_in_token(existing != cookies.end() ? existing->second : std::string());
  TemplateData data;
  data.set("csrf", token);
  data.set("next", next);
  data.set("username", username);
  data.set("has_error", flag(!error.empty()));
  if (!error.empty()) data.set("error", error);
  data.set("has_held", flag(!held_form.empty()));
  data.set("held_path", std::string(kHeldAnswersPath));
  data.set("held_form", held_form);
  data.set("demo", flag(app.options.demo_mode && !app.options.demo_accounts.empty()));
  TemplateData accounts = list();
  for (const app::DemoAccount& account : app.options.demo_accounts) {
    TemplateData row;
    row.set("label", std::string(page.t(account.label_key)));
    const core::Person* person = app.directory->find(account.employee_id);
    row.set("name", person != nullptr ? person->name : std::string{});
    row.set("employee_id", account.employee_id);
    row.set("password", account.password);
    accounts.push_back(row);
  }
  data.set("accounts", accounts);
  const std::string body = render("login", page.language, data);
  const auto flash = page.request.query.find("klart");
  Response response = page_response(
      status, render_layout(app, page, page.t("signin_title"), {}, body,
                            flash != page.request.query.end() ? allowed_flash(flash->second) : std::string_view{}));
  response.headers.emplace_back(
      "Set-Cookie", cookie_header(kLoginCsrfCookie, token, app.sessions->secure_cookies(page.request),
                                  CookieLifetime::kSession));
  return response;
}

// "30 sekunder", "1 minut", "15 minuter": how long to wait, rounded up to whole minutes
// from a minute on.
std::string wait_text(const PageRequest& page, std::chrono::seconds wait) {
  const long seconds = static_cast<long>(wait.count());
  if (seconds < 60) {
    return format_text(page.t(seconds == 1 ? "signin_wait_second" : "signin_wait_seconds"),
                       {{"n", std::to_string(seconds)}});
  }
  const long minutes = (seconds + 59) / 60;
  return format_text(page.t(minutes == 1 ? "signin_wait_minute" : "signin_wait_minutes"),
                     {{"n", std::to_string(minutes)}});
}

// A client that asks for JSON (and not for a page) gets the API's error shape.
bool wants_json(const Request& request) {
  const std::string accept = header(request, "accept");
  return accept.find("application/json") != std::string::npos && accept.find("text/html") == std::string::npos;
}

// 429 Too Many Requests with Retry-After; the password was not checked.
Response throttled(AppContext& app, const PageRequest& page, const SessionService::Refused& refused,
                   const std::string& username, const std::string& next, const std::string& held_form) {
  const std::string message =
      format_text(page.t(refused.blocked == SignInThrottle::Blocked::kAccount ? "signin_throttled_account"
                                                                               : "signin_throttled_address"),
                  {{"wait", wait_text(page, refused.retry_after)}});
  Response response;
  if (wants_json(page.request)) {
    boost::json::object error{{"status", 429},
                              {"message", message},
                              {"retry_after_seconds", refused.retry_after.count()},
                              {"problems", boost::json::array{}}};
    response = json_response(429, boost::json::serialize(boost::json::object{{"error", std::move(error)}}) + "\n");
  } else {
    response = render_login(app, page, 429, message, username, next, held_form);
  }
  response.headers.emplace_back("Retry-After", std::to_string(refused.retry_after.count()));
  return response;
}

}  // namespace

Response login_page(AppContext& app, const PageRequest& page) {
  if (page.viewer) return redirect_to("/");
  auto next = page.request.query.find("next");
  return render_login(app, page, 200, {}, {}, next != page.request.query.end() ? safe_next(next->second) : "/");
}

Response login_submit(AppContext& app, const PageRequest& page) {
  const FormData form = FormData::parse(page.request.body);
  const std::string username = form.get("username");
  const std::string next = safe_next(form.get("next"));
  // Answers posted after a session ended travel with the form until the sign-in succeeds.
  const std::string held_form = form.get("held_path") == kHeldAnswersPath ? form.get("held_form") : std::string{};
  const auto cookies = parse_cookies(page.request);
  auto cookie = cookies.find(std::string(kLoginCsrfCookie));
  if (cookie == cookies.end() || !app::equal_in_constant_time(cookie->second, form.get("csrf")) ||
      !app.sessions->sign_in_token_valid(cookie->second)) {
    return render_login(app, page, 403, std::string(page.t("signin_expired_form")), username, next, held_form);
  }
  const std::string address = app.sessions->client_address(page.request);
  auto signed_in = app.sessions->sign_in(username, form.get("password"), address);
  if (!signed_in) {
    switch (signed_in.error().failure) {
      case SessionService::Failure::kThrottled:
        return throttled(app, page, signed_in.error(), username, next, held_form);
      case SessionService::Failure::kBadCredentials:
        return render_login(app, page, 401, std::string(page.t("signin_failed")), username, next, held_form);
      case SessionService::Failure::kStorage: return error_page(app, page, 500);
    }
  }
  // Session fixation: a session the browser held before (perhaps planted by someone else)
  // ends here; only the new token, made now, is handed out.
  app.sessions->sign_out_cookie_of(page.request);
  spdlog::info("sign-in: {} from {}", signed_in->record.employee_id, address);
  auto account_must_change = [&] {
    auto account = app.accounts->find(signed_in->record.employee_id);
    return account && *account && (*account)->must_change_password;
  }();
  // Held answers are saved for their owner only; anyone else signs in as usual.
  std::string destination = next;
  if (!held_form.empty()) {
    switch (save_held_answers(app, page.language, signed_in->record.employee_id, FormData::parse(held_form))) {
      case HeldAnswersSaved::kSaved: destination = "/skattning?klart=assessment_restored"; break;
      case HeldAnswersSaved::kRefused: destination = "/skattning?klart=assessment_not_restored"; break;
      case HeldAnswersSaved::kNotTheOwner: destination = "/"; break;
    }
  }
  Response response = redirect_to(account_must_change ? "/konto" : destination);
  const bool secure = app.sessions->secure_cookies(page.request);
  response.headers.emplace_back("Set-Cookie", app.sessions->session_cookie(page.request, signed_in->token));
  // The sign-in form's token has served; the next sign-in form gets a fresh one.
  response.headers.emplace_back("Set-Cookie", cookie_header(kLoginCsrfCookie, "", secure, CookieLifetime::kExpired));
  return response;
}

std::optional<Response> sign_in_keeping_answers(AppContext& app, const PageRequest& page) {
  if (page.viewer || page.request.method != "POST") return std::nullopt;
  const FormData form = FormData::parse(page.request.body);
  if (!holds_answers(page.request.path, form)) return std::nullopt;
  return render_login(app, page, 401, {}, {}, std::string(kHeldAnswersPath), page.request.body);
}

Response logout_submit(AppContext& app, const PageRequest& page) {
  const FormData form = FormData::parse(page.request.body);
  if (!page.viewer) return redirect_to("/login");
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  app.sessions->sign_out(page.viewer->session_digest);
  spdlog::info("sign-out: {}", page.viewer->account.employee_id);
  Response response = redirect_to("/login?klart=signed_out");
  response.headers.emplace_back("Set-Cookie", cookie_header(kSessionCookie, "", app.sessions->secure_cookies(page.request),
                                                            CookieLifetime::kExpired));
  return response;
}

namespace {

// The open rounds on the start page, each with its deadline (issue 13: every start page
// shows it) and, for a person in the round, her status and a link to her assessment in that
// round (item 5: a new round must not hide an unfinished one). Someone in no open round sees
// the newest open round and its deadline.
void set_open_rounds(AppContext& app, const PageRequest& page, TemplateData& data) {
  const Viewer& viewer = *page.viewer;
  std::vector<std::shared_ptr<const app::RoundView>> rounds = app.rounds->open_rounds_including(viewer.person_index);
  const bool own = !rounds.empty() && !viewer.is_observer();
  if (rounds.empty()) {
    if (auto newest = app.rounds->current_open_round(std::nullopt)) rounds.push_back(newest);
  }
  TemplateData items = list();
  for (const auto& round : rounds) {
    TemplateData item;
    item.set("name", round->round.name);
    item.set("name_query", url_encode(round->round.name));
    item.set("link", flag(own));
    item.set("has_deadline", flag(!round->round.closes.empty()));
    item.set("closes", format_date(page.language, round->round.closes));
    item.set("has_status", flag(own));
    // Who has not started (not_started_page.cpp), for HR and managers.
    item.set("not_started_link", flag(viewer.is_hr() || viewer.manages_anyone));
    if (own) {
      const core::Progress status = published_progress(*round, viewer.person_index);
      item.set("status", std::string(status_label(page, status)));
      item.set("status_code", std::string(status_code(status)));
    }
    items.push_back(item);
  }
  data.set("has_open_rounds", flag(!rounds.empty()));
  data.set("open_rounds", items);
}

}  // namespace

Response home_page(AppContext& app, const PageRequest& page) {
  const Viewer& viewer = *page.viewer;
  TemplateData data;
  const std::string& name = viewer.person->name;
  data.set("first_name", name.substr(0, name.find(' ')));
  data.set("lead", std::string(page.t("home_lead")));
  TemplateData tiles = list();
  // The page table's tiles: the same pages, for the same viewers, as the navigation.
  for (const PageEntry* entry : app.router->pages().tiles(viewer)) {
    TemplateData tile;
    tile.set("href", entry->path);
    tile.set("title", std::string(page.t(entry->title_key)));
    tile.set("text", std::string(page.t(entry->tile_text_key)));
    const std::optional<core::Progress> status =
        entry->tile_status ? entry->tile_status(app, viewer) : std::nullopt;
    tile.set("has_status", flag(status.has_value()));
    if (status) {
      tile.set("status", std::string(status_label(page, *status)));
      tile.set("status_code", std::string(status_code(*status)));
    }
    tiles.push_back(tile);
  }
  data.set("tiles", tiles);
  set_open_rounds(app, page, data);
  const auto flash = page.request.query.find("klart");
  return page_response(200, render_layout(app, page, page.t("nav_home"), "/",
                                          render("home", page.language, data),
                                          flash != page.request.query.end() ? allowed_flash(flash->second)
                                                                            : std::string_view{}));
}

namespace {

struct AccountForm {
  std::vector<std::pair<std::string, std::string>> errors;  // anchor, message
};

Response render_account(AppContext& app, const PageRequest& page, int status, const AccountForm& form,
                        bool must_change) {
  const Viewer& viewer = *page.viewer;
  TemplateData data;
  data.set("name", viewer.person->name);
  data.set("employee_id", viewer.account.employee_id);
  data.set("role", role_label(page, viewer));
  data.set("csrf", viewer.csrf_token);
  data.set("must_change", flag(must_change));
  data.set("has_errors", flag(!form.errors.empty()));
  TemplateData errors = list();
  for (const auto& [anchor, message] : form.errors) {
    TemplateData error;
    error.set("anchor", anchor);
    error.set("message", message);
    errors.push_back(error);
  }
  data.set("errors", errors);
  const auto flash = page.request.query.find("klart");
  return page_response(status, render_layout(app, page, page.t("account_title"), "/konto",
                                             render("account", page.language, data),
                                             flash != page.request.query.end() ? allowed_flash(flash->second)
                                                                               : std::string_view{}));
}

}  // namespace

Response account_page(AppContext& app, const PageRequest& page) {
  return render_account(app, page, 200, {}, page.viewer->account.must_change_password);
}

Response account_submit(AppContext& app, const PageRequest& page) {
  const FormData form = FormData::parse(page.request.body);
  if (!csrf_valid(page, form)) return error_page(app, page, 403, page.t("error_csrf_text"));
  const Viewer& viewer = *page.viewer;
  AccountForm result;
  const std::string current = form.get("current");
  const std::string next = form.get("new");
  // Throttled and audited like a sign-in (session_service.hpp): a stolen session must not
  // make the current password cheaper to guess than the sign-in form does.
  auto checked = app.sessions->check_password(viewer.account, current, app.sessions->client_address(page.request));
  if (!checked) {
    switch (checked.error().failure) {
      case SessionService::Failure::kThrottled: {
        result.errors.emplace_back("current", format_text(page.t("account_password_throttled"),
                                                          {{"wait", wait_text(page, checked.error().retry_after)}}));
        Response response = render_account(app, page, 429, result, viewer.account.must_change_password);
        response.headers.emplace_back("Retry-After", std::to_string(checked.error().retry_after.count()));
        return response;
      }
      case SessionService::Failure::kBadCredentials:
        result.errors.emplace_back("current", std::string(page.t("error_current_password")));
        break;
      case SessionService::Failure::kStorage: return error_page(app, page, 500);
    }
  }
  if (next.size() < app::kMinPasswordLength) {
    result.errors.emplace_back("new-password", std::string(page.t("error_password_short")));
  } else if (next == current) {
    result.errors.emplace_back("new-password", std::string(page.t("error_password_same")));
  }
  if (next != form.get("repeat")) {
    result.errors.emplace_back("repeat-password", std::string(page.t("error_password_repeat")));
  }
  if (!result.errors.empty()) return render_account(app, page, 422, result, viewer.account.must_change_password);

  auto account = app.accounts->change_password(viewer.account, next, viewer.account.employee_id);
  if (!account) return error_response(app, page, account.error());
  // Every other browser signed in as this person is signed out; this one gets a new session.
  app.sessions->end_sessions_of(account->employee_id);
  auto session = app.sessions->start_session(account->employee_id);
  if (!session) return error_page(app, page, 500);
  Response response = redirect_to("/konto?klart=account_password_changed");
  response.headers.emplace_back("Set-Cookie", app.sessions->session_cookie(page.request, session->token));
  return response;
}

void register_account(Router& router) {
  register_account_administration(router);
  router.get("/login", [](AppContext& app, PageRequest& page, const RouteParams&) { return login_page(app, page); },
             Access::kPublic);
  router.post("/login", [](AppContext& app, PageRequest& page, const RouteParams&) { return login_submit(app, page); },
              Access::kPublic);
  router.post("/logout", [](AppContext& app, PageRequest& page, const RouteParams&) { return logout_submit(app, page); },
              Access::kPublic);
  router.get("/", [](AppContext& app, PageRequest& page, const RouteParams&) { return home_page(app, page); });
  router.get("/konto", [](AppContext& app, PageRequest& page, const RouteParams&) { return account_page(app, page); });
  router.post("/konto", [](AppContext& app, PageRequest& page, const RouteParams&) { return account_submit(app, page); });
  router.pages().add({.path = "/", .title_key = "nav_home", .tile_text_key = {}, .order = 0, .visible = everyone,
                      .tile_status = {}});
}

}  // namespace trappa::web
