// trappa person export|erase: the personal-data rights of one person (docs/personal-data.md).
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/command_context.hpp"
#include "io/exports/person_export_json.hpp"
#include "store/audit/audit_store.hpp"
#include "store/people/personal_data_store.hpp"

namespace trappa::cli {

namespace {

struct PersonOptions {
  std::string employee_id;
  std::string output;  // export: a file, else standard output
  bool yes = false;    // erase: confirmed on the command line
};

core::Error unknown_person(const std::string& employee_id, std::string_view what) {
  return {core::ErrorKind::kNotFound, std::string(what),
          {{"EMPLOYEE_ID", "no person with employee id '" + employee_id + "'"}}};
}

int export_person(const CommandContext& context, const PersonOptions& options) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto record = (*store)->personal_data().load_person_record(options.employee_id);
  if (!record) return report(record.error());
  if (!*record) return report(unknown_person(options.employee_id, "nothing was exported"));
  // The export is recorded before it is handed out, so no copy leaves unrecorded. The
  // detail names no path: a file name may well contain the person's name.
  const store::AuditEntry entry{store::utc_timestamp_now(), context.actor().name, "person.export",
                                options.employee_id,
                                fmt::format("trappa-person-export version {} to {}", io::kPersonExportVersion,
                                            options.output.empty() ? "standard output" : "a file")};
  if (auto appended = (*store)->audit().append_audit(entry); !appended) return report(appended.error());
  (*record)->audit.push_back(entry);
  const std::string document = io::write_person_export_json(**record, {entry.at, entry.actor});
  if (options.output.empty()) {
    std::cout << document;
    return 0;
  }
  std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
  file << document;
  file.close();
  if (!file) {
    return report({core::ErrorKind::kInternal, "the export was not written",
                   {{"--output", "cannot write '" + options.output + "'"}}});
  }
  std::cout << fmt::format("Wrote everything stored about {} to {}.\n", options.employee_id, options.output);
  return 0;
}

// Erasing cannot be undone: without --yes the person's id must be typed at a terminal.
bool confirmed(const PersonOptions& options) {
  if (options.yes) return true;
  if (isatty(STDIN_FILENO) == 0) return false;
  std::cout << fmt::format(
      "This removes the name, e-mail, account and every free text of {} for good; ratings stay for statistics.\n"
      "Type the employee id to confirm: ",
      options.employee_id);
  std::cout.flush();
  std::string answer;
  std::getline(std::cin, answer);
  return answer == options.employee_id;
}

int erase_person(const CommandContext& context, const PersonOptions& options) {
  if (!confirmed(options)) {
    return report({core::ErrorKind::kInvalidInput, "nothing was erased",
                   {{"--yes", "erasing cannot be undone; confirm with --yes (or type the id at a terminal)"}}});
  }
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto erased = (*store)->personal_data().erase_person(options.employee_id, context.actor());
  if (!erased) {
    if (erased.error().kind == core::ErrorKind::kNotFound) {
      return report(unknown_person(options.employee_id, "nothing was erased"));
    }
    return report(erased.error());
  }
  std::cout << fmt::format("Erased {}: name and e-mail removed, {}, notes of {} assessment(s) emptied, {} earlier "
                           "audit entr{} redacted.\n",
                           options.employee_id,
                           erased->account_removed
                               ? fmt::format("account and {} session(s) deleted", erased->sessions_removed)
                               : std::string("no account to delete"),
                           erased->assessments_cleared, erased->audit_entries_redacted,
                           erased->audit_entries_redacted == 1 ? "y" : "ies");
  std::cout << "Kept for statistics: ratings, motivation, priorities, unit, role, gender, birth year, manager and "
               "employments.\n";
  return 0;
}

}  // namespace

void add_person_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* person = app.add_subcommand("person", "Personal-data rights: export or erase what is stored about a person");
  person->require_subcommand(1);
  auto options = std::make_shared<PersonOptions>();
  CLI::App* export_command =
      person->add_subcommand("export", "Write everything stored about the person as JSON (format in docs/personal-data.md)");
  export_command->add_option("EMPLOYEE_ID", options->employee_id, "The person's employee id")->required();
  export_command->add_option("--output", options->output, "Write to this file instead of standard output");
  export_command->callback([&context, &exit_status, options] { exit_status = export_person(context, *options); });
  CLI::App* erase = person->add_subcommand(
      "erase", "Remove the person's identity and free texts; keep anonymous ratings for statistics");
  erase->add_option("EMPLOYEE_ID", options->employee_id, "The person's employee id")->required();
  erase->add_flag("--yes", options->yes, "Confirm: erasing cannot be undone");
  erase->callback([&context, &exit_status, options] { exit_status = erase_person(context, *options); });
}

}  // namespace trappa::cli
