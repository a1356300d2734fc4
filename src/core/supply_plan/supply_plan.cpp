#include "core/supply_plan/supply_plan.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/format.h>

namespace trappa::core::supply {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_code(const std::array<std::string_view, N>& codes, std::string_view code) {
  for (std::size_t i = 0; i < N; ++i) {
    if (codes[i] == code) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 3> kStateCodes{"draft", "adopted", "archived"};
constexpr std::array<std::string_view, 6> kUbaraCodes{"utveckla", "behalla", "attrahera",
                                                      "rekrytera", "introducera", "avveckla"};
constexpr std::array<std::string_view, 5> kActivityStatusCodes{"not_started", "ongoing", "done", "postponed",
                                                               "cancelled"};
constexpr std::array<std::string_view, 8> kShownStatusCodes{"not_started", "ongoing",  "done",    "postponed",
                                                            "cancelled",   "planned", "at_risk", "delayed"};
constexpr std::array<std::string_view, 3> kCheckpointCodes{"T1", "T2", "VB"};
constexpr std::array<std::string_view, 3> kIndicatorStateCodes{"green", "yellow", "red"};

// How many days before the target date an activity that is not done is at risk.
constexpr int kAtRiskDays = 30;

}  // namespace

std::string_view to_code(SupplyPlanState state) { return kStateCodes[static_cast<std::size_t>(state)]; }
std::string_view to_code(Ubara ubara) { return kUbaraCodes[static_cast<std::size_t>(ubara)]; }
std::string_view to_code(ActivityStatus status) { return kActivityStatusCodes[static_cast<std::size_t>(status)]; }
std::string_view to_code(ShownStatus status) { return kShownStatusCodes[static_cast<std::size_t>(status)]; }
std::string_view to_code(Checkpoint checkpoint) { return kCheckpointCodes[static_cast<std::size_t>(checkpoint)]; }
std::string_view to_code(IndicatorState state) { return kIndicatorStateCodes[static_cast<std::size_t>(state)]; }

std::optional<SupplyPlanState> parse_supply_plan_state(std::string_view code) {
  return parse_code<SupplyPlanState>(kStateCodes, code);
}
std::optional<Ubara> parse_ubara(std::string_view code) { return parse_code<Ubara>(kUbaraCodes, code); }
std::optional<ActivityStatus> parse_activity_status(std::string_view code) {
  return parse_code<ActivityStatus>(kActivityStatusCodes, code);
}
std::optional<ShownStatus> parse_shown_status(std::string_view code) {
  return parse_code<ShownStatus>(kShownStatusCodes, code);
}
std::optional<Checkpoint> parse_checkpoint(std::string_view code) {
  return parse_code<Checkpoint>(kCheckpointCodes, code);
}

std::span<const BindingKind> binding_kinds() {
  static const std::vector<BindingKind> kinds{
      {"gap.share_with_need", {"round"}, {"unit"}},
      {"gap.participation", {"round"}, {"unit"}},
      {"gap.area_need_share", {"round", "area"}, {"unit"}},
      {"gap.area_high_motivation_share", {"round", "area"}, {"unit"}},
      {"gap.competency_need_share", {"round", "competency"}, {"unit"}},
      {"figures.headcount", {"at"}, {"unit"}},
      {"figures.share_women", {"at"}, {"unit"}},
      {"figures.external_turnover", {"at"}, {"unit"}},
      {"learning.participants", {"from", "to"}, {"unit"}},
      {"learning.hours_per_participant", {"from", "to"}, {"unit"}},
      {"maturity.overall", {"measurement"}, {}},
      {"series", {"name"}, {"period"}},
  };
  return kinds;
}

const BindingKind* find_binding_kind(std::string_view kind) {
  for (const BindingKind& entry : binding_kinds()) {
    if (entry.kind == kind) return &entry;
  }
  return nullptr;
}

const std::string* Indicator::parameter(std::string_view name) const {
  const auto found = parameters.find(std::string(name));
  return found == parameters.end() ? nullptr : &found->second;
}

const Activity* SupplyPlan::find_activity(std::string_view code) const {
  for (const Goal& goal : goals) {
    for (const Activity& activity : goal.activities) {
      if (activity.code == code) return &activity;
    }
  }
  return nullptr;
}

std::vector<Problem> validate_supply_plan(const SupplyPlan& plan) {
  std::vector<Problem> problems;
  if (plan.id.empty()) problems.push_back({"$.id", "must not be empty"});
  if (plan.unit.empty()) problems.push_back({"$.unit", "must not be empty"});
  if (plan.period_from > plan.period_to) {
    problems.push_back({"$.period", fmt::format("from {} is after to {}", plan.period_from, plan.period_to)});
  }
  if (plan.previous == plan.id && !plan.id.empty()) problems.push_back({"$.previous", "a plan cannot follow itself"});
  if (plan.state == SupplyPlanState::kAdopted && (plan.adopted_by.empty() || !plan.adopted_at)) {
    problems.push_back({"$.state", "an adopted plan needs adopted_by and adopted_at"});
  }
  std::set<std::string> codes;
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    for (std::size_t a = 0; a < plan.goals[g].activities.size(); ++a) {
      const Activity& activity = plan.goals[g].activities[a];
      const std::string path = fmt::format("$.goals[{}].activities[{}]", g, a);
      if (activity.code.empty()) {
        problems.push_back({path + ".code", "must not be empty"});
      } else if (!codes.insert(activity.code).second) {
        problems.push_back({path + ".code", fmt::format("'{}' is the code of an earlier activity", activity.code)});
      }
      if (activity.start_date && *activity.start_date > activity.target_date) {
        problems.push_back({path + ".start_date", "is after the target date"});
      }
      if (activity.indicator && activity.indicator->target == activity.indicator->baseline) {
        problems.push_back({path + ".indicator.target", "must differ from the baseline"});
      }
    }
  }
  std::set<std::tuple<std::string, Checkpoint, int>> seen;
  for (std::size_t f = 0; f < plan.follow_ups.size(); ++f) {
    const FollowUp& follow_up = plan.follow_ups[f];
    const std::string path = fmt::format("$.follow_ups[{}]", f);
    if (plan.find_activity(follow_up.activity) == nullptr) {
      problems.push_back({path + ".activity", fmt::format("'{}' is no activity of the plan", follow_up.activity)});
    }
    if (!seen.emplace(follow_up.activity, follow_up.checkpoint, follow_up.year).second) {
      problems.push_back({path, fmt::format("a second follow-up of {} at {} {}", follow_up.activity,
                                            to_code(follow_up.checkpoint), follow_up.year)});
    }
  }
  return problems;
}

Date checkpoint_end(Checkpoint checkpoint, int year) {
  using namespace std::chrono;
  switch (checkpoint) {
    case Checkpoint::kT1:
      return Date{std::chrono::year(year), April, day(30)};
    case Checkpoint::kT2:
      return Date{std::chrono::year(year), August, day(31)};
    case Checkpoint::kVB:
      break;
  }
  return Date{std::chrono::year(year), December, day(31)};
}

double elapsed_share(const SupplyPlan& plan, Date today) {
  using namespace std::chrono;
  const int first = day_number(Date{std::chrono::year(plan.period_from), January, day(1)});
  const int after_last = day_number(Date{std::chrono::year(plan.period_to), December, day(31)}) + 1;
  if (after_last <= first) return 1.0;
  const double share = static_cast<double>(day_number(today) - first) / static_cast<double>(after_last - first);
  return std::clamp(share, 0.0, 1.0);
}

std::optional<IndicatorState> indicator_state(const Indicator& indicator, double value, double elapsed) {
  if (indicator.target == indicator.baseline) return std::nullopt;
  const double progress = (value - indicator.baseline) / (indicator.target - indicator.baseline);
  if (progress >= elapsed) return IndicatorState::kGreen;
  if (progress >= elapsed / 2) return IndicatorState::kYellow;
  return IndicatorState::kRed;
}

ShownStatus shown_status(const SupplyPlan& plan, const Activity& activity, Date today) {
  if (activity.status) return static_cast<ShownStatus>(*activity.status);
  using namespace std::chrono;
  const Date start = activity.start_date.value_or(Date{std::chrono::year(plan.period_from), January, day(1)});
  const int now = day_number(today);
  if (now < day_number(start)) return ShownStatus::kPlanned;
  const int target = day_number(activity.target_date);
  if (now > target) return ShownStatus::kDelayed;
  if (target - now <= kAtRiskDays) return ShownStatus::kAtRisk;
  return ShownStatus::kOngoing;
}

const FollowUp* last_follow_up(const SupplyPlan& plan, std::string_view activity) {
  const FollowUp* last = nullptr;
  for (const FollowUp& follow_up : plan.follow_ups) {
    if (follow_up.activity != activity) continue;
    if (last == nullptr || std::pair(follow_up.year, follow_up.checkpoint) > std::pair(last->year, last->checkpoint)) {
      last = &follow_up;
    }
  }
  return last;
}

std::vector<Activity> carried_over_activities(const SupplyPlan& previous) {
  std::vector<Activity> carried;
  for (const Goal& goal : previous.goals) {
    for (const Activity& activity : goal.activities) {
      if (!activity.carry_over || activity.status == ActivityStatus::kDone) continue;
      Activity next = activity;
      next.status.reset();
      next.carry_over = false;
      next.carried_from = previous.id + "/" + activity.code;
      carried.push_back(std::move(next));
    }
  }
  return carried;
}

}  // namespace trappa::core::supply
