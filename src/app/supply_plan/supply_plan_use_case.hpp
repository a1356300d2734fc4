// The supply plan's use cases (issue 19, docs/supply-plan.md): saving a plan (its bindings
// checked against the store first), reading one with its indicators' live values, and
// recording a follow-up at a checkpoint with each bound value frozen. Every save is audited
// by the store (store/supply_plan/supply_plan_store.hpp).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/supply_plan/indicator_bindings.hpp"
#include "core/base/result.hpp"
#include "core/supply_plan/supply_plan.hpp"
#include "io/json/supply_plan_json.hpp"
#include "store/store.hpp"
#include "store/supply_plan/supply_plan_store.hpp"

namespace trappa::app {

// The plan with this id; kNotFound when there is none.
[[nodiscard]] core::Result<core::supply::SupplyPlan> load_supply_plan(store::Store& store, const std::string& id);

// Every stored plan, without documents (the list's columns).
[[nodiscard]] core::Result<std::vector<store::StoredSupplyPlan>> list_supply_plans(store::Store& store);

// Saves the plan as it is, replacing a stored plan of the same id, all or nothing: a binding
// that cannot be computed refuses the whole plan (kInvalidInput, each problem at its JSON
// path, prefixed with `source` when given, such as the file's name). Audited
// "supply_plan.create" or `action` ("supply_plan.import" …). Returns whether it was new.
[[nodiscard]] core::Result<bool> save_supply_plan(store::Store& store, const core::supply::SupplyPlan& plan,
                                                  const std::string& action, const store::Actor& actor,
                                                  const std::string& source = {});

// The plan and, per activity code, what `plan show` adds: each indicator's value for the
// viewer (or suppressed), its state on `today`, and the status shown on `today`. A binding
// that can no longer be computed (its round deleted) shows null. When the plan names a stored
// previous plan, `previous_period` is its opening table: every activity of that plan with its
// last follow-up and the code of this plan's activity that continues it (carried_from).
struct LiveSupplyPlan {
  core::supply::SupplyPlan plan;
  std::map<std::string, io::LiveActivity> live;
  std::optional<std::vector<io::PreviousActivity>> previous_period{};
};
[[nodiscard]] core::Result<LiveSupplyPlan> show_supply_plan(store::Store& store, const std::string& id,
                                                            core::Date today, BindingViewer viewer = {});

// The follow-up at `checkpoint` of `year`: per activity the status shown on `today` and,
// for a bound indicator, its value frozen with `frozen_at`. Refused (kConflict, nothing
// written) when the plan already holds a follow-up at that checkpoint and year — a frozen
// value is never rewritten. Audited "supply_plan.follow_up". Returns the follow-ups added.
[[nodiscard]] core::Result<std::vector<core::supply::FollowUp>> follow_up_supply_plan(
    store::Store& store, const std::string& id, core::supply::Checkpoint checkpoint, int year, core::Date today,
    const std::string& frozen_at, const store::Actor& actor);

}  // namespace trappa::app
