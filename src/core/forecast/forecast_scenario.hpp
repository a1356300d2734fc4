// A forecast scenario: the assumptions a user changes to ask "what if" (docs/forecast.md,
// "Scenarios"). Plain values; io/json/forecast_scenario_json.hpp reads them from the
// `trappa-forecast-scenario` JSON file and checks their shapes. Whether the roles and
// competencies they name exist is checked by compute_forecast, which knows the unit's roles
// and the round's framework; its problems name the JSON path ("$.demand.<role>").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trappa::core {

// What happens to the positions people leave: filled up to the demand, or left empty.
enum class RecruitPolicy : std::uint8_t { kReplace, kNone };

// The demand of one role: a yearly growth rate, or an explicit headcount for each year.
struct DemandScenario {
  std::optional<double> growth;  // Dm(t) = H0 × (1 + growth)^t
  std::vector<double> headcount; // Dm(t) = headcount[t − 1]; one number per forecast year
  bool operator==(const DemandScenario&) const = default;
};

struct ForecastScenario {
  std::optional<int> retirement_age;                // forces the fixed retirement rule
  std::map<std::string, DemandScenario> demand;     // role -> demand; absent roles keep H0
  RecruitPolicy recruit = RecruitPolicy::kReplace;
  std::map<std::string, double> leaving_rate;       // role -> r, replacing the measured rate
  std::map<std::string, double> development_rate;   // competency code -> d, replacing the measured rate
  bool operator==(const ForecastScenario&) const = default;
};

}  // namespace trappa::core
