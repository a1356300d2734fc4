// trappa learning stats --from D --to D [--unit CODE] [--by gender|unit|activity|format|area|month]
//                      [--target-participants N] [--target-hours-per-participant H]
//                      [--format json|csv|table|xlsx] [--csv-dialect …] [-o FILE]:
//   participants and participant hours over a period (docs/learning.md, "Statistics");
// trappa learning uncovered --round R [--unit CODE] [--by area|competency] [--format json|csv|table|xlsx]
//                          [--csv-dialect …] [-o FILE]:
//   the needs no activity of the catalogue could raise (docs/learning.md, "Uncovered needs");
// trappa learning participants --from D --to D [--unit CODE] [--format csv|xlsx] [--csv-dialect sv|en] [-o FILE]:
//   the ESF participant list, one record per attended row (docs/learning.md, "Participant list");
// trappa recommend EMPLOYEE_ID --round R [--budget-hours H] [--on D] [--format json|table]:
//   a person's ranked recommendations under a time budget (docs/learning.md, "Recommendations").
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "app/learning/learning_use_case.hpp"
#include "cli/command_context.hpp"
#include "cli/csv_dialect_option.hpp"
#include "cli/xlsx_output.hpp"
#include "core/base/clock.hpp"
#include "core/base/date.hpp"
#include "io/exports/learning_output.hpp"
#include "io/xlsx/xlsx_writer.hpp"

