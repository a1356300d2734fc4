// The competence forecast (docs/forecast.md) as a viewer of the web may see it, shared by the
// Prognos page and /api/v1/forecast. The inputs are the ones the server holds in memory (people,
// employments and units of app/published/key_figure_inputs.hpp, the round snapshots of the
// round registry), so a request does no store work; core::compute_forecast runs on them with
// the same defaults as `trappa forecast`, so for the same parameters the JSON document is the
// CLI's byte for byte.
//
// Access: the viewer must see the overview (HR, observers, managers with the overview). HR
// gets the forecast in full. Everyone else (Viewer::suppressed_aggregates) gets it only when
// the key figures' small-group rule publishes the unit at the date, and without the roles whose
// starting headcount is below the threshold; the totals and the area shares are then
// recomputed over the roles shown, so no hidden role can be recovered by subtraction.
//
// Cost: computing is not cached; each computation takes a slot of app.figure_gate (the key
// figures' per-session and server-wide limit). No slot free: nullopt, and the caller answers
// 429 with Retry-After: 1.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include "io/xlsx/csv_sheet.hpp"
#include "core/base/result.hpp"
#include "core/forecast/forecast.hpp"
#include "web/ui/app_context.hpp"
#include "web/ui/parameter_problem.hpp"

namespace trappa::web {

// What the query string (and, for the API's POST, the body) asks for.
struct ForecastParameters {
  core::ForecastQuery query;
  core::ForecastScenario scenario;
  std::optional<std::string> round;  // nullopt: the default round (core::default_forecast_round)
  // Each names the parameter ("years"), in the reader's language for the page and in English for
  // the API (web/ui/parameter_problem.hpp).
  std::vector<ParameterProblem> problems;
};

// Reads at, years, unit (or enhet), history-years, retirement-age and round from the query
// string, with the CLI's defaults and ranges; `at` defaults to the clock's today. The unit
// defaults to the viewer's aggregate scope and must lie within it.
[[nodiscard]] ForecastParameters read_forecast_parameters(const AppContext& app, const PageRequest& page);

// Errors: kInvalidInput naming the parameter or the scenario's JSON path (unknown role or
// competency, bad ranges); kForbidden when the viewer may not see the forecast, or the unit is
// suppressed for this viewer.
[[nodiscard]] core::Result<std::optional<core::Forecast>> viewer_forecast(AppContext& app, const PageRequest& page,
                                                                          const ForecastParameters& parameters);

// The columns of a CSV download meant for a spreadsheet (Nyckeltal's and Prognos's), named in
// the reader's language: the catalogue's csv_<column> for each machine column name. The CLI
// and API keep the machine names (docs/web.md "Texts and languages").
[[nodiscard]] std::vector<std::string> csv_header(const PageRequest& page, std::span<const std::string_view> columns);

// The XLSX download of a table written as machine CSV under the machine `columns`: each column
// typed by `kind_of` from its machine name (io/xlsx/csv_sheet.hpp), the header row then in the
// reader's language as csv_header names it, like the CSV download's.
[[nodiscard]] core::Result<std::string> spreadsheet_workbook(const PageRequest& page, std::string_view machine_csv,
                                                             const std::string& sheet_name,
                                                             std::span<const std::string_view> columns,
                                                             const io::XlsxColumnKind& kind_of);

}  // namespace trappa::web
