// trappa import units|people|framework|profiles: all-or-nothing imports with every problem
// listed as FILE:LINE:COLUMN: reason, and --dry-run to validate without writing.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command_context.hpp"
#include "core/org/unit_tree.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/imports/assessment_import.hpp"
#include "io/imports/employment_import.hpp"
#include "io/imports/org_import.hpp"
#include "io/imports/profile_matrix.hpp"
#include "io/json/framework_json.hpp"
#include "store/assessment/round_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/workforce/employment_store.hpp"

namespace trappa::cli {

namespace {

struct ImportOptions {
  std::string file;
  std::string framework_id;
  std::string round;
  bool dry_run = false;
};

std::string describe(const std::vector<core::Unit>& units) { return std::to_string(units.size()) + " units"; }
std::string describe(const std::vector<core::Person>& people) { return std::to_string(people.size()) + " people"; }
std::string describe(const std::vector<core::Employment>& employments) {
  return std::to_string(employments.size()) + " employments";
}
std::string describe(const std::vector<core::Assessment>& assessments) {
  return std::to_string(assessments.size()) + " people's assessments";
}
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

// Everything an assessment or motivation import checks rows against. `storage` keeps
// the data the context points into alive.
struct RoundImportData {
  core::Round round;
  core::Framework framework;
  std::vector<core::Person> people;
  std::shared_ptr<const core::UnitTree> tree;
};

core::Result<std::vector<core::Assessment>> read_round_file(
    store::Store& store, const ImportOptions& options,
    core::Result<std::vector<core::Assessment>> (*reader)(const io::CsvTable&, const io::AssessmentImportContext&)) {
  auto table = io::read_csv_file(options.file);
  if (!table) return std::unexpected(table.error());
  auto round = store.rounds().load_round(options.round);
  if (!round) return std::unexpected(round.error());
  if (!*round) return core::fail(core::ErrorKind::kNotFound, "no round named '" + options.round + "'");
  if ((*round)->state == core::RoundState::kClosed) {
    return core::fail(core::ErrorKind::kConflict, "round '" + options.round + "' is closed; nothing was imported");
  }
  auto framework = store.frameworks().load_framework((*round)->framework_id, (*round)->framework_revision);
  if (!framework) return std::unexpected(framework.error());
  if (!*framework) return core::fail(core::ErrorKind::kNotFound, "the round's framework is missing");
  auto people = store.organisation().load_people();
  if (!people) return std::unexpected(people.error());
  auto units = store.organisation().load_units();
  if (!units) return std::unexpected(units.error());
  auto existing = store.rounds().load_assessments(options.round);
  if (!existing) return std::unexpected(existing.error());

  const core::UnitTree tree = core::UnitTree::build(*units);
  std::uint32_t scope_first = 0;
  auto scope_last = static_cast<std::uint32_t>(tree.size());
  if (!(*round)->scope_unit.empty()) {
    if (auto scope = tree.index_of((*round)->scope_unit)) {
      scope_first = *scope;
      scope_last = tree.subtree_end(*scope);
    }
  }
  io::AssessmentImportContext context;
  context.round = &**round;
  context.framework = &(*framework)->framework;
  for (const core::Person& person : *people) context.people.emplace(person.employee_id, &person);
  context.in_round_scope = [&](const core::Person& person) {
    auto unit = tree.index_of(person.unit_code);
    return unit && *unit >= scope_first && *unit < scope_last;
  };
  for (core::Assessment& assessment : *existing) context.existing.emplace(assessment.employee_id, std::move(assessment));
  context.imported_by = CommandContext::actor().name;
  context.now = store::utc_timestamp_now();
  return reader(*table, context);
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
          auto existing = store.organisation().load_units();
          if (!existing) return std::unexpected(existing.error());
          return io::read_units(*table, *existing);
        },
        [&](store::Store& store, const std::vector<core::Unit>& units) {
          return store.organisation().save_units(units, CommandContext::actor());
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
              auto units = store.organisation().load_units();
              if (!units) return std::unexpected(units.error());
              auto existing = store.organisation().load_people();
              if (!existing) return std::unexpected(existing.error());
              return io::read_people(*table, *units, *existing);
            },
            [&](store::Store& store, const std::vector<core::Person>& people) {
              return store.organisation().save_people(people, CommandContext::actor());
            });
      });

  add_file_command("employments",
                   "Employment history: CSV with columns employee_id,start_date,end_date,employment_type,position,"
                   "fte,unit_code,recruitment_route,departure_route,departure_reason; replaces the history of "
                   "the people it names")
      ->callback([&context, &exit_status, options] {
        exit_status = run_import(
            context, *options,
            [&](store::Store& store) -> core::Result<std::vector<core::Employment>> {
              auto table = io::read_csv_file(options->file);
              if (!table) return std::unexpected(table.error());
              auto units = store.organisation().load_units();
              if (!units) return std::unexpected(units.error());
              auto people = store.organisation().load_people();
              if (!people) return std::unexpected(people.error());
              return io::read_employments(*table, *units, *people);
            },
            [&](store::Store& store, const std::vector<core::Employment>& employments) {
              return store.employments().save_employments(employments, CommandContext::actor());
            });
      });

  add_file_command("framework", "A competence framework: JSON as in docs/formats.md")
      ->callback([&context, &exit_status, options] {
        exit_status = run_import(
            context, *options,
            [&](store::Store&) { return io::read_framework_file(options->file); },
            [&](store::Store& store, const core::Framework& framework) -> core::Result<void> {
              auto revision = store.frameworks().save_framework(framework, CommandContext::actor());
              if (!revision) return std::unexpected(revision.error());
              std::cout << "framework '" << framework.id << "' is at revision " << *revision << '\n';
              return {};
            });
      });

  for (const auto& [name, description, reader] :
       {std::tuple{"assessments", "Assessments from another tool: CSV employee_id,competency,self_level,agreed_level",
                   &io::read_assessment_ratings},
        std::tuple{"motivation", "Motivation answers: CSV employee_id,area,motivation", &io::read_motivation_answers}}) {
    CLI::App* command = add_file_command(name, description);
    command->add_option("--round", options->round, "The round the answers belong to")->required();
    command->callback([&context, &exit_status, options, reader = reader] {
      exit_status = run_import(
          context, *options, [&](store::Store& store) { return read_round_file(store, *options, reader); },
          [&](store::Store& store, const std::vector<core::Assessment>& assessments) {
            return store.rounds().save_assessments(options->round, assessments, CommandContext::actor());
          });
    });
  }

  CLI::App* profiles = add_file_command(
      "profiles", "Role profiles: CSV matrix, first column competency code, one column per role");
  profiles->add_option("--framework", options->framework_id, "The framework the profiles belong to")->required();
  profiles->callback([&context, &exit_status, options] {
    exit_status = run_import(
        context, *options,
        [&](store::Store& store) -> core::Result<core::Framework> {
          auto table = io::read_csv_file(options->file);
          if (!table) return std::unexpected(table.error());
          auto stored = store.frameworks().load_framework(options->framework_id);
          if (!stored) return std::unexpected(stored.error());
          if (!*stored) {
            return core::fail(core::ErrorKind::kNotFound,
                              "no framework with id '" + options->framework_id + "'; import it first");
          }
          return io::apply_profile_matrix(*table, (*stored)->framework);
        },
        [&](store::Store& store, const core::Framework& framework) -> core::Result<void> {
          auto revision = store.frameworks().save_framework(framework, CommandContext::actor());
          if (!revision) return std::unexpected(revision.error());
          std::cout << "framework '" << framework.id << "' is at revision " << *revision << '\n';
          return {};
        });
  });
}

}  // namespace trappa::cli
