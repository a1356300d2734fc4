// Konton: the administrators' work on the accounts of the web application, as `trappa user`
// does it (docs/web.md, "Konton"): list every account, create one for a person with a
// one-time password, change an account's role and scope, reset its password to a one-time
// password, revoke it after a confirmation. Administrators only (everyone else gets 404); an
// administrator cannot change or revoke their own account here, so no one locks themselves
// out. Every change is audited as done by the administrator (app/accounts/accounts.hpp), and
// a reset or revocation ends the person's sessions at once.
#include <algorithm>

#include "web/pages/account/account_routes.hpp"
#include "web/pages/assessment/assessment_form.hpp"
#include "web/ui/error_response.hpp"
#include "web/ui/pages.hpp"
#include "web/ui/router.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

constexpr core::AccountRole kRoles[] = {core::AccountRole::kEmployee, core::AccountRole::kHr, core::AccountRole::kObserver,
                                        core::AccountRole::kAdmin};

bool is_admin(const PageRequest& page) { return page.viewer->account.role == core::AccountRole::kAdmin; }

TemplateData role_options(const PageRequest& page, core::AccountRole selected) {
  std::vector<std::pair<std::string, std::string>> options;
  for (core::AccountRole role : kRoles) options.emplace_back(core::to_code(role), account_role_label(page, role));
  return select_options(options, std::string(core::to_code(selected)));
}

TemplateData scope_options(const AppContext& app, const PageRequest& page, const std::string& selected) {
  auto options = unit_options(*app.directory, {}, selected);
  options.insert(options.begin(), {"", std::string(page.t("accounts_scope_all"))});
  return select_options(options, selected);
}

std::string scope_words(const AppContext& app, const PageRequest& page, const std::string& scope) {
  return scope.empty() ? std::string(page.t("accounts_scope_all")) : app.directory->unit_name(scope);
}

std::string person_name(const AppContext& app, const std::string& employee_id) {
  const core::Person* person = app.directory->find(employee_id);
  return person != nullptr ? person->name : employee_id;
}

void set_account_facts(const AppContext& app, const PageRequest& page, const core::Account& account, TemplateData& data) {
  data.set("name", person_name(app, account.employee_id));
  data.set("employee_id", account.employee_id);
  data.set("path", url_encode(account.employee_id));
  data.set("role", std::string(account_role_label(page, account.role)));
  data.set("scope", scope_words(app, page, account.scope_unit));
  data.set("password", std::string(page.t(account.must_change_password ? "accounts_password_one_time" : "accounts_password_set")));
}

struct AddForm {
  std::string employee_id;
  core::AccountRole role = core::AccountRole::kEmployee;
  std::string scope;
  std::vector<FieldError> errors;
};

Response render_list(AppContext& app, const PageRequest& page, int status, const AddForm& form) {
  auto accounts = app.accounts->list();
  if (!accounts) return error_response(app, page, accounts.error());
  std::sort(accounts->begin(), accounts->end(), [&](const core::Account& a, const core::Account& b) {
    return std::pair(person_name(app, a.employee_id), a.employee_id) < std::pair(person_name(app, b.employee_id), b.employee_id);
  });
  TemplateData data;
  data.set("csrf", page.viewer->csrf_token);
  data.set("employee_id", form.employee_id);
  data.set("roles", role_options(page, form.role));
  data.set("scopes", scope_options(app, page, form.scope));
  data.set("employee_error", error_for(form.errors, "account-employee"));
  data.set("has_errors", flag(!form.errors.empty()));
  data.set("errors", errors_data(form.errors));
  data.set("count", grouped_number(accounts->size()));
  TemplateData& rows = add_list(data, "accounts");
  for (const core::Account& account : *accounts) set_account_facts(app, page, account, add_object(rows));
  const auto flash = page.request.query.find("klart");
  return page_response(status, render_layout(app, page, page.t("accounts_title"), "/konton",
                                             render("accounts_admin", page.language, data),
                                             flash != page.request.query.end() ? allowed_flash(flash->second)
                                                                               : std::string_view{}));
}

