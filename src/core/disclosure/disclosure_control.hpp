// Small-group suppression (statistical disclosure control) for figures shown to people who
// may not see individuals: observers, and managers beyond their own team. The rule is stated
// for readers in docs/analytics.md ("Small groups"); this header states the computation's
// contract, and disclosure_control.cpp why the rule is enough.
//
// A *cell* is a group of people: a unit's subtree (or everyone), optionally narrowed to one
// role and/or one gender. Each person contributes a few 0/1 *measures* (for the gap figures:
// assessed, in the round, ...); a cell's counts are the sums over its people, and measure 0
// is "the people the figures are about". decide() fixes, once for a population, which cells
// may be shown:
//
//   primary    a cell whose measure 0 is below K, or whose any measure is 1..K-1, is hidden;
//   secondary  no group of 1..K-1 people (in any measure) may be computable from the shown
//              cells by any sums and differences. Cells are hidden, smallest first, by these
//              rules until none is left to apply:
//              - regions: a shown unit minus its highest shown units below (its direct
//                members and its hidden units) is 0 or >= K people;
//              - partitions: a shown cell minus its shown parts by role, or by gender, is 0
//                or >= K people;
//              - breakdowns: role and gender cells only where the unit's total is shown and
//                the unit shows breakdowns; a breakdown shown at a unit is shown (or empty) at
//                its highest units below that show breakdowns — where it is not, that unit
//                stops showing breakdowns or the breakdown above is hidden;
//              - exact check: for each unit showing breakdowns, its *zone* (its subtree down
//                to the next such units) is searched with core/disclosure_audit.hpp for any
//                small group a combination of the zone's shown cells gives.
//
// The decisions depend only on the population and K, never on who asks or in which order, so
// every view (page, CSV, API) shows the same cells. Cost: linear in people for the counts,
// then passes over the cells (units x (roles+1) x 4) and small audits per zone until nothing
// changes; about a third of a second at 50 000 people (docs/performance.md). The result is
// immutable and may be shared between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/org/org.hpp"
#include "core/org/unit_tree.hpp"

namespace trappa::core {

// The threshold K when nothing else is configured, and the smallest K that may be configured
// (below 3, a group of two could read each other's figures).
inline constexpr std::size_t kDefaultMinGroup = 5;
inline constexpr std::size_t kSmallestMinGroup = 3;

// The people that published figures are about, as the suppression rule sees them. Spans
// refer to the caller's arrays and are read during decide() only.
struct DisclosurePopulation {
  const UnitTree* tree = nullptr;
  std::size_t roles = 0;                 // role breakdown over role indexes 0..roles-1; 0: none
  bool genders = false;                  // breakdown by gender (K, M, X)
  std::size_t measures = 1;              // counts per person; measure 0 decides primary suppression
  std::span<const std::uint32_t> unit;   // each person's unit, a tree index
  std::span<const std::uint16_t> role;   // when roles > 0
  std::span<const Gender> gender;        // when genders
  std::span<const std::uint8_t> counts;  // person-major, counts[p * measures + m], each 0 or 1
  // Optional, per cell (DisclosureControl::cell_index): cells readers already know from an
  // earlier publication of the same figures. They count as seen in every rule and are never
  // chosen to be hidden, so what is shown now is safe together with them.
  std::span<const std::uint8_t> published_before;
};

class DisclosureControl {
 public:
  DisclosureControl() = default;

  // Decides every cell of the population for threshold `min_group` (K >= 1; the web
  // application enforces K >= kSmallestMinGroup). People whose unit is not in the tree are
  // ignored.
  [[nodiscard]] static DisclosureControl decide(const DisclosurePopulation& population, std::size_t min_group);

  // Whether figures about the cell may be shown. `unit` is a tree index, or nullopt for the
  // whole population; `role` nullopt for every role; `gender` nullopt for every gender. A
  // role or unit outside the population's range names nobody and is never shown.
  [[nodiscard]] bool published(std::optional<std::uint32_t> unit, std::optional<std::uint16_t> role,
                               std::optional<Gender> gender) const;
  // Measure m of the cell (the same addressing as published()); 0 for a cell outside the range.
  [[nodiscard]] std::uint32_t count(std::optional<std::uint32_t> unit, std::optional<std::uint16_t> role,
                                    std::optional<Gender> gender, std::size_t measure = 0) const;

  // The cell's index (the same addressing as published()) among cells(), nullopt outside the
  // range; and whether the cell with that index is shown.
  [[nodiscard]] std::optional<std::size_t> cell_index(std::optional<std::uint32_t> unit, std::optional<std::uint16_t> role,
                                                      std::optional<Gender> gender) const {
    return cell_of(unit, role, gender);
  }
  [[nodiscard]] std::size_t cells() const { return shown_.size(); }
  [[nodiscard]] bool shown(std::size_t cell) const { return cell < shown_.size() && shown_[cell] != 0; }

  // Whether the cell has nobody in any measure (nothing about anyone is in its figures).
  [[nodiscard]] bool empty(std::optional<std::uint32_t> unit, std::optional<std::uint16_t> role,
                           std::optional<Gender> gender) const;

  // Hides every cell `other` (a decision over the same cells) hides.
  void restrict_to(const DisclosureControl& other);

  [[nodiscard]] std::size_t min_group() const { return min_group_; }

  struct Summary {
    std::size_t cells = 0;      // all cells, empty ones included
    std::size_t nonempty = 0;   // cells with at least one person in some measure
    std::size_t shown = 0;      // published
    std::size_t primary = 0;    // hidden because the cell itself is too small
    std::size_t secondary = 0;  // hidden so that no small group can be computed
    std::size_t passes = 0;     // rounds of the fixed-point loop
  };
  [[nodiscard]] const Summary& summary() const { return summary_; }

 private:
  [[nodiscard]] std::optional<std::size_t> cell_of(std::optional<std::uint32_t> unit, std::optional<std::uint16_t> role,
                                                   std::optional<Gender> gender) const;

  std::size_t min_group_ = kDefaultMinGroup;
  std::size_t units_ = 0;     // tree units; index units_ is the whole population
  std::size_t roles_ = 0;
  bool genders_ = false;
  std::size_t measures_ = 1;
  std::vector<std::uint8_t> shown_;     // per cell
  std::vector<std::uint32_t> counts_;   // per cell x measure
  Summary summary_;
};

}  // namespace trappa::core
