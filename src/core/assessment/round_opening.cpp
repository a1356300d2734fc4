#include "core/assessment/round_opening.hpp"

#include <cstdint>
#include <utility>

#include <fmt/format.h>

namespace trappa::core {

bool scopes_overlap(const UnitTree& tree, const std::string& a, const std::string& b) {
  // The whole organisation is the range of every unit; an unknown unit the empty range.
  auto range = [&tree](const std::string& scope) -> std::pair<std::uint32_t, std::uint32_t> {
    if (scope.empty()) return {0, static_cast<std::uint32_t>(tree.size())};
    const auto index = tree.index_of(scope);
    return index ? std::pair{*index, tree.subtree_end(*index)} : std::pair{0U, 0U};
  };
  const auto [first_begin, first_end] = range(a);
  const auto [second_begin, second_end] = range(b);
  // Subtrees in pre-order are nested or disjoint: they overlap when the ranges intersect.
  return first_begin < first_end && second_begin < second_end && first_begin < second_end &&
         second_begin < first_end;
}

OpeningCheck check_opening(const Round& round, const std::vector<Round>& rounds, const UnitTree& tree, Date today) {
  OpeningCheck check;
  for (const Round& other : rounds) {
    if (other.name == round.name || other.state != RoundState::kOpen) continue;
    if (other.framework_id != round.framework_id) continue;
    if (scopes_overlap(tree, round.scope_unit, other.scope_unit)) check.overlapping.push_back(other.name);
  }
  if (const auto opens = parse_iso_date(round.opens)) check.before_opening_date = today < *opens;
  return check;
}

std::vector<Problem> opening_problems(const Round& round, const OpeningCheck& check) {
  std::vector<Problem> problems;
  for (const std::string& other : check.overlapping) {
    problems.push_back({"round " + other,
                        fmt::format("is open for the same framework '{}' and overlapping units; opening '{}' too "
                                    "needs a confirmation",
                                    round.framework_id, round.name)});
  }
  if (check.before_opening_date) {
    problems.push_back({"opens", fmt::format("the round opens on {}; opening it earlier needs a confirmation", round.opens)});
  }
  return problems;
}

}  // namespace trappa::core
