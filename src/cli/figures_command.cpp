// trappa figures --at DATE [--from DATE] [--unit CODE] [--retirement-age N] [--format json|csv|table]:
// workforce key figures computed from the employment history in the store.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/command_context.hpp"
#include "cli/csv_dialect_option.hpp"
#include "cli/xlsx_output.hpp"
#include "core/base/date.hpp"
#include "core/workforce/key_figures.hpp"
#include "io/exports/key_figures_json.hpp"
#include "store/org/organisation_store.hpp"
#include "store/workforce/employment_store.hpp"

namespace trappa::cli {

namespace {

struct FiguresOptions {
  std::string at;
  std::string from;
  std::string unit;
  int retirement_age = core::kDefaultRetirementAge;
  std::string format = "json";
  std::string csv_dialect;
  std::string output;
};

core::Result<core::KeyFigureQuery> parse_query(const FiguresOptions& options) {
  core::KeyFigureQuery query;
  std::vector<core::Problem> problems;
  if (auto at = core::parse_iso_date(options.at)) {
    query.at = *at;
  } else {
    problems.push_back({"--at", fmt::format("'{}' is not a date (YYYY-MM-DD)", options.at)});
  }
  if (!options.from.empty()) {
    if (auto from = core::parse_iso_date(options.from)) {
      query.from = *from;
    } else {
      problems.push_back({"--from", fmt::format("'{}' is not a date (YYYY-MM-DD)", options.from)});
    }
  }
  if (!problems.empty()) return core::invalid("bad options", std::move(problems));
  query.unit_code = options.unit;
  query.retirement_age = options.retirement_age;
  return query;
}

int run_figures(const CommandContext& context, const FiguresOptions& options) {
  auto query = parse_query(options);
  if (!query) return report(query.error());
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto units = (*store)->organisation().load_units();
  if (!units) return report(units.error());
  auto people = (*store)->organisation().load_people();
  if (!people) return report(people.error());
  auto employments = (*store)->employments().load_employments();
  if (!employments) return report(employments.error());
  auto figures = core::compute_key_figures(*people, *employments, *units, *query);
  if (!figures) return report(figures.error());
  if (figures->unmatched_employments > 0) {
    std::cerr << fmt::format("trappa: warning: {} employments name no known person and were skipped\n",
                             figures->unmatched_employments);
  }
  if (options.format == "xlsx") {
    // One value per row as in the CSV: figure, date, group and measure as text, the value a number.
    return write_csv_as_xlsx(io::write_key_figures_csv(*figures, io::kMachineCsv), "nyckeltal",
                             [](std::string_view column) {
                               return column == "value" ? io::XlsxColumn::kNumber : io::XlsxColumn::kText;
                             },
                             options.output);
  }
  const std::string text = options.format == "csv"     ? io::write_key_figures_csv(*figures, csv_dialect_option(options.csv_dialect))
                           : options.format == "table" ? io::write_key_figures_table(*figures)
                                                       : io::write_key_figures_json(*figures);
  return write_output(text, options.output);
}

}  // namespace

void add_figures_command(CLI::App& app, CommandContext& context, int& exit_status) {
  auto options = std::make_shared<FiguresOptions>();
  CLI::App* figures = app.add_subcommand("figures", "Workforce key figures (nyckeltal) from the employment history");
  figures->add_option("--at", options->at, "Reference date, YYYY-MM-DD")->required();
  figures->add_option("--from", options->from, "Start of the turnover period (default: one year before --at, plus a day)");
  figures->add_option("--unit", options->unit, "Only this unit and the units below it");
  figures->add_option("--retirement-age", options->retirement_age, "Age at which people are counted as retiring")
      ->capture_default_str()
      ->check(CLI::Range(40, 100));
  figures->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"json", "csv", "table", "xlsx"}))
      ->capture_default_str();
  add_csv_dialect_option(figures, options->csv_dialect);
  figures->add_option("-o,--output", options->output, "Write to this file instead of standard output");
  figures->callback([&context, &exit_status, options] { exit_status = run_figures(context, *options); });
}

}  // namespace trappa::cli
