// trappa settings show | set KEY VALUE | unset KEY: the organisation's settings, today the
// learning targets (docs/learning.md, "Targets"; app/learning/learning_settings.hpp).
#include <CLI/CLI.hpp>

#include <iostream>

#include <fmt/format.h>

#include "app/learning/learning_settings.hpp"
#include "cli/command_context.hpp"
#include "store/settings/settings_store.hpp"

namespace trappa::cli {

namespace {

struct SettingOptions {
  std::string key;
  std::string value;
};

int run_show(const CommandContext& context) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto settings = (*store)->settings().load_settings();
  if (!settings) return report(settings.error());
  for (const std::string_view key : app::setting_keys()) {
    const auto found = settings->find(std::string(key));
    std::cout << key << ' ' << (found == settings->end() ? std::string("-") : found->second) << '\n';
  }
  return 0;
}

int run_save(const CommandContext& context, const std::string& key, const std::optional<std::string>& value) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto changed = app::save_settings(**store, {{key, value}}, context.actor());
  if (!changed) return report(changed.error());
  std::cout << (*changed == 0 ? fmt::format("{} unchanged\n", key)
                              : value ? fmt::format("{} set\n", key)
                                      : fmt::format("{} removed\n", key));
  return 0;
}

}  // namespace

void add_settings_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* settings = app.add_subcommand("settings", "The organisation's settings: learning targets (docs/learning.md)");
  settings->require_subcommand(1);
  CLI::App* show = settings->add_subcommand("show", "Every setting and its value (- when not set)");
  show->callback([&context, &exit_status] { exit_status = run_show(context); });

  auto set_options = std::make_shared<SettingOptions>();
  CLI::App* set = settings->add_subcommand("set", "Set a setting (audited)");
  set->add_option("key", set_options->key, "learning.target_participants or learning.target_hours_per_participant")
      ->required();
  set->add_option("value", set_options->value, "A number of at least 0")->required();
  set->callback([&context, &exit_status, set_options] {
    exit_status = run_save(context, set_options->key, set_options->value);
  });

  auto unset_options = std::make_shared<SettingOptions>();
  CLI::App* unset = settings->add_subcommand("unset", "Remove a setting (audited)");
  unset->add_option("key", unset_options->key, "The setting's key")->required();
  unset->callback([&context, &exit_status, unset_options] {
    exit_status = run_save(context, unset_options->key, std::nullopt);
  });
}

}  // namespace trappa::cli
