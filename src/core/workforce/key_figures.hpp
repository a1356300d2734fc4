// Workforce key figures (nyckeltal) computed from employment history: headcount by gender
// and employment form over three years, FTE, turnover by the city's definition, age, tenure,
// coming retirements and the largest positions. The definitions are in docs/key-figures.md;
// this header states the computation's contract, the document states what each figure means.
//
// compute_key_figures is a pure function: it reads its arguments, allocates its own working
// memory, and may be called from several threads at once. Cost: one pass over the people and
// one over the employments (plus one sort of each when they are not already in employee-id
// order), a hash lookup per employment for the unit scope and per active employment for its
// position. Values are unrounded; writers (io/key_figures_json.hpp) round them for output.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.hpp"
#include "core/workforce/employment.hpp"
#include "core/org/org.hpp"
#include "core/base/result.hpp"

namespace trappa::core {

inline constexpr int kDefaultRetirementAge = 65;
// Headcount and positions are reported for the date and the same date this many years before.
inline constexpr std::size_t kKeyFigureYears = 3;
// Retirements are counted for this many calendar years after the date's year.
inline constexpr int kRetirementYears = 5;
// Positions reported: the largest by FTE.
inline constexpr std::size_t kTopPositions = 10;

struct KeyFigureQuery {
  Date at;                            // the reference date ("per 2025-12-31")
  std::optional<Date> from;           // start of the turnover period; default: at − 1 year + 1 day
  std::string unit_code;              // restrict to this unit and its subtree; empty: everything
  int retirement_age = kDefaultRetirementAge;
};

// Counts by gender, indexed by core::Gender (K, M, X).
struct GenderCounts {
  std::array<long long, 3> by_gender{};

  [[nodiscard]] long long total() const { return by_gender[0] + by_gender[1] + by_gender[2]; }
  [[nodiscard]] long long of(Gender gender) const { return by_gender[static_cast<std::size_t>(gender)]; }
  // of(gender) / total(); nullopt when total() is 0.
  [[nodiscard]] std::optional<double> share(Gender gender) const;
  bool operator==(const GenderCounts&) const = default;
};

struct Headcount {
  Date at;
  GenderCounts all;        // permanent + temporary, each person once
  GenderCounts permanent;
  GenderCounts temporary;
};

// FTE of the employments active at the date, by employment type (indexed by EmploymentType).
struct FteByType {
  std::array<double, 4> by_type{};

  [[nodiscard]] double of(EmploymentType type) const { return by_type[static_cast<std::size_t>(type)]; }
  [[nodiscard]] double total() const { return by_type[0] + by_type[1] + by_type[2] + by_type[3]; }
};

struct TurnoverCounts {
  long long departures = 0;
  long long recruitments = 0;
  std::optional<double> rate;  // min(departures, recruitments) / average permanent; nullopt if that is 0
};

struct Turnover {
  double average_permanent = 0;  // mean permanent headcount over the month ends of the period
  std::size_t month_ends = 0;    // how many month ends were averaged (0: the headcount at `at` was used)
  TurnoverCounts external;                          // route 3
  TurnoverCounts including_other_administrations;   // routes 2 and 3
  long long unknown_route_departures = 0;           // permanent, in the period, route not recorded
  long long unknown_route_recruitments = 0;
};

struct AgeBand {
  std::string_view label;  // "-29", "30-39", "40-49", "50-59", "60-"
  GenderCounts people;
};

// Over the people of today's headcount whose birth year is known; `unknown` counts the others
// (an HR export without birth years), so the bands add up to the headcount minus `unknown`.
struct AgeFigures {
  std::optional<double> mean;    // nullopt when no one in the headcount has a known birth year
  std::optional<double> median;
  std::array<AgeBand, 5> bands;
  long long unknown = 0;         // people in today's headcount without a birth year
};

struct TenureFigures {
  std::optional<double> mean;    // years (days / 365.25); nullopt when the headcount is 0
  std::optional<double> median;
};

struct RetirementYear {
  int year = 0;
  long long people = 0;
};

// One position (befattning) at one date, over active permanent and temporary employments.
struct PositionFigures {
  Date at;
  long long people = 0;  // distinct people holding the position that day
  double fte = 0;
  long long women = 0;
  long long men = 0;

  [[nodiscard]] std::optional<double> share_women() const;
  [[nodiscard]] std::optional<double> share_men() const;
  // Both women and men make up 40–60 % of the people (the 40/60 rule); nullopt without people.
  [[nodiscard]] std::optional<bool> balanced() const;
};

struct PositionRow {
  std::string position;
  PositionFigures current;
  std::array<PositionFigures, kKeyFigureYears - 1> previous_years;  // one, two years before
};

// Cells hidden for readers without access to individuals (hide_small_cells in
// core/key_figure_disclosure.hpp); all false unless that ran. Writers show them as null.
struct HiddenKeyFigureCells {
  std::array<std::array<bool, 3>, 5> age{};                        // age band x gender (K, M, X)
  std::array<bool, 5> age_band{};                                  // the band's total and share
  std::array<bool, kRetirementYears> retirements{};
  std::vector<std::array<bool, kKeyFigureYears>> positions;        // per position row: at, a year, two years before
  bool any = false;
};

struct KeyFigures {
  Date at;
  Date from;  // the turnover period is [from, at]
  std::string unit_code;
  int retirement_age = kDefaultRetirementAge;
  std::array<Headcount, kKeyFigureYears> headcount;  // at, at − 1 year, at − 2 years
  FteByType fte;
  Turnover turnover;
  AgeFigures age;
  TenureFigures tenure;
  std::array<RetirementYear, kRetirementYears> retirements;
  std::vector<PositionRow> positions;  // largest FTE first, ties by name; at most kTopPositions
  std::size_t unmatched_employments = 0;  // employments whose person is not in `people` (skipped)
  HiddenKeyFigureCells hidden;
};

// The same calendar date `years` earlier (or later, for negative `years`); 29 February
// becomes 28 February in a year without it.
[[nodiscard]] Date shift_years(Date date, int years);

// Computes every key figure for `query`. `people` and `employments` may come in any order;
// input already sorted by employee id (as the store returns it) skips the sorts. `units` is
// the unit tree, needed only when query.unit_code is set.
//
// Errors: kInvalidInput when `from` is after `at` or the retirement age is outside 40–100;
// kNotFound when query.unit_code names no unit.
[[nodiscard]] Result<KeyFigures> compute_key_figures(std::span<const Person> people,
                                                     std::span<const Employment> employments,
                                                     std::span<const Unit> units, const KeyFigureQuery& query);

}  // namespace trappa::core
