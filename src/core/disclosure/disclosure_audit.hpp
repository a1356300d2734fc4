// An exact check that no small group can be computed from a set of published figures: the
// proof behind the small-group rule (core/disclosure_control.hpp), used by the tests.
//
// The people are split into *atoms*: groups that no published cell tells apart (for the gap
// figures, the direct members of one unit with one role and one gender). A published cell is
// a set of atoms; what it publishes are sums over its people. A reader can compute the sum
// over a set S of atoms exactly when the indicator of S is a linear combination of the
// published cells' indicators. The audit looks for such an S whose weight (people counted by
// one measure, e.g. assessed people) is 1..K-1.
//
// Per measure, atoms without weight are left out (a combination may take any multiple of
// them: they add nothing to the sum), atoms no published cell tells apart are merged, the
// remaining cells' span is computed modulo the prime 2^31-1, and sets of up to four atoms are
// searched (meet in the middle over a random null-space projection, every hit verified
// against the whole null space). The search is complete for K <= 5, where a small group has
// at most four atoms; for larger K it covers groups of up to four atoms. Working modulo a
// prime can only miss a combination whose rational coefficients have a denominator divisible
// by that prime; hand-made leaks in the tests show that the audit finds what it should.
//
// Cost: about cells x atoms x rank per measure; meant for organisations of a few thousand
// people (the demo), not for a city at every request.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace trappa::core {

struct DisclosureAuditInput {
  std::size_t atoms = 0;
  // One weight vector per measure (e.g. people, assessed): weights[m][atom].
  std::vector<std::vector<std::uint32_t>> weights;
  // The published cells, each as its atoms (any order, no duplicates).
  std::vector<std::vector<std::uint32_t>> cells;
  std::size_t min_group = 5;
};

struct DisclosedGroup {
  std::size_t measure = 0;
  std::vector<std::uint32_t> atoms;  // the set whose sum can be computed
  std::uint64_t weight = 0;          // its people in that measure, 1..K-1
};

// Small groups whose sums can be computed, at most `limit` of them; empty when none.
[[nodiscard]] std::vector<DisclosedGroup> find_disclosed_groups(const DisclosureAuditInput& input,
                                                                std::size_t limit = 10);

// Whether the sum over `atoms` (in `measure`) can be computed from the input's cells.
[[nodiscard]] bool is_computable(const DisclosureAuditInput& input, std::size_t measure,
                                 const std::vector<std::uint32_t>& atoms);

}  // namespace trappa::core
