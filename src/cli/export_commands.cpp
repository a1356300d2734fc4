// trappa export framework ID --format json: the canonical framework file, which imports back
// unchanged.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "cli/command_context.hpp"
#include "io/framework_json.hpp"

namespace trappa::cli {

namespace {

struct ExportOptions {
  std::string id;
  std::string format = "json";
  std::string output;
  std::optional<int> revision;
};

int export_framework(const CommandContext& context, const ExportOptions& options) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto stored = (*store)->load_framework(options.id, options.revision);
  if (!stored) return report(stored.error());
  if (!*stored) return report({core::ErrorKind::kNotFound, "no framework with id '" + options.id + "'", {}});
  const std::string text = io::write_framework_json((*stored)->framework);
  if (options.output.empty() || options.output == "-") {
    std::cout << text;
    return 0;
  }
  std::ofstream out(options.output, std::ios::binary);
  out << text;
  if (!out) return report({core::ErrorKind::kInternal, "cannot write '" + options.output + "'", {}});
  return 0;
}

}  // namespace

void add_export_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* export_command = app.add_subcommand("export", "Export data from the store");
  export_command->require_subcommand(1);
  auto options = std::make_shared<ExportOptions>();
  CLI::App* framework = export_command->add_subcommand("framework", "A framework as its JSON file");
  framework->add_option("id", options->id, "Framework id, e.g. digital-kompetens")->required();
  framework->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"json"}))
      ->capture_default_str();
  framework->add_option("--revision", options->revision, "A stored revision (default: the latest)");
  framework->add_option("-o,--output", options->output, "Write to this file instead of standard output");
  framework->callback([&context, &exit_status, options] { exit_status = export_framework(context, *options); });
}

}  // namespace trappa::cli
