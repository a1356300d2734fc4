#include "app/forecast/forecast_use_case.hpp"

#include <algorithm>
#include <memory>

#include "app/published/snapshot_loader.hpp"
#include "store/assessment/round_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/workforce/employment_store.hpp"

namespace trappa::app {

core::Result<core::Forecast> run_forecast(store::Store& store, const ForecastRequest& request) {
  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  ASSIGN_OR_RETURN(auto organisation, load_organisation(store));
  ASSIGN_OR_RETURN(auto employments, store.employments().load_employments());
  ASSIGN_OR_RETURN(auto rounds, store.rounds().list_rounds());

  std::optional<std::size_t> chosen;
  if (request.round) {
    const auto found = std::ranges::find(rounds, *request.round, &core::Round::name);
    if (found == rounds.end()) return core::fail(core::ErrorKind::kNotFound, "no round named '" + *request.round + "'");
    chosen = static_cast<std::size_t>(found - rounds.begin());
  } else {
    chosen = core::default_forecast_round(rounds, units, request.query.unit_code);
  }
  std::shared_ptr<const core::GapSnapshot> round;
  std::shared_ptr<const core::GapSnapshot> earlier;
  if (chosen) {
    ASSIGN_OR_RETURN(auto loaded, load_gap_snapshot(store, (rounds)[*chosen].name, organisation));
    round = std::move(loaded);
    if (const auto before = core::round_before(rounds, *chosen)) {
      ASSIGN_OR_RETURN(auto loaded_before, load_gap_snapshot(store, (rounds)[*before].name, organisation));
      earlier = std::move(loaded_before);
    }
  }
  return core::compute_forecast(organisation.people, employments, units, request.query, request.scenario,
                                core::ForecastRounds{round.get(), earlier.get()});
}

}  // namespace trappa::app
