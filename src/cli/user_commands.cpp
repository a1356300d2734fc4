// trappa user add|list: accounts of the web application.
#include <CLI/CLI.hpp>

#include <iostream>

#include <fmt/format.h>

#include "app/access/password.hpp"
#include "cli/command_context.hpp"
#include "store/access/access_store.hpp"
#include "store/org/organisation_store.hpp"

namespace trappa::cli {

namespace {

struct UserOptions {
  std::string employee_id;
  std::string role = "employee";
  std::string scope;
};

int add_user(const CommandContext& context, const UserOptions& options) {
  const auto role = core::parse_account_role(options.role);
  if (!role) {
    return report({core::ErrorKind::kInvalidInput, "the account was not saved",
                   {{"--role", "'" + options.role + "' is not employee, hr, admin or observer"}}});
  }
  auto store = context.open_store();
  if (!store) return report(store.error());
  if (!options.scope.empty()) {
    auto units = (*store)->organisation().load_units();
    if (!units) return report(units.error());
    if (std::none_of(units->begin(), units->end(), [&](const core::Unit& unit) { return unit.code == options.scope; })) {
      return report({core::ErrorKind::kNotFound, "the account was not saved",
                     {{"--scope", "unknown unit '" + options.scope + "'"}}});
    }
  }
  auto existing = (*store)->access().load_account(options.employee_id);
  if (!existing) return report(existing.error());
  if (auto ready = app::initialise_crypto(); !ready) return report(ready.error());
  const std::string password = app::one_time_password();
  auto hash = app::hash_password(password);
  if (!hash) return report(hash.error());
  core::Account account{options.employee_id, *role, *hash, true, options.scope, {}};
  if (*existing) account.created_at = (*existing)->created_at;
  if (auto saved = (*store)->access().save_account(account, context.actor()); !saved) return report(saved.error());
  std::cout << fmt::format("{} account {} ({}{}).\n", *existing ? "Updated" : "Created", options.employee_id,
                           core::to_code(*role), options.scope.empty() ? "" : ", scope " + options.scope);
  std::cout << fmt::format("One-time password: {}\n", password);
  std::cout << "Give it to the person in a safe way; they choose their own password at the first sign-in.\n";
  return 0;
}

int list_users(const CommandContext& context) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto accounts = (*store)->access().list_accounts();
  if (!accounts) return report(accounts.error());
  std::cout << fmt::format("{:<14} {:<9} {:<14} {}\n", "employee_id", "role", "scope", "password");
  for (const core::Account& account : *accounts) {
    std::cout << fmt::format("{:<14} {:<9} {:<14} {}\n", account.employee_id, core::to_code(account.role),
                             account.scope_unit.empty() ? "-" : account.scope_unit,
                             account.must_change_password ? "one-time" : "set");
  }
  return 0;
}

}  // namespace

void add_user_command(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* user = app.add_subcommand("user", "Accounts of the web application");
  user->require_subcommand(1);
  auto options = std::make_shared<UserOptions>();
  CLI::App* add = user->add_subcommand("add", "Create an account for a person (or reset it) with a one-time password");
  add->add_option("EMPLOYEE_ID", options->employee_id, "The person's employee id")->required();
  add->add_option("--role", options->role, "employee, hr, admin or observer")
      ->check(CLI::IsMember({"employee", "hr", "admin", "observer"}))
      ->capture_default_str();
  add->add_option("--scope", options->scope, "HR only: the unit whose subtree the account sees");
  add->callback([&context, &exit_status, options] { exit_status = add_user(context, *options); });
  CLI::App* list = user->add_subcommand("list", "List the accounts");
  list->callback([&context, &exit_status] { exit_status = list_users(context); });
}

}  // namespace trappa::cli
