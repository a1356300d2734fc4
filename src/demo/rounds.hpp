// Two demo assessment rounds whose headline figures resemble seed 001's indicators:
// round 2025 (spring 2025, closed) about 81 % participation, 29 % of people with at least
// one need and 64 % high motivation; round 2026 (opened in winter 2026, still open) about 86 %, 24 % and
// 70 %, with needs falling most in areas 1, 4 and 6. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"

namespace trappa::demo {

struct DemoRoundSpec {
  std::string name;
  std::string opens;
  std::string closes;
  core::RoundState state;
};

// The two rounds, oldest first.
[[nodiscard]] const std::vector<DemoRoundSpec>& demo_round_specs();

// Assessments of people[begin, end) in the round with index `round_index` of
// demo_round_specs(). Only people with in_round[i] set take part (the people employed when
// the round opened); people whose role has no profile of its own (the default profile does
// not count here), and those who did not answer, get
// no assessment. A person's 2026 answers follow from their 2025 answers, so the two
// rounds tell a consistent story; calling in chunks gives the same result as one call.
[[nodiscard]] std::vector<core::Assessment> build_demo_assessments(const core::Framework& framework,
                                                             const std::vector<core::Person>& people,
                                                             const std::vector<bool>& in_round, std::size_t begin,
                                                             std::size_t end, std::size_t round_index,
                                                             std::uint64_t seed);

}  // namespace trappa::demo
