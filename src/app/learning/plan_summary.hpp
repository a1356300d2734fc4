// Observers' aggregates of development plans (docs/learning.md, "Plans in aggregate"): for a
// round and a unit's subtree, the people with a plan and with an agreed plan, the goals of
// agreed plans per area and the share of those goals done (the newest follow-up of their plan
// says `done`). With the small-group rule (core/disclosure_control.hpp, as the overview
// applies it) the unit's figures are shown only where no group of 1..K−1 people can be read
// from them or from their difference to other units: the measures are the people in the
// round, with a plan, with an agreed plan, and with an agreed goal in each area.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/published/directory.hpp"
#include "app/published/round_registry.hpp"
#include "core/base/result.hpp"
#include "core/learning/development_plan.hpp"

namespace trappa::app {

struct PlanAreaSummary {
  std::string code;
  std::string name;
  std::size_t people = 0;  // with an agreed goal in the area
  std::size_t goals = 0;   // agreed goals in the area
  std::size_t done = 0;    // of them in plans whose newest follow-up is done
};

struct PlanSummary {
  std::string round;
  std::string unit;                 // empty: the whole organisation
  bool suppressed = false;          // the small-group rule hides every figure below
  std::size_t people_in_round = 0;
  std::size_t people_with_plan = 0;
  std::size_t people_with_agreed_plan = 0;
  std::size_t goals = 0;            // of agreed plans
  std::size_t goals_done = 0;
  std::optional<double> share_of_goals_done;  // goals_done / goals; none without goals
  std::vector<PlanAreaSummary> areas;         // framework order
};

// The summary of `plans` (the round's, from the store) over the people of `round` in the
// subtree of `unit` (a unit code; empty for everyone). With `min_group` the small-group rule
// applies; nullopt (HR) shows everything. kNotFound for an unknown unit.
[[nodiscard]] core::Result<PlanSummary> summarise_plans(const Directory& directory, const RoundView& round,
                                                        const std::vector<core::DevelopmentPlan>& plans,
                                                        const std::string& unit, std::optional<std::size_t> min_group);

}  // namespace trappa::app
