#include "app/rounds/round_administration.hpp"

#include <algorithm>
#include <utility>

#include "store/assessment/round_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/org/organisation_store.hpp"

namespace trappa::app {

namespace {

RoundChanged republished(core::Result<void> reloaded) {
  RoundChanged changed;
  if (!reloaded) changed.not_published = std::move(reloaded.error());
  return changed;
}

}  // namespace

core::Result<RoundChanged> RoundAdministration::create(const NewRound& round, const std::string& actor) {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(auto framework, lease->frameworks().load_framework(round.framework_id));
  if (!framework) return core::fail(core::ErrorKind::kNotFound, "no framework named '" + round.framework_id + "'");
  const core::Round created{round.name,  round.framework_id, framework->revision,       round.scope_unit,
                            round.opens, round.closes,       core::RoundState::kDraft};
  TRY(lease->rounds().create_round(created, store::Actor{actor}));
  return republished(rounds_.reload(*lease, created.name));
}

core::Result<RoundChanged> RoundAdministration::change_state(const std::string& name, core::RoundState state,
                                                             const std::string& actor, core::Date today,
                                                             OpeningConfirmation confirmation) {
  auto lease = pool_.borrow();
  if (state == core::RoundState::kOpen) {
    ASSIGN_OR_RETURN(auto rounds, lease->rounds().list_rounds());
    const auto round = std::find_if(rounds.begin(), rounds.end(), [&name](const core::Round& r) { return r.name == name; });
    if (round == rounds.end()) return core::fail(core::ErrorKind::kNotFound, "no round named '" + name + "'");
    if (round->state == core::RoundState::kDraft) {
      ASSIGN_OR_RETURN(auto units, lease->organisation().load_units());
      const core::OpeningCheck check = core::check_opening(*round, rounds, core::UnitTree::build(units), today);
      if (check.needs_confirmation() && confirmation != OpeningConfirmation::kConfirmed) {
        RoundChanged held;
        held.unconfirmed = check;
        return held;
      }
    }
  }
  TRY(lease->rounds().set_round_state(name, state, store::Actor{actor}));
  return republished(rounds_.reload(*lease, name));
}

}  // namespace trappa::app
