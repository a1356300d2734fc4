#include "app/forecast/forecast_use_case.hpp"

#include <algorithm>
#include <memory>

#include "app/published/snapshot_loader.hpp"
#include "store/assessment/round_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/workforce/employment_store.hpp"

namespace trappa::app {

core::Result<core::Forecast> run_forecast(store::Store& store, const ForecastRequest& request) {
  auto units = store.organisation().load_units();
  if (!units) return std::unexpected(units.error());
  auto organisation = load_organisation(store);
  if (!organisation) return std::unexpected(organisation.error());
  auto employments = store.employments().load_employments();
  if (!employments) return std::unexpected(employments.error());
  auto rounds = store.rounds().list_rounds();
  if (!rounds) return std::unexpected(rounds.error());

  std::optional<std::size_t> chosen;
  if (request.round) {
    const auto found = std::ranges::find(*rounds, *request.round, &core::Round::name);
    if (found == rounds->end()) return core::fail(core::ErrorKind::kNotFound, "no round named '" + *request.round + "'");
    chosen = static_cast<std::size_t>(found - rounds->begin());
  } else {
    chosen = core::default_forecast_round(*rounds, *units, request.query.unit_code);
  }
  std::shared_ptr<const core::GapSnapshot> round;
  std::shared_ptr<const core::GapSnapshot> earlier;
  if (chosen) {
    auto loaded = load_gap_snapshot(store, (*rounds)[*chosen].name, *organisation);
    if (!loaded) return std::unexpected(loaded.error());
    round = std::move(*loaded);
    if (const auto before = core::round_before(*rounds, *chosen)) {
      auto loaded_before = load_gap_snapshot(store, (*rounds)[*before].name, *organisation);
      if (!loaded_before) return std::unexpected(loaded_before.error());
      earlier = std::move(*loaded_before);
    }
  }
  return core::compute_forecast(organisation->people, *employments, *units, request.query, request.scenario,
                                core::ForecastRounds{round.get(), earlier.get()});
}

}  // namespace trappa::app
