// A round's assessments in compact form, as the store hands them to the analytics snapshot:
// people and competencies as indexes instead of strings, levels as bytes (0 = not given).
#pragma once

#include <cstdint>
#include <vector>

#include "core/assessment.hpp"

namespace trappa::core {

struct RoundFacts {
  struct StatusFact {
    std::uint32_t person;  // index into the people vector the facts were loaded for
    AssessmentStatus status;
  };
  struct RatingFact {
    std::uint32_t person;
    std::uint16_t competency;  // index in framework order (areas, then competencies)
    std::uint8_t self_level;   // 0 = not given
    std::uint8_t agreed_level; // 0 = not given
  };
  struct MotivationFact {
    std::uint32_t person;
    std::uint8_t area;         // index in framework order
    std::uint8_t value;        // 1..5
  };
  // People with an employment history but no employment on the day the round opened
  // (former staff, later hires): they are outside the round. People without any history
  // are taken as employed.
  std::vector<std::uint32_t> not_employed;
  std::vector<StatusFact> statuses;
  std::vector<RatingFact> ratings;
  std::vector<MotivationFact> motivations;
};

}  // namespace trappa::core
