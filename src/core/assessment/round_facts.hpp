// A round's assessments in compact form, as the store hands them to the analytics snapshot:
// people and competencies as indexes instead of strings, levels as bytes (0 = not given).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/base/date.hpp"
#include "core/workforce/employment.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"

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

// The numbering RoundFacts uses: every competency and area by its index in framework order
// (areas in order, and the competencies of each area in order).
struct FrameworkNumbering {
  explicit FrameworkNumbering(const Framework& framework);
  std::unordered_map<std::string, std::uint16_t> competency;
  std::unordered_map<std::string, std::uint8_t> area;
};

// Adds one person's assessment to `facts`: its status, each rating that has a level and its
// motivations. Codes that are not in the framework are skipped.
void add_assessment_facts(RoundFacts& facts, std::uint32_t person, const Assessment& assessment,
                          const FrameworkNumbering& numbering);

// Who takes part in a round that opens on `day`, indexed like `people`: everyone employed that
// day, and everyone without any employment history (the rule behind RoundFacts::not_employed).
[[nodiscard]] std::vector<bool> takes_part_on(const std::vector<Person>& people,
                                              const std::vector<Employment>& employments, Date day);

}  // namespace trappa::core
