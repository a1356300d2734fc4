// trappa forecast --at D [--years N] [--unit CODE] [--history-years H] [--retirement-age A]
//                 [--round R] [--scenario FILE.json] [--format json|csv|table|xlsx]
//                 [--csv-dialect …] [-o FILE]:
// the competence forecast (docs/forecast.md) from the store's history and rounds.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "app/forecast/forecast_use_case.hpp"
#include "cli/command_context.hpp"
#include "cli/csv_dialect_option.hpp"
#include "cli/xlsx_output.hpp"
#include "core/base/date.hpp"
#include "io/exports/forecast_output.hpp"
#include "io/json/forecast_scenario_json.hpp"

namespace trappa::cli {

namespace {

struct ForecastOptions {
  std::string at;
  int years = core::kForecastDefaultYears;
  std::string unit;
  int history_years = core::kForecastDefaultHistoryYears;
  std::optional<int> retirement_age;
  std::string round;
  std::string scenario;
  std::string format = "json";
  std::string csv_dialect;
  std::string output;
};

core::Result<app::ForecastRequest> parse_request(const ForecastOptions& options) {
  app::ForecastRequest request;
  const auto at = core::parse_iso_date(options.at);
  if (!at) return core::invalid("bad options", {{"--at", fmt::format("'{}' is not a date (YYYY-MM-DD)", options.at)}});
  request.query.at = *at;
  request.query.years = options.years;
  request.query.unit_code = options.unit;
  request.query.history_years = options.history_years;
  request.query.retirement_age = options.retirement_age;
  if (!options.round.empty()) request.round = options.round;
  if (!options.scenario.empty()) {
    auto scenario = io::read_forecast_scenario_file(options.scenario);
    if (!scenario) return std::unexpected(scenario.error());
    request.scenario = std::move(*scenario);
  }
  return request;
}

int run_forecast_command(const CommandContext& context, const ForecastOptions& options) {
  auto request = parse_request(options);
  if (!request) return report(request.error());
  auto store = context.open_store();
  if (!store) return report(store.error());
  auto forecast = app::run_forecast(**store, *request);
  if (!forecast) return report(forecast.error());
  if (forecast->unmatched_employments > 0) {
    std::cerr << fmt::format("trappa: warning: {} employments name no known person and were skipped\n",
                             forecast->unmatched_employments);
  }
  if (options.format == "xlsx") {
    return write_csv_as_xlsx(io::write_forecast_csv(*forecast), "prognos", io::numbers_except({"role"}), options.output);
  }
  const std::string text = options.format == "csv"     ? io::write_forecast_csv(*forecast, csv_dialect_option(options.csv_dialect))
                           : options.format == "table" ? io::write_forecast_table(*forecast)
                                                       : io::write_forecast_json(*forecast);
  return write_output(text, options.output);
}

}  // namespace

void add_forecast_command(CLI::App& app, CommandContext& context, int& exit_status) {
  auto options = std::make_shared<ForecastOptions>();
  CLI::App* forecast = app.add_subcommand("forecast", "Forecast of headcount and competence supply (docs/forecast.md)");
  forecast->add_option("--at", options->at, "Start date D, YYYY-MM-DD; the years forecast follow its year")->required();
  forecast->add_option("--years", options->years, "Years to forecast")->capture_default_str()->check(CLI::Range(1, 10));
  forecast->add_option("--unit", options->unit, "Only this unit and the units below it");
  forecast->add_option("--history-years", options->history_years, "Years of history the rates are measured over")
      ->capture_default_str()
      ->check(CLI::Range(1, 10));
  forecast->add_option("--retirement-age", options->retirement_age,
                       "Retire everyone at this age instead of the measured exit hazard")
      ->check(CLI::Range(40, 100));
  forecast->add_option("--round", options->round,
                       "Assessment round of the competence part (default: the latest closed round covering the unit)");
  forecast->add_option("--scenario", options->scenario, "Scenario file (trappa-forecast-scenario JSON)");
  forecast->add_option("--format", options->format, "Output format (xlsx needs -o)")
      ->check(CLI::IsMember({"json", "csv", "table", "xlsx"}))
      ->capture_default_str();
  add_csv_dialect_option(forecast, options->csv_dialect);
  forecast->add_option("-o,--output", options->output, "Write to this file instead of standard output");
  forecast->callback([&context, &exit_status, options] { exit_status = run_forecast_command(context, *options); });
}

}  // namespace trappa::cli
