// Whether a round may open today: the concerns HR must confirm, and the refusals.
//
// Issue 13, item 5: opening round 2027 while 2026 was open worked before 2027's opening date,
// without a question, and hid the 2026 assessment from the employee. Two open rounds for the
// same scope (the same framework and overlapping unit subtrees) or a round opened before its
// opening date are allowed only when HR confirms. A round past its closing date may still
// open: administrators open past rounds to import their assessments.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/org/unit_tree.hpp"

namespace trappa::core {

struct OpeningCheck {
  std::vector<std::string> overlapping;  // open rounds of the same scope, by name, in list order
  bool before_opening_date = false;      // today is before the round's `opens`

  // Opening goes ahead only after HR confirms the overlap or the early start.
  [[nodiscard]] bool needs_confirmation() const { return !overlapping.empty() || before_opening_date; }
};

// True when the unit subtrees rooted at `a` and `b` share a unit; an empty scope is the whole
// organisation. A scope unit the tree does not know holds nobody and overlaps nothing.
[[nodiscard]] bool scopes_overlap(const UnitTree& tree, const std::string& a, const std::string& b);

// The concerns about opening `round` today, given every round (`rounds` may include `round`
// itself, which is skipped by name).
[[nodiscard]] OpeningCheck check_opening(const Round& round, const std::vector<Round>& rounds, const UnitTree& tree,
                                         Date today);

// The check as problems, each naming its place: the overlapping round by name
// ("round 2026"), or the field ("opens").
[[nodiscard]] std::vector<Problem> opening_problems(const Round& round, const OpeningCheck& check);

}  // namespace trappa::core