namespace trappa::cli {

namespace {

struct StatsOptions {
  std::string from;
  std::string to;
  std::string unit;
  std::string by;
  std::optional<double> target_participants;
  std::optional<double> target_hours;
  std::string format = "json";
  std::string csv_dialect;
  std::string output;
};

struct UncoveredOptions {
  std::string round;
  std::string unit;
  std::string by;
  std::string format = "json";
  std::string csv_dialect;
  std::string output;
};

struct ParticipantsOptions {
  std::string from;
  std::string to;
  std::string unit;
  std::string format = "csv";
  std::string csv_dialect;
  std::string output;
};

struct RecommendOptions {
  std::string employee_id;
  std::string round;
  std::optional<double> budget_hours;
  std::string on;
  std::string format = "json";
};

core::Result<core::Date> date_option(const std::string& name, const std::string& text) {
  if (auto date = core::parse_iso_date(text)) return *date;
  return core::invalid("bad options", {{name, fmt::format("'{}' is not a date (YYYY-MM-DD)", text)}});
}

int run_stats(const CommandContext& context, const StatsOptions& options) {
  core::LearningStatsQuery query;
  auto from = date_option("--from", options.from);
  if (!from) return report(from.error());
  auto to = date_option("--to", options.to);
  if (!to) return report(to.error());
  query.from = *from;
  query.to = *to;
  if (!options.unit.empty()) query.unit = options.unit;
  if (!options.by.empty()) query.by = *core::parse_learning_grouping(options.by);  // CLI11 checked the word
  query.targets = {options.target_participants, options.target_hours};
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto stats = app::run_learning_stats(**store, query);
  if (!stats) return report(stats.error());
  if (options.format == "xlsx") {
    return write_csv_as_xlsx(io::write_learning_stats_csv(*stats, io::kMachineCsv), "statistik",
                             io::numbers_except({"group", "name"}), options.output);
  }
  const std::string text = options.format == "csv"     ? io::write_learning_stats_csv(*stats, csv_dialect_option(options.csv_dialect))
                           : options.format == "table" ? io::write_learning_stats_table(*stats, query)
                                                       : io::write_learning_stats_json(*stats, query);
  return write_output(text, options.output);
}

int run_uncovered(const CommandContext& context, const UncoveredOptions& options) {
  const core::UncoveredGrouping by = options.by == "area"         ? core::UncoveredGrouping::kArea
                                     : options.by == "competency" ? core::UncoveredGrouping::kCompetency
                                                                  : core::UncoveredGrouping::kNone;
  std::optional<std::string> unit;
  if (!options.unit.empty()) unit = options.unit;
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto needs = app::run_uncovered_needs(**store, options.round, unit, by);
  if (!needs) return report(needs.error());
  if (options.format == "xlsx") {
    return write_csv_as_xlsx(io::write_uncovered_csv(*needs, io::kMachineCsv), "ej-tackta-behov",
                             io::numbers_except({"group", "name"}), options.output);
  }
  const std::string text = options.format == "csv"     ? io::write_uncovered_csv(*needs, csv_dialect_option(options.csv_dialect))
                           : options.format == "table" ? io::write_uncovered_table(*needs, options.round)
                                                       : io::write_uncovered_json(*needs, options.round, unit, by);
  return write_output(text, options.output);
}

int run_participants(const CommandContext& context, const ParticipantsOptions& options) {
  auto from = date_option("--from", options.from);
  if (!from) return report(from.error());
  auto to = date_option("--to", options.to);
  if (!to) return report(to.error());
  if (options.format == "xlsx" && options.output.empty()) {
    return report(core::Error{core::ErrorKind::kInvalidInput, "bad options", {{"-o", "an XLSX workbook needs a file (-o FILE)"}}});
  }
  std::optional<std::string> unit;
  if (!options.unit.empty()) unit = options.unit;
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto rows = app::run_participant_list(**store, *from, *to, unit);
  if (!rows) return report(rows.error());
  if (options.format == "xlsx") {
    auto workbook = io::write_xlsx({{"Deltagare", io::participant_list_table(*rows)}});
    if (!workbook) return report(workbook.error());
    return write_output(*workbook, options.output);
  }
  return write_output(io::write_participant_list_csv(*rows, csv_dialect_option(options.csv_dialect)), options.output);
}

int run_recommend(const CommandContext& context, const RecommendOptions& options) {
  app::RecommendationRequest request;
  request.employee_id = options.employee_id;
  request.round = options.round;
  request.budget_hours = options.budget_hours;
  if (options.on.empty()) {
    request.on = core::system_clock().today();
  } else {
    auto on = date_option("--on", options.on);
    if (!on) return report(on.error());
    request.on = *on;
  }
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto result = app::run_recommendation(**store, request);
  if (!result) return report(result.error());
  std::cout << (options.format == "table" ? io::write_recommendations_table(result->employee_id, result->round, result->list)
                                          : io::write_recommendations_json(result->employee_id, result->round, result->list));
  return 0;
}

}  // namespace

void add_learning_commands(CLI::App& app, CommandContext& context, int& exit_status) {
  CLI::App* learning = app.add_subcommand("learning", "Learning statistics (docs/learning.md)");
  learning->require_subcommand(1);
  auto stats_options = std::make_shared<StatsOptions>();
  CLI::App* stats = learning->add_subcommand("stats", "Participants and participant hours over a period");
  stats->add_option("--from", stats_options->from, "First day of the period, YYYY-MM-DD")->required();
  stats->add_option("--to", stats_options->to, "Last day of the period, YYYY-MM-DD")->required();
  stats->add_option("--unit", stats_options->unit, "Only this unit and the units below it");
  stats->add_option("--by", stats_options->by, "Groups")
      ->check(CLI::IsMember({"gender", "unit", "activity", "format", "area", "month"}));
  stats->add_option("--target-participants", stats_options->target_participants, "Participants to reach")
      ->check(CLI::NonNegativeNumber);
  stats->add_option("--target-hours-per-participant", stats_options->target_hours,
                    "Hours per participant to reach")
      ->check(CLI::NonNegativeNumber);
  stats->add_option("--format", stats_options->format, "Output format (xlsx needs -o)")
      ->check(CLI::IsMember({"json", "csv", "table", "xlsx"}))
      ->capture_default_str();
  add_csv_dialect_option(stats, stats_options->csv_dialect);
  stats->add_option("-o,--output", stats_options->output, "Write to this file instead of standard output");
  stats->callback([&context, &exit_status, stats_options] { exit_status = run_stats(context, *stats_options); });

  auto uncovered_options = std::make_shared<UncoveredOptions>();
  CLI::App* uncovered =
      learning->add_subcommand("uncovered", "People with a need that no activity in the catalogue could raise");
  uncovered->add_option("--round", uncovered_options->round, "The round whose levels count")->required();
  uncovered->add_option("--unit", uncovered_options->unit, "Only this unit and the units below it");
  uncovered->add_option("--by", uncovered_options->by, "Groups")->check(CLI::IsMember({"area", "competency"}));
  uncovered->add_option("--format", uncovered_options->format, "Output format (xlsx needs -o)")
      ->check(CLI::IsMember({"json", "csv", "table", "xlsx"}))
      ->capture_default_str();
  add_csv_dialect_option(uncovered, uncovered_options->csv_dialect);
  uncovered->add_option("-o,--output", uncovered_options->output, "Write to this file instead of standard output");
  uncovered->callback([&context, &exit_status, uncovered_options] {
    exit_status = run_uncovered(context, *uncovered_options);
  });

  auto participants_options = std::make_shared<ParticipantsOptions>();
  CLI::App* participants = learning->add_subcommand(
      "participants", "The ESF participant list: person, gender, unit, activity, date and hours of each attended row");
  participants->add_option("--from", participants_options->from, "First day of the period, YYYY-MM-DD")->required();
  participants->add_option("--to", participants_options->to, "Last day of the period, YYYY-MM-DD")->required();
  participants->add_option("--unit", participants_options->unit, "Only this unit and the units below it");
  participants->add_option("--format", participants_options->format, "Output format")
      ->check(CLI::IsMember({"csv", "xlsx"}))
      ->capture_default_str();
  add_csv_dialect_option(participants, participants_options->csv_dialect);
  participants->add_option("-o,--output", participants_options->output,
                           "Write to this file instead of standard output (required for xlsx)");
  participants->callback([&context, &exit_status, participants_options] {
    exit_status = run_participants(context, *participants_options);
  });

  auto recommend_options = std::make_shared<RecommendOptions>();
  CLI::App* recommend =
      app.add_subcommand("recommend", "A person's learning activities, ranked, under a time budget (docs/learning.md)");
  recommend->add_option("employee_id", recommend_options->employee_id, "The person's employee id")->required();
  recommend->add_option("--round", recommend_options->round, "The round whose levels count")->required();
  recommend->add_option("--budget-hours", recommend_options->budget_hours, "Hours at most (default: no limit)")
      ->check(CLI::NonNegativeNumber);
  recommend->add_option("--on", recommend_options->on, "Activities must not have ended before this day (default: today)");
  recommend->add_option("--format", recommend_options->format, "Output format")
      ->check(CLI::IsMember({"json", "table"}))
      ->capture_default_str();
  recommend->callback([&context, &exit_status, recommend_options] {
    exit_status = run_recommend(context, *recommend_options);
  });
}

}  // namespace trappa::cli
