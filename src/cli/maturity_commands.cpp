// trappa maturity [--unit CODE] [--format json|csv|table] [--csv-dialect sv|en]: the maturity
// measurements as series with the change since the previous measurement;
// trappa indicators [--unit CODE] [--format json|csv|table] [--csv-dialect sv|en]: the indicator
// series with their values per period (docs/maturity.md). Both read through app/maturity.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/maturity/maturity_values.hpp"
#include "cli/command_context.hpp"
#include "cli/csv_dialect_option.hpp"
#include "io/exports/maturity_output.hpp"

namespace trappa::cli {

namespace {

struct ListOptions {
  std::string unit;
  std::string format = "json";
  std::string csv_dialect;
};

std::optional<std::string> unit_of(const ListOptions& options) {
  if (options.unit.empty()) return std::nullopt;
  return options.unit;
}

int run_maturity(const CommandContext& context, const ListOptions& options) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto points = app::list_maturity(**store, unit_of(options));
  if (!points) return report(points.error());
  std::cout << (options.format == "csv"     ? io::write_maturity_csv(*points, csv_dialect_option(options.csv_dialect))
                : options.format == "table" ? io::write_maturity_table(*points)
                                            : io::write_maturity_json(*points, unit_of(options)));
  return 0;
}

int run_indicators(const CommandContext& context, const ListOptions& options) {
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto series = app::list_indicators(**store, unit_of(options));
  if (!series) return report(series.error());
  std::cout << (options.format == "csv"     ? io::write_indicators_csv(*series, csv_dialect_option(options.csv_dialect))
                : options.format == "table" ? io::write_indicators_table(*series)
                                            : io::write_indicators_json(*series, unit_of(options)));
  return 0;
}

void add_list_options(CLI::App* command, ListOptions& options) {
  command->add_option("--unit", options.unit, "Only this unit (its code)");
  command->add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"json", "csv", "table"}))
      ->capture_default_str();
  add_csv_dialect_option(command, options.csv_dialect);
}

}  // namespace

void add_maturity_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  auto maturity_options = std::make_shared<ListOptions>();
  CLI::App* maturity = app.add_subcommand(
      "maturity", "Maturity measurements (DiMiOS and the like) with the change since the previous one (docs/maturity.md)");
  add_list_options(maturity, *maturity_options);
  maturity->callback([&context, &exit_status, maturity_options, maturity] {
    // `trappa maturity instrument|survey|survey-results …` are its subcommands
    // (maturity_survey_commands.cpp), whose callbacks ran already: the listing is for
    // `trappa maturity` alone.
    if (!maturity->get_subcommands().empty()) return;
    exit_status = run_maturity(context, *maturity_options);
  });

  auto indicator_options = std::make_shared<ListOptions>();
  CLI::App* indicators =
      app.add_subcommand("indicators", "Indicator series with their values per period (docs/maturity.md)");
  add_list_options(indicators, *indicator_options);
  indicators->callback([&context, &exit_status, indicator_options] {
    exit_status = run_indicators(context, *indicator_options);
  });
}

}  // namespace trappa::cli
