// The catalogue keys of the supply plan's codes (po/*.po, "splan_…"), shared by the report's
// HTML and workbook so both say "Utveckla", "Pågår", "grön" alike.
#pragma once

#include <string>
#include <string_view>

#include "core/supply_plan/supply_plan.hpp"

namespace trappa::report {

// "splan_ubara_utveckla", … (the code after the prefix).
[[nodiscard]] std::string ubara_key(core::supply::Ubara ubara);
// "splan_status_not_started", …, "splan_status_at_risk", "splan_status_delayed".
[[nodiscard]] std::string shown_status_key(core::supply::ShownStatus status);
// "splan_state_green", "splan_state_yellow", "splan_state_red".
[[nodiscard]] std::string indicator_state_key(core::supply::IndicatorState state);
// "splan_checkpoint_T1", "splan_checkpoint_T2", "splan_checkpoint_VB".
[[nodiscard]] std::string checkpoint_key(core::supply::Checkpoint checkpoint);

}  // namespace trappa::report
