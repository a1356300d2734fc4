// The competence part of the forecast (docs/forecast.md, "Competence supply"), split from the
// headcount flows in forecast.cpp. Internal to core/forecast: callers use compute_forecast.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/base/result.hpp"
#include "core/forecast/forecast.hpp"

namespace trappa::core::forecast_detail {

// One person of the starting stock.
struct StockPerson {
  std::uint32_t person;  // index into the `people` given to compute_forecast
  std::uint32_t role;    // index into Forecast::roles
  bool recent;           // the current employment started inside the history period
};

// Checks the scenario's development rates against the round's framework; problems named
// "$.development_rate.<code>".
void check_development_rates(const ForecastScenario& scenario, const ForecastRounds& rounds,
                             std::vector<Problem>& problems);

// Fills Forecast::competencies of each role, the areas (their shares left to sum_over_roles)
// and the round names from the rounds,
// after the flows (roles[].years) are computed. No-op without rounds.round.
void add_competence_forecast(Forecast& forecast, std::span<const StockPerson> stock, const ForecastRounds& rounds,
                             const ForecastScenario& scenario);

}  // namespace trappa::core::forecast_detail
