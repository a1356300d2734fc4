// trappa backup FILE [--force], trappa restore FILE: copies of the store (docs/operations.md).
//
// SQLite: an online backup with SQLite's backup API, safe while `trappa serve` runs and
// writes; a restore checks the file and replaces the store's content in one transaction.
// PostgreSQL: PostgreSQL's own tools do this better than trappa could (consistent dumps of a
// live server, parallel restore, point-in-time recovery), so both commands print the exact
// pg_dump / pg_restore commands for the store's URL and do nothing else.
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/command_context.hpp"
#include "store/audit/audit_store.hpp"
#include "store/sql/sqlite_backup.hpp"
#include "store/store.hpp"

namespace trappa::cli {

namespace {

struct BackupOptions {
  std::string file;
  bool force = false;
};

// Stores smaller than this copy in a blink; larger ones report their progress.
constexpr std::uint64_t kProgressThresholdBytes = 64ull << 20;

double mebibytes(std::uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Progress lines on stderr for a large store: each integrity check, and every tenth of the copy.
store::CopyProgressCallback progress_printer(std::string_view verb) {
  return [verb = std::string(verb), last_tenth = -1](const store::CopyProgress& progress) mutable {
    if (progress.bytes_total < kProgressThresholdBytes) return;
    if (progress.phase == store::CopyPhase::kChecking) {
      std::cerr << fmt::format("{}: checking integrity ({:.0f} MiB)\n", verb, mebibytes(progress.bytes_total));
      return;
    }
    const int tenth = static_cast<int>(progress.bytes_copied * 10 / progress.bytes_total);
    if (tenth == last_tenth) return;
    last_tenth = tenth;
    std::cerr << fmt::format("{}: {:3d} % ({:.0f} of {:.0f} MiB)\n", verb, tenth * 10, mebibytes(progress.bytes_copied),
                             mebibytes(progress.bytes_total));
  };
}

// A word for a POSIX shell, in single quotes.
std::string shell_quoted(std::string_view word) {
  std::string quoted = "'";
  for (char c : word) {
    if (c == '\'') quoted += "'\\''";
    else quoted += c;
  }
  return quoted + "'";
}

int postgresql_guidance(const CommandContext& context, std::string_view command, const std::string& file) {
  const std::string url = shell_quoted(store::location_without_password(context.database));
  const std::string dump_file = shell_quoted(file);
  std::cerr << fmt::format(
      "trappa: {} of a PostgreSQL store is done with PostgreSQL's own tools; nothing was done.\n"
      "\n"
      "Back up (one consistent snapshot, while trappa serve keeps running):\n"
      "  pg_dump -Fc --dbname={} --file={}\n"
      "\n"
      "Restore (stop every trappa serve of this store first; all or nothing):\n"
      "  pg_restore --clean --if-exists --single-transaction --exit-on-error --dbname={} {}\n"
      "\n"
      "pg_dump and pg_restore read the password from PGPASSWORD or ~/.pgpass; it is not shown here.\n"
      "Use the pg_dump of the server's major version or newer. See docs/operations.md.\n",
      command, url, dump_file, url, dump_file);
  return kExitInvalidInput;
}

int backup(const CommandContext& context, const BackupOptions& options) {
  if (store::is_postgresql_location(context.database)) return postgresql_guidance(context, "backup", options.file);
  std::error_code ignored;
  if (!options.force && std::filesystem::exists(options.file, ignored)) {
    return report({core::ErrorKind::kConflict, fmt::format("'{}' already exists; nothing was written", options.file),
                   {{"--force", "pass it to replace the file"}}});
  }
  const auto started = std::chrono::steady_clock::now();
  auto summary = store::backup_sqlite_store(context.database, options.file,
                                            options.force ? store::ExistingFile::kReplace : store::ExistingFile::kRefuse,
                                            progress_printer("backup"));
  if (!summary) return report(summary.error());
  std::cout << fmt::format("backup: sqlite store '{}' -> '{}': {:.1f} MiB, schema version {}, integrity ok, {:.1f} s\n",
                           context.database, options.file, mebibytes(summary->bytes), summary->schema_version,
                           seconds_since(started));
  return 0;
}

int restore(const CommandContext& context, const BackupOptions& options) {
  if (store::is_postgresql_location(context.database)) return postgresql_guidance(context, "restore", options.file);
  const auto started = std::chrono::steady_clock::now();
  auto summary = store::restore_sqlite_store(options.file, context.database, progress_printer("restore"));
  if (!summary) return report(summary.error());
  // Opening migrates a backup from an older build to this build's schema.
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto version = (*store)->schema_version();
  if (!version) return report(version.error());
  std::error_code ignored;
  const std::string absolute = std::filesystem::absolute(options.file, ignored).string();
  auto audited = (*store)->audit().append_audit({store::utc_timestamp_now(), context.actor().name, "store.restore", "store",
                                         fmt::format("content replaced by the backup '{}' (schema version {})", absolute,
                                                     summary->schema_version)});
  if (!audited) return report(audited.error());
  std::cout << fmt::format("restore: '{}' -> sqlite store '{}': {:.1f} MiB, schema version {}{}, {:.1f} s\n",
                           options.file, context.database, mebibytes(summary->bytes), summary->schema_version,
                           *version != summary->schema_version ? fmt::format(" (migrated to {})", *version) : "",
                           seconds_since(started));
  return 0;
}

}  // namespace

void add_backup_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  auto options = std::make_shared<BackupOptions>();
  CLI::App* backup_command =
      app.add_subcommand("backup", "Copy the store to FILE, also while trappa serve runs (SQLite; pg_dump for PostgreSQL)");
  backup_command->add_option("FILE", options->file, "The backup file to write")->required();
  backup_command->add_flag("--force", options->force, "Replace FILE if it exists");
  backup_command->callback([&context, &exit_status, options] { exit_status = backup(context, *options); });

  CLI::App* restore_command = app.add_subcommand(
      "restore", "Replace the store's content with the backup FILE (SQLite; pg_restore for PostgreSQL)");
  restore_command->add_option("FILE", options->file, "The backup file to restore")->required();
  restore_command->callback([&context, &exit_status, options] { exit_status = restore(context, *options); });
}

}  // namespace trappa::cli
