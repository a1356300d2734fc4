// trappa: the command-line entry point. Each subcommand lives in its own file.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "cli/command_context.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Trappa – strategisk kompetensförsörjning (strategic competence supply)", "trappa"};
  app.require_subcommand(1);
  app.fallthrough();  // global options such as --db may follow the subcommand
  app.set_version_flag("--version", "trappa 0.1.0");

  trappa::cli::CommandContext context;
  const char* from_environment = std::getenv("TRAPPA_DB");
  context.database = (from_environment != nullptr && *from_environment != '\0') ? from_environment : "trappa.db";
  app.add_option("--db", context.database,
                 "Store: a SQLite file path or a postgresql:// URL (default $TRAPPA_DB, else ./trappa.db)")
      ->capture_default_str();
  context.take_default_actor();
  app.add_option("--actor", context.actor_name,
                 "Who runs the command, for the audit trail (default $TRAPPA_ACTOR, else the user name)")
      ->each([&context](const std::string&) { context.actor_source = "--actor"; });

  int exit_status = 0;
  trappa::cli::add_import_commands(app, context, exit_status);
  trappa::cli::add_export_commands(app, context, exit_status);
  trappa::cli::add_demo_command(app, context, exit_status);
  trappa::cli::add_store_commands(app, context, exit_status);
  trappa::cli::add_serve_command(app, context, exit_status);
  trappa::cli::add_figures_command(app, context, exit_status);
  trappa::cli::add_forecast_command(app, context, exit_status);
  trappa::cli::add_learning_commands(app, context, exit_status);
  trappa::cli::add_settings_commands(app, context, exit_status);
  trappa::cli::add_maturity_commands(app, context, exit_status);
  trappa::cli::add_round_commands(app, context, exit_status);
  trappa::cli::add_analyze_command(app, context, exit_status);
  trappa::cli::add_user_command(app, context, exit_status);
  trappa::cli::add_client_command(app, context, exit_status);
  // Audit trail and personal-data rights (issue 6).
  trappa::cli::add_audit_command(app, context, exit_status);
  trappa::cli::add_person_commands(app, context, exit_status);
  // Backup and restore of the store (issue 6).
  trappa::cli::add_backup_commands(app, context, exit_status);
  trappa::cli::add_supply_plan_commands(app, context, exit_status);
  trappa::cli::add_report_commands(app, context, exit_status);
  // The organisation's own maturity survey (issue 17 §2), under `trappa maturity`.
  trappa::cli::add_maturity_survey_commands(app, context, exit_status);

  // Every command may write to the audit trail under the actor's name; a name with a line
  // feed or an escape sequence would forge lines of `trappa audit`, so it is refused before
  // any command runs (commands run when parsing ends, after every option is read).
  struct ActorRefused {
    std::string problem;
  };
  app.parse_complete_callback([&context] {
    if (auto problem = context.actor_problem()) throw ActorRefused{*problem};
  });
  try {
    app.parse(argc, argv);
  } catch (const ActorRefused& refused) {
    std::cerr << "trappa: " << refused.problem << '\n';
    return trappa::cli::kExitInvalidInput;
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? 0 : trappa::cli::kExitInvalidInput;
  }
  return exit_status;
}
