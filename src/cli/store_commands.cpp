// trappa migrate, trappa frameworks: looking after the store itself.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command_context.hpp"
#include "store/framework/framework_store.hpp"

namespace trappa::cli {

void add_store_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  app.add_subcommand("migrate", "Bring the store's schema up to date (also done by serve and import)")
      ->callback([&context, &exit_status] {
        auto store = store::Store::open(context.database);
        if (!store) {
          exit_status = report(store.error());
          return;
        }
        auto before = (*store)->schema_version();
        auto after = (*store)->migrate();
        if (!after) {
          exit_status = report(after.error());
          return;
        }
        std::cout << (*store)->backend_name() << " store '" << store::location_without_password(context.database)
                  << "': schema version " << before.value_or(0) << " -> " << *after << '\n';
      });

  app.add_subcommand("frameworks", "List the frameworks in the store")->callback([&context, &exit_status] {
    auto store = context.open_store();
    if (!store) {
      exit_status = report(store.error());
      return;
    }
    auto frameworks = (*store)->frameworks().list_frameworks();
    if (!frameworks) {
      exit_status = report(frameworks.error());
      return;
    }
    if (frameworks->empty()) {
      std::cout << "No frameworks yet. Import one with: trappa import framework FILE.json\n";
      return;
    }
    for (const store::FrameworkSummary& summary : *frameworks) {
      std::cout << summary.id << "\t" << summary.name << "\tversion " << summary.version << "\trevision "
                << summary.revision << "\t" << summary.competencies << " competencies\t" << summary.roles
                << " roles\n";
    }
  });
}

}  // namespace trappa::cli
