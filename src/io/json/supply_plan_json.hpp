// The supply plan document, `{"format": "trappa-supply-plan", "version": 1, …}` (issue 19,
// docs/supply-plan.md): the exact field names of the issue, extended (never renamed) with
// adopted_by/adopted_at, an activity's start_date, carry_over and carried_from, and a
// follow-up's suppressed.
//
// The reader is all-or-nothing: every problem of the file is reported at once with its JSON
// path ("plan.json: $.goals[0].activities[2].ubara: …"), and the plan's own consistency
// (core::supply::validate_supply_plan) is checked too. "value", "state" and "suppressed" inside an
// indicator, an activity's "shown_status" and the document's "previous_period" are what
// `plan show` adds; the reader ignores them, so a shown plan reads back.
// The writer prints the document in the field order in the canonical JSON text
// (io/json/json_text.hpp), so export → import → export gives the same bytes.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/supply_plan/supply_plan.hpp"

namespace trappa::io {

inline constexpr std::string_view kSupplyPlanFormat = "trappa-supply-plan";
inline constexpr int kSupplyPlanVersion = 1;

// What `plan show` adds to an activity: its indicator's live value (or that it is
// suppressed), the indicator's state, and the status shown on the day.
struct LiveActivity {
  std::optional<double> value{};
  bool suppressed = false;
  std::optional<core::supply::IndicatorState> state{};
  core::supply::ShownStatus shown_status = core::supply::ShownStatus::kNotStarted;
};

// A row of the opening table "follow-up of last period's activities": an activity of the
// previous plan, its last follow-up, and the code of the activity of this plan that continues
// it (carried_from), if any.
struct PreviousActivity {
  std::string plan;
  core::supply::Activity activity;
  std::optional<core::supply::FollowUp> last_follow_up{};
  std::string continued_as{};
};

[[nodiscard]] core::Result<core::supply::SupplyPlan> parse_supply_plan(std::string_view text, const std::string& file_name);
[[nodiscard]] core::Result<core::supply::SupplyPlan> read_supply_plan_file(const std::filesystem::path& path);

// The document; with `live` (by activity code), each indicator object gains "value" (a number
// or null) or "suppressed": true, and "state" when there is a value, and each activity
// "shown_status"; with `previous`, the document ends with "previous_period": one object per
// row of the opening table (plan, code, title, ubara, status, carry_over, continued_as,
// last_follow_up or null).
[[nodiscard]] std::string write_supply_plan_json(const core::supply::SupplyPlan& plan,
                                                 const std::map<std::string, LiveActivity>* live = nullptr,
                                                 const std::vector<PreviousActivity>* previous = nullptr);

}  // namespace trappa::io
