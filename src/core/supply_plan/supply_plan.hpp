// The competence supply plan (kompetensförsörjningsplan, issue 19; docs/supply-plan.md): one
// unit's plan for a period of years — analysis, risks, goals with UBARA activities whose
// indicators may be bound to a live figure, and the follow-ups at the city's checkpoints with
// each bound value frozen. Named "supply plan" throughout: "plan" alone in this code base is a
// person's development plan (core/learning/development_plan.hpp).
//
// Pure values and rules: the binding table (which kinds exist, which parameters each takes),
// the checkpoint windows, the indicator state (green/yellow/red) and the activity status
// derived from the dates, and the document's own consistency (validate_supply_plan). Whether
// a binding can be computed against the store is app/supply_plan's question.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.hpp"
#include "core/base/result.hpp"

// In their own namespace: Activity, Goal, Indicator and ActivityStatus name other things
// elsewhere in core (learning activities, maturity indicators).
namespace trappa::core::supply {

enum class SupplyPlanState { kDraft, kAdopted, kArchived };
// UBARA: utveckla, behålla, attrahera, rekrytera, introducera, avveckla.
enum class Ubara { kUtveckla, kBehalla, kAttrahera, kRekrytera, kIntroducera, kAvveckla };
// The status an activity is given by hand.
enum class ActivityStatus { kNotStarted, kOngoing, kDone, kPostponed, kCancelled };
// The status shown: the one given by hand, or one derived from the dates (kPlanned, kOngoing,
// kAtRisk, kDelayed) when none is given.
enum class ShownStatus { kNotStarted, kOngoing, kDone, kPostponed, kCancelled, kPlanned, kAtRisk, kDelayed };
enum class Checkpoint { kT1, kT2, kVB };
enum class IndicatorState { kGreen, kYellow, kRed };

[[nodiscard]] std::string_view to_code(SupplyPlanState state);
[[nodiscard]] std::string_view to_code(Ubara ubara);
[[nodiscard]] std::string_view to_code(ActivityStatus status);
[[nodiscard]] std::string_view to_code(ShownStatus status);
[[nodiscard]] std::string_view to_code(Checkpoint checkpoint);
[[nodiscard]] std::string_view to_code(IndicatorState state);
[[nodiscard]] std::optional<SupplyPlanState> parse_supply_plan_state(std::string_view code);
[[nodiscard]] std::optional<Ubara> parse_ubara(std::string_view code);
[[nodiscard]] std::optional<ActivityStatus> parse_activity_status(std::string_view code);
[[nodiscard]] std::optional<ShownStatus> parse_shown_status(std::string_view code);
[[nodiscard]] std::optional<Checkpoint> parse_checkpoint(std::string_view code);

// One kind of the binding table: its name and parameters (all given as JSON strings).
struct BindingKind {
  std::string_view kind;
  std::vector<std::string_view> required;
  std::vector<std::string_view> optional;
};
// The table of issue 19, in its order: gap.share_with_need … series.
[[nodiscard]] std::span<const BindingKind> binding_kinds();
[[nodiscard]] const BindingKind* find_binding_kind(std::string_view kind);

struct Indicator {
  std::string kind;
  std::map<std::string, std::string> parameters{};  // round, unit, area, at, from, to, …
  double baseline = 0;
  double target = 0;  // lower than the baseline: lower is better

  [[nodiscard]] const std::string* parameter(std::string_view name) const;
};

struct Activity {
  std::string code;  // unique within the plan; follow-ups and the next plan refer to it
  std::string title;
  Ubara ubara = Ubara::kUtveckla;
  std::optional<Date> start_date{};  // extension; none: the first day of the plan period
  Date target_date{};
  std::string responsible{};
  std::optional<ActivityStatus> status{};  // set by hand; none: derived from the dates
  bool carry_over = false;                 // extension: "not done — carry over" to the next period
  std::string carried_from{};              // extension: "PLAN-ID/CODE" of the activity it continues
  std::optional<Indicator> indicator{};
};

struct Goal {
  std::string title;
  std::vector<Activity> activities{};
};

struct Risk {
  std::string risk;
  int likelihood = 1;   // 1–4
  int consequence = 1;  // 1–4
  std::string measure{};
};

struct Analysis {
  std::optional<Date> key_figures_at{};
  std::string round{};
  std::string compare_round{};
  std::string mission{};
  std::string changes{};
  std::string competence_needed{};
  std::string competence_to_keep{};
  std::string gap{};
  std::vector<std::string> needs_short_term{};
  std::vector<std::string> needs_long_term{};
};

struct FollowUp {
  std::string activity;  // the activity's code
  Checkpoint checkpoint = Checkpoint::kT1;
  int year = 0;
  ShownStatus status = ShownStatus::kNotStarted;
  std::string comment{};
  std::optional<double> value{};  // the bound indicator's value when frozen; none: no indicator, null or suppressed
  bool suppressed = false;        // the value was suppressed for whoever froze it
  std::string frozen_at{};        // ISO 8601 UTC; empty when nothing was frozen
};

struct SupplyPlan {
  std::string id;
  std::string unit;
  std::string title;
  int period_from = 0;
  int period_to = 0;
  std::string previous{};
  SupplyPlanState state = SupplyPlanState::kDraft;
  std::string adopted_by{};  // state adopted: who and when (YYYY-MM-DD)
  std::optional<Date> adopted_at{};
  Analysis analysis{};
  std::vector<Risk> risks{};
  std::vector<Goal> goals{};
  std::vector<FollowUp> follow_ups{};

  [[nodiscard]] const Activity* find_activity(std::string_view code) const;
};

// The plan's consistency beyond the JSON's shapes: the period, unique activity codes,
// follow-ups naming an activity of the plan, one follow-up per activity, checkpoint and year,
// a target different from the baseline, adopted plans with who and when. Problems carry JSON
// paths ($.goals[0].activities[2].code).
[[nodiscard]] std::vector<Problem> validate_supply_plan(const SupplyPlan& plan);

// The last day of a checkpoint's window: T1 30 April, T2 31 August, VB 31 December.
[[nodiscard]] Date checkpoint_end(Checkpoint checkpoint, int year);

// The elapsed share of the plan period (1 January of period_from to 31 December of
// period_to) on `today`, between 0 and 1.
[[nodiscard]] double elapsed_share(const SupplyPlan& plan, Date today);

// p = (value − baseline) / (target − baseline), s the elapsed share: green when p ≥ s,
// yellow when p ≥ s/2, red otherwise. nullopt when target equals baseline.
[[nodiscard]] std::optional<IndicatorState> indicator_state(const Indicator& indicator, double value,
                                                            double elapsed);

// The status shown on `today`: the one set by hand, else planned before the start (the
// activity's start_date, else 1 January of the plan's first year), delayed after the target
// date, at_risk within 30 days before it, ongoing in between.
[[nodiscard]] ShownStatus shown_status(const SupplyPlan& plan, const Activity& activity, Date today);

// The activity's latest follow-up (by year, then T1 < T2 < VB), or nullptr.
[[nodiscard]] const FollowUp* last_follow_up(const SupplyPlan& plan, std::string_view activity);

// The activities of `previous` marked carry_over and not done, as activities of the next
// plan: same code, title and fields, status cleared, carried_from "PREVIOUS-ID/CODE".
[[nodiscard]] std::vector<Activity> carried_over_activities(const SupplyPlan& previous);

}  // namespace trappa::core::supply

namespace trappa::core {
using supply::to_code;
}  // namespace trappa::core