// The page that shows a one-time password once: never cached, never in a URL.
Response render_issued(AppContext& app, const PageRequest& page, const app::Accounts::Issued& issued,
                       std::string_view done_key) {
  TemplateData data;
  set_account_facts(app, page, issued.account, data);
  data.set("heading", std::string(page.t("accounts_account_of")) + " " + person_name(app, issued.account.employee_id));
  data.set("done", std::string(page.t(done_key)));
  data.set("password", issued.one_time_password);
  Response response = page_response(200, render_layout(app, page, page.t("accounts_title"), "/konton",
                                                       render("account_issued", page.language, data)));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// The role and scope a form names; a problem (naming the field) when they are not valid.
std::optional<FieldError> read_role_and_scope(const AppContext& app, const PageRequest& page, const FormData& form,
                                              core::AccountRole& role, std::string& scope) {
  const auto parsed = core::parse_account_role(form.get("role"));
  if (!parsed) return FieldError{"account-role", std::string(page.t("accounts_error_role"))};
  role = *parsed;
  scope = form.get("scope");
  if (!scope.empty() && !app.directory->tree().index_of(scope)) {
    return FieldError{"account-scope", std::string(page.t("accounts_error_scope"))};
  }
  return std::nullopt;
}

Response accounts_page(AppContext& app, const PageRequest& page) {
  if (!is_admin(page)) return error_page(app, page, 404);
  return render_list(app, page, 200, AddForm{});
}

Response accounts_add(AppContext& app, const PageRequest& page) {
  if (!is_admin(page)) return error_page(app, page, 404);
  const FormData form_data = FormData::parse(page.request.body);
  if (!csrf_valid(page, form_data)) return error_page(app, page, 403, page.t("error_csrf_text"));
  AddForm form;
  form.employee_id = form_data.get("employee_id");
  std::erase(form.employee_id, ' ');
  if (auto problem = read_role_and_scope(app, page, form_data, form.role, form.scope)) form.errors.push_back(*problem);
  if (form.employee_id.empty() || !app.directory->find(form.employee_id)) {
    form.errors.push_back({"account-employee", std::string(page.t("accounts_error_person"))});
  } else if (form.employee_id == page.viewer->account.employee_id) {
    form.errors.push_back({"account-employee", std::string(page.t("accounts_self_note"))});
  }
  if (!form.errors.empty()) return render_list(app, page, 422, form);
  auto existing = app.accounts->find(form.employee_id);
  if (!existing) return error_response(app, page, existing.error());
  if (*existing) {
    form.errors.push_back({"account-employee", std::string(page.t("accounts_error_exists"))});
    return render_list(app, page, 409, form);
  }
  auto issued = app.accounts->grant(form.employee_id, form.role, form.scope, page.viewer->account.employee_id);
  if (!issued) return error_response(app, page, issued.error());
  return render_issued(app, page, *issued, "accounts_created");
}

// The account a path names, for an administrator other than its holder; nullopt with the
// response to give otherwise.
std::optional<core::Account> editable(AppContext& app, const PageRequest& page, const std::string& employee_id,
                                      Response& refusal) {
  if (!is_admin(page)) {
    refusal = error_page(app, page, 404);
    return std::nullopt;
  }
  auto account = app.accounts->find(employee_id);
  if (!account) {
    refusal = error_response(app, page, account.error());
    return std::nullopt;
  }
  if (!*account) {
    refusal = error_page(app, page, 404);
    return std::nullopt;
  }
  return **account;
}

Response account_page(AppContext& app, const PageRequest& page, const std::string& employee_id) {
  Response refusal;
  const auto account = editable(app, page, employee_id, refusal);
  if (!account) return refusal;
  TemplateData data;
  set_account_facts(app, page, *account, data);
  data.set("csrf", page.viewer->csrf_token);
  data.set("self", flag(employee_id == page.viewer->account.employee_id));
  data.set("roles", role_options(page, account->role));
  data.set("scopes", scope_options(app, page, account->scope_unit));
  const auto flash = page.request.query.find("klart");
  return page_response(200, render_layout(app, page, page.t("accounts_title"), "/konton",
                                          render("account_admin", page.language, data),
                                          flash != page.request.query.end() ? allowed_flash(flash->second)
                                                                            : std::string_view{}));
}

// POSTs on another person's account: the CSRF token, the account, and never one's own.
std::optional<core::Account> checked_post(AppContext& app, const PageRequest& page, const std::string& employee_id,
                                          const FormData& form, Response& refusal) {
  if (!is_admin(page)) {
    refusal = error_page(app, page, 404);
    return std::nullopt;
  }
  if (!csrf_valid(page, form)) {
    refusal = error_page(app, page, 403, page.t("error_csrf_text"));
    return std::nullopt;
  }
  if (employee_id == page.viewer->account.employee_id) {
    refusal = error_page(app, page, 409, page.t("accounts_self_note"));
    return std::nullopt;
  }
  return editable(app, page, employee_id, refusal);
}

Response account_change(AppContext& app, const PageRequest& page, const std::string& employee_id) {
  const FormData form = FormData::parse(page.request.body);
  Response refusal;
  if (!checked_post(app, page, employee_id, form, refusal)) return refusal;
  core::AccountRole role{};
  std::string scope;
  if (auto problem = read_role_and_scope(app, page, form, role, scope)) return error_page(app, page, 422, problem->message);
  auto changed = app.accounts->grant(employee_id, role, scope, page.viewer->account.employee_id);
  if (!changed) return error_response(app, page, changed.error());
  // The person's next request reads the new role and scope.
  app.sessions->forget_cached(employee_id);
  return redirect_to("/konton/" + url_encode(employee_id) + "?klart=accounts_changed");
}

Response account_reset(AppContext& app, const PageRequest& page, const std::string& employee_id) {
  const FormData form = FormData::parse(page.request.body);
  Response refusal;
  if (!checked_post(app, page, employee_id, form, refusal)) return refusal;
  auto issued = app.accounts->reset_password(employee_id, page.viewer->account.employee_id);
  if (!issued) return error_response(app, page, issued.error());
  app.sessions->end_sessions_of(employee_id);
  return render_issued(app, page, *issued, "accounts_password_reset");
}

Response account_revoke_page(AppContext& app, const PageRequest& page, const std::string& employee_id) {
  Response refusal;
  const auto account = editable(app, page, employee_id, refusal);
  if (!account) return refusal;
  if (employee_id == page.viewer->account.employee_id) return error_page(app, page, 409, page.t("accounts_self_note"));
  TemplateData data;
  set_account_facts(app, page, *account, data);
  data.set("csrf", page.viewer->csrf_token);
  return page_response(200, render_layout(app, page, page.t("accounts_revoke_heading"), "/konton",
                                          render("account_revoke", page.language, data)));
}

Response account_revoke(AppContext& app, const PageRequest& page, const std::string& employee_id) {
  const FormData form = FormData::parse(page.request.body);
  Response refusal;
  if (!checked_post(app, page, employee_id, form, refusal)) return refusal;
  if (auto revoked = app.accounts->revoke(employee_id, page.viewer->account.employee_id); !revoked) {
    return error_response(app, page, revoked.error());
  }
  app.sessions->end_sessions_of(employee_id);
  return redirect_to("/konton?klart=accounts_revoked");
}

}  // namespace

void register_account_administration(Router& router) {
  router.get("/konton", [](AppContext& app, PageRequest& page, const RouteParams&) { return accounts_page(app, page); });
  router.post("/konton", [](AppContext& app, PageRequest& page, const RouteParams&) { return accounts_add(app, page); });
  router.get("/konton/{employee_id}", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return account_page(app, page, params.get("employee_id"));
  });
  router.post("/konton/{employee_id}", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return account_change(app, page, params.get("employee_id"));
  });
  router.post("/konton/{employee_id}/losenord", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return account_reset(app, page, params.get("employee_id"));
  });
  router.get("/konton/{employee_id}/avsluta", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return account_revoke_page(app, page, params.get("employee_id"));
  });
  router.post("/konton/{employee_id}/avsluta", [](AppContext& app, PageRequest& page, const RouteParams& params) {
    return account_revoke(app, page, params.get("employee_id"));
  });
  router.pages().add({.path = "/konton", .title_key = "nav_accounts", .tile_text_key = "home_accounts_text", .order = 70,
                      .visible = [](const Viewer& viewer) { return viewer.account.role == core::AccountRole::kAdmin; },
                      .tile_status = {}});
}

}  // namespace trappa::web
