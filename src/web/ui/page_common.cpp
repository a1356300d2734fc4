#include <array>

#include "web/ui/app_context.hpp"
#include "web/ui/pages.hpp"

#include "core/framework/framework.hpp"
#include "app/access/password.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

std::string language_switch_href(const Request& request, Language other) {
  std::string href = request.path + "?";
  for (const auto& [key, value] : request.query) {
    if (key == "lang" || key == "klart") continue;
    href += url_encode(key) + "=" + url_encode(value) + "&";
  }
  return href + "lang=" + std::string(language_code(other));
}

}  // namespace

std::string render_layout(const AppContext& app, const PageRequest& page, std::string_view title,
                          std::string_view active_path, const std::string& body, std::string_view flash_key,
                          int refresh_seconds) {
  TemplateData data;
  data.set("lang", std::string(language_code(page.language)));
  const Language other = page.language == Language::kSwedish ? Language::kEnglish : Language::kSwedish;
  data.set("other_lang", std::string(language_code(other)));
  data.set("other_language_name", std::string(text(other, other == Language::kEnglish ? "language_name_en"
                                                                                    : "language_name_sv")));
  data.set("language_href", language_switch_href(page.request, other));
  data.set("title", std::string(title));
  data.set("organisation", app.options.organisation_name);
  data.set("asset_version", app.asset_version);
  data.set("demo", flag(app.options.demo_mode));
  data.set("body", body);
  if (refresh_seconds > 0) data.set("refresh", std::to_string(refresh_seconds));
  data.set("has_flash", flag(!flash_key.empty()));
  if (!flash_key.empty()) data.set("flash", std::string(page.t(flash_key)));
  data.set("signed_in", flag(page.viewer.has_value()));
  if (page.viewer) {
    const Viewer& viewer = *page.viewer;
    data.set("user_name", viewer.person->name);
    data.set("user_role", role_label(page, viewer));
    data.set("csrf", viewer.csrf_token);
    data.set("session_seconds", std::to_string(viewer.session_left.count()));
    TemplateData nav = list();
    if (app.router) {
      for (const PageEntry* item : app.router->pages().navigation(viewer)) {
        TemplateData entry;
        entry.set("href", item->path);
        entry.set("label", std::string(page.t(item->title_key)));
        entry.set("current", flag(!active_path.empty() && item->path == active_path));
        nav.push_back(entry);
      }
    }
    data.set("nav", nav);
  }
  return render("layout", page.language, data);
}

Response page_response(int status, std::string html) { return html_response(status, std::move(html)); }

Response error_page(const AppContext& app, const PageRequest& page, int status, std::string_view message) {
  std::string_view title_key = "error_500_title";
  std::string_view text_key = "error_500_text";
  switch (status) {
    case 400: title_key = "error_400_title"; text_key = "error_400_text"; break;
    case 415: title_key = "error_400_title"; text_key = "error_400_text"; break;  // a form sent in another encoding
    case 403: title_key = "error_403_title"; text_key = "error_403_text"; break;
    case 404: title_key = "error_404_title"; text_key = "error_404_text"; break;
    case 405: title_key = "error_405_title"; text_key = "error_405_text"; break;
    case 422: title_key = "error_400_title"; text_key = "error_400_text"; break;  // input the rules refuse
    case 409: title_key = "error_409_title"; text_key = "error_500_text"; break;
    case 429: title_key = "error_429_title"; text_key = "error_429_text"; break;
    default: break;
  }
  TemplateData data;
  data.set("heading", std::string(page.t(title_key)));
  data.set("message", message.empty() ? std::string(page.t(text_key)) : std::string(message));
  data.set("has_request_id", flag(status >= 500));
  data.set("request_id", page.request.request_id);
  const std::string body = render("error", page.language, data);
  return page_response(status, render_layout(app, page, page.t(title_key), {}, body));
}

bool csrf_valid(const PageRequest& page, const FormData& form) { return csrf_valid(page, form.get("csrf")); }

bool csrf_valid(const PageRequest& page, std::string_view token) {
  return page.viewer && app::equal_in_constant_time(token, page.viewer->csrf_token);
}

std::string_view status_code(core::Progress progress) { return core::to_code(progress); }

std::string framework_language_code(const core::Framework& framework) {
  const std::string_view language = framework.text_language();
  // A code as BCP 47 writes it (letters, digits, '-'); anything else is taken for Swedish.
  if (language.empty() || language.size() > 35 ||
      language.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != std::string_view::npos) {
    return "sv";
  }
  return std::string(language);
}

std::string framework_lang_attribute(const PageRequest& page, const core::Framework& framework) {
  const std::string language = framework_language_code(framework);
  if (language == language_code(page.language)) return {};
  return " lang=\"" + language + "\"";
}

core::Progress published_progress(const app::RoundView& round, std::uint32_t person) {
  if (!round.includes(person)) return core::Progress::kNotStarted;
  return round.snapshot->progress()[static_cast<std::size_t>(round.position[person])];
}

std::string_view status_label(const PageRequest& page, core::Progress progress) {
  return page.t("status_" + std::string(core::to_code(progress)));
}

std::string_view state_label(const PageRequest& page, core::RoundState state) {
  switch (state) {
    case core::RoundState::kDraft: return page.t("state_draft");
    case core::RoundState::kOpen: return page.t("state_open");
    case core::RoundState::kClosed: return page.t("state_closed");
  }
  return {};
}

std::string_view account_role_label(const PageRequest& page, core::AccountRole role) {
  switch (role) {
    case core::AccountRole::kEmployee: return page.t("role_employee");
    case core::AccountRole::kHr: return page.t("role_hr");
    case core::AccountRole::kAdmin: return page.t("role_admin");
    case core::AccountRole::kObserver: return page.t("role_observer");
  }
  return {};
}

std::string role_label(const PageRequest& page, const Viewer& viewer) {
  if (viewer.account.role == core::AccountRole::kEmployee && viewer.manages_anyone) {
    return std::string(page.t("role_manager"));
  }
  return std::string(account_role_label(page, viewer.account.role));
}

std::string_view allowed_flash(std::string_view key) {
  static constexpr std::array<std::string_view, 20> kAllowed{
      "assessment_saved_draft",  "assessment_submitted",    "assessment_restored",
      "conversation_saved",      "rounds_created",          "rounds_opened",
      "rounds_closed",           "account_password_changed", "signed_out",
      "accounts_changed",        "accounts_revoked",        "learning_targets_saved",
      "learning_activity_saved", "learning_attendance_saved", "plan_saved",
      "plan_agreed",             "plan_followed_up",        "registration_registered",
      "registration_cancelled",  "import_cancelled"};
  for (std::string_view allowed : kAllowed) {
    if (allowed == key) return allowed;
  }
  return {};
}

TemplateData round_options(AppContext& app, const std::string& selected) {
  TemplateData options = list();
  auto rounds = app.rounds->rounds();
  for (auto it = rounds->rbegin(); it != rounds->rend(); ++it) {
    TemplateData option;
    option.set("value", (*it)->round.name);
    option.set("label", (*it)->round.name);
    option.set("selected", flag((*it)->round.name == selected));
    options.push_back(option);
  }
  return options;
}

}  // namespace trappa::web
