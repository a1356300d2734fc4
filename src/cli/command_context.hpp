// What every subcommand shares: where the store is, how to open it, and how to report an
// Error as a message and an exit status.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "store/store.hpp"

namespace CLI {
class App;
}

namespace trappa::cli {

// Exit statuses: 0 success, 1 failure of the program or its environment, 2 bad input.
inline constexpr int kExitFailure = 1;
inline constexpr int kExitInvalidInput = 2;

struct CommandContext {
  std::string database;  // --db, else $TRAPPA_DB, else ./trappa.db

  // Opens the store and brings its schema up to date.
  [[nodiscard]] core::Result<std::unique_ptr<store::Store>> open_store() const;
  // Who runs the command: --actor NAME, else $TRAPPA_ACTOR, else the operating-system user
  // (the name of the effective user id, else $USER), else "unknown". main() sets it.
  std::string actor_name;
  // Where actor_name came from, for messages: "--actor", "$TRAPPA_ACTOR" or "the user name".
  std::string actor_source;

  // The actor recorded in the audit trail for command-line changes: "cli:<actor_name>".
  [[nodiscard]] store::Actor actor() const { return {"cli:" + actor_name}; }
  // The actor from the environment and the operating system, before --actor is read.
  void take_default_actor();
  // Why actor_name cannot go into the audit trail (empty, too long, a control character such
  // as a line feed or ESC, or bytes that are not UTF-8), or nullopt when it can. main()
  // refuses to run any command with such a name, so actor() never records one.
  [[nodiscard]] std::optional<std::string> actor_problem() const;
};

// Prints the error (message and every problem) to stderr and returns the exit status for it.
int report(const core::Error& error);

// Writes `text` to the file `output`, or to standard output when it is empty or "-"; returns
// the exit status (a file that cannot be written is reported).
int write_output(const std::string& text, const std::string& output);

// The day of an `--on DATE` option: today when `text` is empty; kInvalidInput naming --on when
// it is not YYYY-MM-DD. Used by the supply plan's commands and `report plan`.
[[nodiscard]] core::Result<core::Date> day_option(const std::string& text);

// Where shipped data (frameworks) lives: $TRAPPA_DATA_DIR, the installed share/trappa, or the
// source tree this binary was built from.
[[nodiscard]] std::filesystem::path data_directory();
// The shipped framework the demo organisation is assessed against.
[[nodiscard]] std::filesystem::path demo_framework_file();
// data/demo: the demo's competence supply plans.
[[nodiscard]] std::filesystem::path demo_supply_plans_directory();

// Each file registers its subcommands on the application; the handler sets `exit_status`.
void add_import_commands(CLI::App& app, CommandContext& context, int& exit_status);
void add_export_commands(CLI::App& app, CommandContext& context, int& exit_status);
void add_demo_command(CLI::App& app, CommandContext& context, int& exit_status);
void add_store_commands(CLI::App& app, CommandContext& context, int& exit_status);
void add_serve_command(CLI::App& app, CommandContext& context, int& exit_status);
void add_figures_command(CLI::App& app, CommandContext& context, int& exit_status);
void add_forecast_command(CLI::App& app, CommandContext& context, int& exit_status);
void add_learning_commands(CLI::App& app, CommandContext& context, int& exit_status);
void add_settings_commands(CLI::App& app, CommandContext& context, int& exit_status);
void add_maturity_commands(CLI::App& app, CommandContext& context, int& exit_status);
void add_round_commands(CLI::App& app, CommandContext& context, int& exit_status);
void add_analyze_command(CLI::App& app, CommandContext& context, int& exit_status);
void add_user_command(CLI::App& app, CommandContext& context, int& exit_status);
void add_client_command(CLI::App& app, CommandContext& context, int& exit_status);
// Audit trail and personal-data rights (audit_command.cpp, person_commands.cpp).
void add_audit_command(CLI::App& app, CommandContext& context, int& exit_status);
void add_person_commands(CLI::App& app, CommandContext& context, int& exit_status);
// Backup and restore of the store (backup_commands.cpp).
void add_backup_commands(CLI::App& app, CommandContext& context, int& exit_status);
// Competence supply plans: `import plan`, `export plan` (after add_import_commands and
// add_export_commands) and `plan list|show|follow-up` (supply_plan_commands.cpp).
void add_supply_plan_commands(CLI::App& app, CommandContext& context, int& exit_status);
// Documents for the committee: `report plan` (docs/supply-plan.md, "The report").
void add_report_commands(CLI::App& app, CommandContext& context, int& exit_status);
// The organisation's own maturity survey (maturity_survey_commands.cpp), under `trappa maturity`.
void add_maturity_survey_commands(CLI::App& app, CommandContext& context, int& exit_status);

}  // namespace trappa::cli
