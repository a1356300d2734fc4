// The live value of a supply plan indicator (issue 19's binding table, docs/supply-plan.md):
// each kind's value is the figure the named command prints, computed by the same use cases
// with the same rounding —
//   gap.*        trappa analyze gaps --round R [--unit U]   (share_with_need, participation,
//                an area's need_share / high_motivation_share, a competency's need_share)
//   figures.*    trappa figures --at D [--unit U]           (headcount.all.total,
//                headcount.all.K / headcount.all.total, turnover.external.rate to 4 decimals)
//   learning.*   trappa learning stats --from D --to D [--unit U] (participants.total,
//                hours.per_participant to 2 decimals)
//   maturity.overall  the measurement's overall result in %   (app/maturity/maturity_values.hpp,
//                as `trappa maturity` lists it)
//   series       the series' value for `period`, or its latest  (the same, as `trappa indicators`)
// A figure the viewer may not see (the small-group rule at the viewer's min_group) is
// suppressed, never computed around. Errors name the parameter at fault as a Problem whose
// `where` is the parameter's name ("round", "unit", "area", …), which check_bindings turns
// into the JSON path of the field.
//
// The evaluator loads what several indicators share once (the organisation, a round's
// snapshot, the employment history, a key-figure or learning query's result) and is meant for
// one request or command.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/supply_plan/supply_plan.hpp"
#include "store/store.hpp"

namespace trappa::app {

struct IndicatorValue {
  std::optional<double> value{};  // nullopt: the command prints null (no one to count)
  bool suppressed = false;
};

// Who looks: min_group 0 is HR with the whole scope, as the command line runs (the commands
// suppress nothing unless --min-group is given); a reader under the small-group rule passes
// the organisation's threshold.
struct BindingViewer {
  std::size_t min_group = 0;
};

class IndicatorEvaluator {
 public:
  explicit IndicatorEvaluator(store::Store& store, BindingViewer viewer = {});
  ~IndicatorEvaluator();
  IndicatorEvaluator(const IndicatorEvaluator&) = delete;
  IndicatorEvaluator& operator=(const IndicatorEvaluator&) = delete;

  // The indicator's live value. kNotFound / kInvalidInput with the parameter named when it
  // cannot be computed (an unknown round, unit, area or competency, a date that is none).
  [[nodiscard]] core::Result<IndicatorValue> value(const core::supply::Indicator& indicator);

  // Every bound indicator of the plan that cannot be computed, each problem at the JSON path
  // of its field ($.goals[0].activities[2].indicator.round): the value's errors, and a unit
  // outside the plan's unit (a binding without a unit is the whole organisation, as the
  // command without --unit). The plan's own unit must exist ($.unit).
  [[nodiscard]] std::vector<core::Problem> check_bindings(const core::supply::SupplyPlan& plan);

 private:
  struct Cache;
  store::Store& store_;
  BindingViewer viewer_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace trappa::app
