// HR's changes to the assessment rounds (Omgångar): creating a round and moving it forward
// (draft → open → closed). Each change is written and audited by the store in one
// transaction, then the round is re-read into the round registry, so request threads see it.
//
// The form's own checks (name rules, dates, the HR person's scope) are the caller's; this
// use case adds what only the store knows. Each call borrows one connection of the pool for
// its duration. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/published/round_registry.hpp"
#include "app/published/store_pool.hpp"
#include "core/assessment/round_facts.hpp"
#include "core/assessment/round_opening.hpp"
#include "core/base/result.hpp"

namespace trappa::app {

// A round to create: it pins the latest revision of `framework_id` and starts as a draft.
struct NewRound {
  std::string name;
  std::string framework_id;
  std::string scope_unit;  // empty: the whole organisation
  std::string opens;       // ISO date or empty
  std::string closes;      // ISO date or empty
};

// A change that was stored. `not_published` holds the error of re-reading the round into
// the registry when that failed: the change stands, and the pages show it after a restart.
struct RoundChanged {
  std::optional<core::Error> not_published;
  // Set when opening was held back for HR to confirm (core/assessment/round_opening.hpp):
  // nothing was written, and the check names the overlapping rounds and the early start.
  std::optional<core::OpeningCheck> unconfirmed;
};

// Whether HR has confirmed opening a round despite the concerns of core::check_opening.
enum class OpeningConfirmation : std::uint8_t { kNotConfirmed, kConfirmed };

class RoundAdministration {
 public:
  RoundAdministration(StorePool& pool, RoundRegistry& rounds) : pool_(pool), rounds_(rounds) {}

  // Creates `round` as a draft, audited as done by `actor` (an employee id). kNotFound when
  // the framework does not exist, kConflict when a round of that name does; kStorage.
  [[nodiscard]] core::Result<RoundChanged> create(const NewRound& round, const std::string& actor);

  // Moves the round `name` to `state`, audited as done by `actor`. kNotFound for an unknown
  // round, kConflict when the round cannot move there (rounds move forward only); kStorage.
  // Opening (issue 13, item 5) first checks the round against the other rounds and `today`:
  // another open round of the same scope or an opening date after today returns `unconfirmed`
  // and writes nothing unless `confirmation` is kConfirmed.
  [[nodiscard]] core::Result<RoundChanged> change_state(const std::string& name, core::RoundState state,
                                                        const std::string& actor, core::Date today,
                                                        OpeningConfirmation confirmation);

 private:
  StorePool& pool_;
  RoundRegistry& rounds_;
};

}  // namespace trappa::app
