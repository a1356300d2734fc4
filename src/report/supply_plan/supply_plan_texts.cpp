#include "report/supply_plan/supply_plan_texts.hpp"

namespace trappa::report {

std::string ubara_key(core::supply::Ubara ubara) { return "splan_ubara_" + std::string(core::supply::to_code(ubara)); }

std::string shown_status_key(core::supply::ShownStatus status) {
  return "splan_status_" + std::string(core::supply::to_code(status));
}

std::string indicator_state_key(core::supply::IndicatorState state) {
  return "splan_state_" + std::string(core::supply::to_code(state));
}

std::string checkpoint_key(core::supply::Checkpoint checkpoint) {
  return "splan_checkpoint_" + std::string(core::supply::to_code(checkpoint));
}

}  // namespace trappa::report
