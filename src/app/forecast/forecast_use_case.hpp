// The forecast use case: load what the model needs from the store (units, people, employments,
// the rounds and their snapshots) and run core::compute_forecast. `trappa forecast` calls it;
// the forecast page and /api/v1/forecast are to call the same function (or, holding a round
// registry, compute_forecast directly with the published snapshots).
#pragma once

#include <optional>
#include <string>

#include "core/base/result.hpp"
#include "core/forecast/forecast.hpp"
#include "store/store.hpp"

namespace trappa::app {

struct ForecastRequest {
  core::ForecastQuery query;
  core::ForecastScenario scenario;
  // The round R by name; nullopt: the latest closed round whose scope covers the unit
  // (core::default_forecast_round), none such: no competence part.
  std::optional<std::string> round;
};

// Errors: those of compute_forecast; kNotFound for a named round that does not exist or whose
// framework is missing; kStorage when the store fails.
[[nodiscard]] core::Result<core::Forecast> run_forecast(store::Store& store, const ForecastRequest& request);

}  // namespace trappa::app
