// trappa audit --person ID: a person's audit history, oldest first.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/command_context.hpp"
#include "core/base/text_checks.hpp"
#include "io/exports/person_export_json.hpp"
#include "store/people/personal_data_store.hpp"

namespace trappa::cli {

namespace {

struct AuditOptions {
  std::string employee_id;
  std::string format = "text";
};

int print_person_audit(const CommandContext& context, const AuditOptions& options) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto entries = (*store)->personal_data().load_person_audit(options.employee_id);
  if (!entries) {
    if (entries.error().kind == core::ErrorKind::kNotFound) {
      return report({core::ErrorKind::kNotFound, "no audit history to show",
                     {{"--person", "no person with employee id '" + options.employee_id + "'"}}});
    }
    return report(entries.error());
  }
  if (options.format == "json") {
    std::cout << io::write_audit_history_json(options.employee_id, *entries);
    return 0;
  }
  // One entry a line: time, actor, action, detail, the first three aligned (the subject is
  // the --person id of every entry, so it is not repeated). Every text is
  // escaped (core::escape_for_terminal): an actor, subject or detail holding a line feed or
  // an escape sequence (a hostile $USER in an older store, a name typed into a form) can
  // neither start a line that looks like another entry nor drive the terminal.
  struct Line {
    std::string at, actor, action, detail;
  };
  std::vector<Line> lines;
  lines.reserve(entries->size());
  std::size_t actor_width = 5, action_width = 6;
  for (const store::AuditEntry& entry : *entries) {
    Line line{core::escape_for_terminal(entry.at), core::escape_for_terminal(entry.actor),
              core::escape_for_terminal(entry.action), core::escape_for_terminal(entry.detail)};
    actor_width = std::max(actor_width, line.actor.size());
    action_width = std::max(action_width, line.action.size());
    lines.push_back(std::move(line));
  }
  std::cout << fmt::format("{:<20}  {:<{}}  {:<{}}  {}\n", "time", "actor", actor_width, "action", action_width,
                           "detail");
  for (const Line& line : lines) {
    std::cout << fmt::format("{:<20}  {:<{}}  {:<{}}  {}\n", line.at, line.actor, actor_width, line.action,
                             action_width, line.detail);
  }
  return 0;
}

}  // namespace

void add_audit_command(CLI::App& app, CommandContext& context, int& exit_status) {
  auto options = std::make_shared<AuditOptions>();
  CLI::App* audit = app.add_subcommand("audit", "Read the audit trail");
  audit->add_option("--person", options->employee_id, "Employee id: print the person's history, oldest first")
      ->required();
  audit->add_option("--format", options->format, "text (one entry a line) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  audit->callback([&context, &exit_status, options] { exit_status = print_person_audit(context, *options); });
}

}  // namespace trappa::cli
