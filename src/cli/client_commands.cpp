// trappa client add|list|revoke: API clients that send xAPI statements (docs/learning.md).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/learning/api_clients.hpp"
#include "cli/command_context.hpp"

namespace trappa::cli {

namespace {

int add_client(const CommandContext& context, const std::string& name) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto made = app::add_api_client(**store, name, context.actor());
  if (!made) return report(made.error());
  std::cout << fmt::format("Created API client {}.\n", name);
  std::cout << fmt::format("Secret: {}\n", made->secret);
  std::cout << "It is shown only now: give it to the client's administrator in a safe way. The client sends\n"
               "NAME:SECRET by HTTP Basic authentication to /api/v1/xapi/statements.\n";
  return 0;
}

int list_clients(const CommandContext& context) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto clients = app::list_api_clients(**store);
  if (!clients) return report(clients.error());
  std::cout << fmt::format("{:<24} {:<21} {:<16} {}\n", "name", "created", "by", "revoked");
  for (const core::ApiClient& client : *clients) {
    std::cout << fmt::format("{:<24} {:<21} {:<16} {}\n", client.name, client.created_at, client.created_by,
                             client.revoked_at.value_or("-"));
  }
  return 0;
}

int revoke_client(const CommandContext& context, const std::string& name) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  if (auto revoked = app::revoke_api_client(**store, name, context.actor()); !revoked) return report(revoked.error());
  std::cout << fmt::format("Revoked API client {}: its requests are refused from now on.\n", name);
  return 0;
}

}  // namespace

void add_client_command(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* client = app.add_subcommand("client", "API clients that send xAPI statements (the learning platform)");
  client->require_subcommand(1);
  auto name = std::make_shared<std::string>();
  CLI::App* add = client->add_subcommand("add", "Create an API client and print its secret (shown once)");
  add->add_option("NAME", *name, "The client's name: letters, digits, '.', '_', '-'")->required();
  add->callback([&context, &exit_status, name] { exit_status = add_client(context, *name); });
  CLI::App* list = client->add_subcommand("list", "List the API clients, revoked ones too");
  list->callback([&context, &exit_status] { exit_status = list_clients(context); });
  CLI::App* revoke = client->add_subcommand("revoke", "Revoke an API client at once");
  revoke->add_option("NAME", *name, "The client's name")->required();
  revoke->callback([&context, &exit_status, name] { exit_status = revoke_client(context, *name); });
}

}  // namespace trappa::cli
