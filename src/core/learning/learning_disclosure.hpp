// The small-group rule for the learning statistics (docs/learning.md, "Small groups"): what
// observers, and managers with the overview, may see of core::LearningStats. HR and
// administrators see everything in their scope; this decides what the others do not see.
//
// With threshold K (trappa serve --min-group, as for the gap figures):
//   - a cell (the total or a group) whose participants are 1 … K−1 is hidden whole: its
//     participants, gender figures and hours (and `met` when it is the total);
//   - in the total, a gender's participants of 1 … K−1 are hidden, and then more genders,
//     the smallest first, until the hidden ones add up to 0 or at least K (so the total minus
//     the shown genders never gives fewer than K people);
//   - groups by gender or unit split the total's people (by unit, the people of the selected
//     unit itself are in no group): the total minus the shown groups must be 0 or at least K
//     people, else the smallest shown group is hidden too, until it is;
//   - groups by activity, format, month or area may hold one person several times, so the
//     number of people behind the hidden groups is not known: when any group is hidden, the
//     smallest shown group is hidden too (it alone holds at least K people), so the hours and
//     counts behind the hidden groups (the total minus the shown ones) are always about at
//     least K people;
//   - groups carry no gender figures, and registration counts (rows, possibly of one person)
//     are not shown at all.
// Pure; depends only on the figures and K, never on who asks.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "core/learning/learning_stats.hpp"

namespace trappa::core {

struct LearningCellDisclosure {
  bool suppressed = false;
  std::array<bool, 3> gender_suppressed{};  // K, M, X; only decided for the total
};

struct LearningDisclosure {
  std::size_t min_group = 5;
  LearningCellDisclosure total;
  std::vector<LearningCellDisclosure> groups;  // parallel to LearningStats::groups
};

// The decisions for `stats` computed with grouping `by` and threshold `min_group` (≥ 1).
[[nodiscard]] LearningDisclosure decide_learning_disclosure(const LearningStats& stats, LearningGrouping by,
                                                            std::size_t min_group);

}  // namespace trappa::core
