#include "web/pages/workforce/forecast_view.hpp"

#include <charconv>
#include <map>
#include <memory>

#include "core/workforce/key_figure_disclosure.hpp"
#include "web/ui/pages.hpp"

namespace trappa::web {

namespace {

// A whole number within [low, high] from the query string, or a problem naming the parameter.
template <typename Target>
void read_int(const PageRequest& page, const char* name, std::string_view field, int low, int high, Target& target,
              std::vector<ParameterProblem>& problems) {
  const std::string text = query_value(page.request, name);
  if (text.empty()) return;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    problems.push_back(not_a_whole_number(page, name, field, text));
  } else if (value < low || value > high) {
    problems.push_back(out_of_range(page, name, field, low, high));
  } else {
    target = value;
  }
}

}  // namespace

ForecastParameters read_forecast_parameters(const AppContext& app, const PageRequest& page) {
  ForecastParameters parsed;
  const Request& request = page.request;
  parsed.query.at = app.options.clock->today();
  if (const std::string at = query_value(request, "at"); !at.empty()) {
    if (auto date = core::parse_iso_date(at)) parsed.query.at = *date;
    else parsed.problems.push_back(not_a_date(page, "at", "figures_date", at));
  }
  read_int(page, "years", "forecast_years", 1, core::kForecastMaxYears, parsed.query.years, parsed.problems);
  read_int(page, "history-years", "param_history_years", 1, core::kForecastMaxHistoryYears, parsed.query.history_years,
           parsed.problems);
  read_int(page, "retirement-age", "param_retirement_age", 40, 100, parsed.query.retirement_age, parsed.problems);
  std::string unit = query_value(request, "unit");
  if (unit.empty()) unit = query_value(request, "enhet");
  const std::string scope = page.viewer->aggregate_scope();
  if (unit.empty()) unit = scope;
  if (!unit.empty()) {
    if (!app.directory->tree().index_of(unit)) {
      parsed.problems.push_back(unknown_unit(page, "unit", unit));
    } else if (!scope.empty() && !app.directory->unit_in_subtree(unit, scope)) {
      parsed.problems.push_back(unit_outside_scope(page, "unit", unit));
    }
  }
  parsed.query.unit_code = unit;
  if (const std::string round = query_value(request, "round"); !round.empty()) {
    parsed.round = round;
    if (!app.rounds->find(round)) {
      ParameterProblem problem = parameter_problem(page, "round", "label_round", "problem_unknown_round",
                                                   {{"value", round}}, "no round named '" + round + "'");
      problem.kind = core::ErrorKind::kNotFound;
      parsed.problems.push_back(std::move(problem));
    }
  }
  return parsed;
}

core::Result<std::optional<core::Forecast>> viewer_forecast(AppContext& app, const PageRequest& page,
                                                            const ForecastParameters& parameters) {
  const Viewer& viewer = *page.viewer;
  if (!viewer.sees_overview()) {
    return core::fail(core::ErrorKind::kForbidden, "the forecast is for HR, observers and managers with the overview");
  }
  if (!parameters.problems.empty()) return std::unexpected(api_parameter_error(parameters.problems));
  const app::KeyFigureInputs& inputs = *app.key_figures;
  const std::size_t min_group = app.disclosures->min_group();
  auto ticket = app.figure_gate->enter(viewer.session_digest);
  if (!ticket) return std::optional<core::Forecast>();
  if (viewer.suppressed_aggregates() &&
      !inputs.disclosure(parameters.query.at, min_group)->published(parameters.query.unit_code)) {
    return core::fail(core::ErrorKind::kForbidden,
                      "the forecast of this unit is suppressed: fewer than " + std::to_string(min_group) +
                          " people, or it would let a smaller group be computed (docs/key-figures.md, Small groups)");
  }

  // The round R and the one before it, as app::run_forecast chooses them, from the registry.
  const std::shared_ptr<const app::RoundList> list = app.rounds->rounds();
  std::vector<core::Round> rounds;
  rounds.reserve(list->size());
  for (const auto& view : *list) rounds.push_back(view->round);
  std::optional<std::size_t> chosen;
  if (parameters.round) {
    for (std::size_t i = 0; i < rounds.size(); ++i) {
      if (rounds[i].name == *parameters.round) chosen = i;
    }
    if (!chosen) {
      return std::unexpected(core::Error{core::ErrorKind::kNotFound, "the parameters are not valid",
                                         {{"round", "no round named '" + *parameters.round + "'"}}});
    }
  } else {
    chosen = core::default_forecast_round(rounds, inputs.units(), parameters.query.unit_code);
  }
  core::ForecastRounds snapshots;
  if (chosen) {
    snapshots.round = (*list)[*chosen]->snapshot.get();
    if (const auto before = core::round_before(rounds, *chosen)) snapshots.earlier = (*list)[*before]->snapshot.get();
  }
  ASSIGN_OR_RETURN(core::Forecast forecast,
                   core::compute_forecast(inputs.people(), inputs.employments(), inputs.units(), parameters.query,
                                          parameters.scenario, snapshots));
  if (viewer.suppressed_aggregates()) {
    const auto small = [min_group](const core::RoleForecast& role) {
      return role.start < static_cast<long long>(min_group);
    };
    if (std::erase_if(forecast.roles, small) > 0) core::sum_over_roles(forecast);
  }
  return std::optional<core::Forecast>(std::move(forecast));
}

core::Result<std::optional<core::Forecast>> forecast_for(AppContext& app, const PageRequest& page,
                                                         const core::ForecastScenario& scenario) {
  ForecastParameters parameters = read_forecast_parameters(app, page);
  parameters.scenario = scenario;
  return viewer_forecast(app, page, parameters);
}

std::vector<std::string> csv_header(const PageRequest& page, std::span<const std::string_view> columns) {
  std::vector<std::string> names;
  names.reserve(columns.size());
  for (std::string_view column : columns) names.emplace_back(page.t("csv_" + std::string(column)));
  return names;
}

core::Result<std::string> spreadsheet_workbook(const PageRequest& page, std::string_view machine_csv,
                                               const std::string& sheet_name, std::span<const std::string_view> columns,
                                               const io::XlsxColumnKind& kind_of) {
  ASSIGN_OR_RETURN(io::XlsxSheet sheet, io::sheet_from_csv(machine_csv, sheet_name, kind_of));
  sheet.rows.front() = csv_header(page, columns);
  return io::write_xlsx({std::move(sheet)});
}

}  // namespace trappa::web
