// trappa analyze gaps: the gap analytics of one round, optionally compared with another.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command_context.hpp"
#include "cli/csv_dialect_option.hpp"
#include "cli/xlsx_output.hpp"
#include "core/analytics/gap_query.hpp"
#include "io/exports/gap_report_output.hpp"
#include "report/analytics/gap_workbook.hpp"
#include "app/published/snapshot_loader.hpp"

namespace trappa::cli {

namespace {

struct AnalyzeOptions {
  std::string round;
  std::string compare;
  std::string unit;
  std::string role;
  std::string gender;
  std::string by;
  std::string basis = "agreed";
  std::size_t min_group = 0;
  std::string format = "json";
  std::string csv_dialect;
  std::string output;
};

int analyze_gaps(const CommandContext& context, const AnalyzeOptions& options) {
  core::GapQuery query;
  query.basis = options.basis == "self" ? core::LevelBasis::kSelf : core::LevelBasis::kAgreed;
  query.unit = options.unit;
  query.role = options.role;
  if (!options.gender.empty()) query.gender = core::parse_gender(options.gender);
  query.group_by = options.by == "unit"     ? core::GroupBy::kUnit
                   : options.by == "role"   ? core::GroupBy::kRole
                   : options.by == "gender" ? core::GroupBy::kGender
                                            : core::GroupBy::kNone;
  query.min_group = options.min_group;

  auto store = context.open_store();
  if (!store) return report(store.error());
  auto organisation = app::load_organisation(**store);
  if (!organisation) return report(organisation.error());
  auto snapshot = app::load_gap_snapshot(**store, options.round, *organisation);
  if (!snapshot) return report(snapshot.error());
  auto result = core::run_gap_query(**snapshot, query);
  if (!result) return report(result.error());

  std::optional<core::GapReport> earlier;
  std::optional<core::GapComparison> comparison;
  if (!options.compare.empty()) {
    auto earlier_snapshot = app::load_gap_snapshot(**store, options.compare, *organisation);
    if (!earlier_snapshot) return report(earlier_snapshot.error());
    auto earlier_result = core::run_gap_query(**earlier_snapshot, query);
    if (!earlier_result) return report(earlier_result.error());
    earlier = std::move(*earlier_result);
    comparison = core::compare_reports(*result, *earlier);
  }
  if (options.format == "xlsx") {
    // The CSV's table, comparison columns included, typed as report/analytics/gap_workbook.hpp says.
    return write_csv_as_xlsx(io::gap_report_csv(*result, earlier ? &*earlier : nullptr, io::kMachineCsv), "gaps",
                             report::gap_csv_column_kind, options.output);
  }
  if (options.format == "csv") {
    std::cout << io::gap_report_csv(*result, earlier ? &*earlier : nullptr, csv_dialect_option(options.csv_dialect));
  } else if (options.format == "table") {
    std::cout << io::gap_report_table(*result, comparison);
  } else {
    std::cout << io::gap_report_json(*result, comparison);
  }
  return 0;
}

}  // namespace

void add_analyze_command(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* analyze = app.add_subcommand("analyze", "Analytics over assessment rounds");
  analyze->require_subcommand(1);
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* gaps = analyze->add_subcommand("gaps", "Competence gaps of a round (definitions: docs/analytics.md)");
  gaps->add_option("--round", options->round, "The round")->required();
  gaps->add_option("--compare", options->compare, "An earlier round to compare with");
  gaps->add_option("--unit", options->unit, "Only this unit's subtree");
  gaps->add_option("--role", options->role, "Only this role");
  gaps->add_option("--gender", options->gender, "Only K, M or X")->check(CLI::IsMember({"K", "M", "X"}));
  gaps->add_option("--by", options->by, "Groups: the selected unit's children, roles or genders")
      ->check(CLI::IsMember({"unit", "role", "gender"}));
  gaps->add_option("--basis", options->basis, "Levels: agreed (else self) or self only")
      ->check(CLI::IsMember({"agreed", "self"}))
      ->capture_default_str();
  gaps->add_option("--min-group", options->min_group, "Suppress results with fewer assessed people than this");
  gaps->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"json", "csv", "table", "xlsx"}))
      ->capture_default_str();
  add_csv_dialect_option(gaps, options->csv_dialect);
  gaps->add_option("-o,--output", options->output, "The workbook's file (--format xlsx)");
  gaps->callback([&context, &exit_status, options] { exit_status = analyze_gaps(context, *options); });
}

}  // namespace trappa::cli
