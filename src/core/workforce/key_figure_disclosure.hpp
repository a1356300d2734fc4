// Small-group suppression for key figures (docs/key-figures.md, "Small groups"), for readers
// without access to individuals: observers, and managers beyond their own team.
//
// The group of a key-figure set is the unit subtree's headcount: the people in it at the
// reference date and at the two earlier dates of the three-year tables. Which units' sets
// may be shown is decided for the whole organisation at once, with the rule of
// core/disclosure_control.hpp over the unit tree (a unit's direct members are never shown
// on their own, so a department minus its units never gives its head's age away). Inside a
// shown set, hide_small_cells() hides the cells that count people by a personal
// characteristic when they hold 1..K-1 people.
//
// Both are pure functions of their arguments and may be called from several threads.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "core/disclosure/disclosure_control.hpp"
#include "core/workforce/employment.hpp"
#include "core/workforce/key_figures.hpp"
#include "core/org/org.hpp"
#include "core/base/result.hpp"
#include "core/org/unit_tree.hpp"

namespace trappa::core {

class KeyFigureDisclosure {
 public:
  // Decides every unit's set at `at` (and its two earlier dates). A person counts in the unit
  // of their permanent employment at a date, else of their temporary one (the latest started
  // when there are several); people with two employments in different units on one day are
  // counted once, in one of them.
  [[nodiscard]] static KeyFigureDisclosure decide(std::span<const Person> people, std::span<const Employment> employments,
                                                  const UnitTree& tree, Date at, std::size_t min_group);

  // Whether the set of `unit_code` (and its subtree; empty: the whole organisation) may be
  // shown. An unknown unit is never shown.
  [[nodiscard]] bool published(std::string_view unit_code) const;
  [[nodiscard]] std::size_t min_group() const { return decision_.min_group(); }
  // Whether the age-pyramid cell (age band x gender, at the reference date) of the unit's set
  // may be shown: cells of 1..K-1 people are not, and the others are decided for the whole
  // tree at once by an exact search over every shown set's cells and headcounts by gender, so
  // a parent's cell minus its shown units' cells is never 1..K-1 people (issue 12). Empty
  // cells are shown (they are 0).
  [[nodiscard]] bool age_cell_published(std::string_view unit_code, std::size_t band, Gender gender) const;

 private:
  const UnitTree* tree_ = nullptr;
  DisclosureControl decision_;
  std::vector<std::uint32_t> age_people_;  // per unit x band x gender: people of the unit's subtree in the cell
  std::vector<std::uint8_t> age_hidden_;   // per unit x band x gender: hidden by the search with the headcounts
};

// Hides the cells of a shown set that count 1..K-1 people (they become null in every
// output): age-pyramid cells (band x gender; a band's total and share go with any hidden
// cell; within a gender, more cells are hidden, smallest first, until the hidden ones hold
// 0 or >= K people, since the gender's headcount is shown), retirement years, and positions
// with fewer than K people at a date (with more positions hidden, smallest first, when the
// positions shown leave 1..K-1 people of the headcount unaccounted for). Headcounts by gender
// and employment form, FTE and turnover are shown as they are: they describe the whole group.
void hide_small_cells(KeyFigures& figures, std::size_t min_group);
// The same with the age-pyramid cells of the whole tree decided together: a cell is hidden
// when `decision` hides it (for figures.unit_code) or the rule above does. Use this one: the
// one above decides each set alone, so a parent unit minus its departments can give cells of
// 1..K-1 people.
void hide_small_cells(KeyFigures& figures, const KeyFigureDisclosure& decision);

}  // namespace trappa::core
