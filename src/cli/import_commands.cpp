// trappa import units|people|framework|profiles: all-or-nothing imports with every problem
// listed as FILE:LINE:COLUMN: reason, and --dry-run to validate without writing.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command_context.hpp"
#include "io/csv_reader.hpp"
#include "io/framework_json.hpp"
#include "io/org_import.hpp"
#include "io/profile_matrix.hpp"

namespace trappa::cli {

namespace {

struct ImportOptions {
  std::string file;
  std::string framework_id;
  bool dry_run = false;
};

std::string describe(const std::vector<core::Unit>& units) { return std::to_string(units.size()) + " units"; }
std::string describe(const std::vector<core::Person>& people) { return std::to_string(people.size()) + " people"; }
std::string describe(const core::Framework& framework) {
  return "framework '" + framework.id + "' with " + std::to_string(framework.competency_count()) +
         " competencies and " + std::to_string(framework.roles.size()) + " roles";
}


// Runs one import: `validate` reads and checks the file against the store and returns what
// it would write; `write` stores it. Nothing is written when validation fails or on --dry-run.
template <typename Validate, typename Write>
int run_import(const CommandContext& context, const ImportOptions& options, Validate validate, Write write) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto validated = validate(**store);
  if (!validated) return report(validated.error());
  if (options.dry_run) {
    std::cout << options.file << ": valid, " << describe(*validated) << " (dry run: nothing written)\n";
    return 0;
  }
  auto written = write(**store, *validated);
  if (!written) return report(written.error());
  std::cout << options.file << ": imported " << describe(*validated) << '\n';
  return 0;
}

}  // namespace

void add_import_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* import = app.add_subcommand("import", "Import organisation data or a framework (all-or-nothing)");
  import->require_subcommand(1);
  auto options = std::make_shared<ImportOptions>();

  auto add_file_command = [&](const std::string& name, const std::string& description) {
    CLI::App* command = import->add_subcommand(name, description);
    command->add_option("file", options->file, "The file to import")->required();
    command->add_flag("--dry-run", options->dry_run, "Validate only; write nothing");
    return command;
  };

  add_file_command("units", "Units: CSV with columns code,name,parent_code,kind")->callback([&context, &exit_status,
                                                                                            options] {
    exit_status = run_import(
        context, *options,
        [&](store::Store& store) -> core::Result<std::vector<core::Unit>> {
          auto table = io::read_csv_file(options->file);
          if (!table) return std::unexpected(table.error());
          auto existing = store.load_units();
          if (!existing) return std::unexpected(existing.error());
          return io::read_units(*table, *existing);
        },
        [&](store::Store& store, const std::vector<core::Unit>& units) {
          return store.save_units(units, CommandContext::actor());
        });
  });

  add_file_command("people",
                   "People: CSV with columns employee_id,name,email,gender,birth_year,unit_code,role,manager_id")
      ->callback([&context, &exit_status, options] {
        exit_status = run_import(
            context, *options,
            [&](store::Store& store) -> core::Result<std::vector<core::Person>> {
              auto table = io::read_csv_file(options->file);
              if (!table) return std::unexpected(table.error());
              auto units = store.load_units();
              if (!units) return std::unexpected(units.error());
              auto existing = store.load_people();
              if (!existing) return std::unexpected(existing.error());
              return io::read_people(*table, *units, *existing);
            },
            [&](store::Store& store, const std::vector<core::Person>& people) {
              return store.save_people(people, CommandContext::actor());
            });
      });

  add_file_command("framework", "A competence framework: JSON as in docs/formats.md")
      ->callback([&context, &exit_status, options] {
        exit_status = run_import(
            context, *options,
            [&](store::Store&) { return io::read_framework_file(options->file); },
            [&](store::Store& store, const core::Framework& framework) -> core::Result<void> {
              auto revision = store.save_framework(framework, CommandContext::actor());
              if (!revision) return std::unexpected(revision.error());
              std::cout << "framework '" << framework.id << "' is at revision " << *revision << '\n';
              return {};
            });
      });

  CLI::App* profiles = add_file_command(
      "profiles", "Role profiles: CSV matrix, first column competency code, one column per role");
  profiles->add_option("--framework", options->framework_id, "The framework the profiles belong to")->required();
  profiles->callback([&context, &exit_status, options] {
    exit_status = run_import(
        context, *options,
        [&](store::Store& store) -> core::Result<core::Framework> {
          auto table = io::read_csv_file(options->file);
          if (!table) return std::unexpected(table.error());
          auto stored = store.load_framework(options->framework_id);
          if (!stored) return std::unexpected(stored.error());
          if (!*stored) {
            return core::fail(core::ErrorKind::kNotFound,
                              "no framework with id '" + options->framework_id + "'; import it first");
          }
          return io::apply_profile_matrix(*table, (*stored)->framework);
        },
        [&](store::Store& store, const core::Framework& framework) -> core::Result<void> {
          auto revision = store.save_framework(framework, CommandContext::actor());
          if (!revision) return std::unexpected(revision.error());
          std::cout << "framework '" << framework.id << "' is at revision " << *revision << '\n';
          return {};
        });
  });
}

}  // namespace trappa::cli
