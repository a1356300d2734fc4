// Ranked recommendations under a time budget (docs/learning.md, "Recommendations"): which
// open activities close the most of a person's competence needs per hour. Pure function.
//
// The rule, exactly as issue 16 states it:
// - the person's level per competency is the agreed level, else the self level; a need is a
//   level below the expected level e of the person's role profile (docs/analytics.md);
// - candidates are the activities of the round's framework with status `open`, `ends` on or
//   after the date, room left under capacity, an audience that includes the person's role,
//   and no row of the person's own (any status);
// - every need starts at the projected level p = level. An activity's gain is the sum, over
//   its competencies that are needs with p ≥ level_from, of max(0, min(level_to, e) − p);
// - pick the candidate with the highest gain per hour whose hours fit the remaining budget
//   and whose gain is above zero (ties: higher gain, then fewer hours, then code ascending);
//   raise p to max(p, min(level_to, e)) on each competency it counted; repeat until nothing
//   fits or gains. No budget means no limit.
// A need is uncovered when no candidate could raise it from the person's level (gain on it
// above zero at p = level), whatever the budget.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/base/date.hpp"
#include "core/framework/framework.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "core/org/org.hpp"

namespace trappa::core {

struct LearningNeed {
  std::string competency;
  int level = 0;
  int expected = 0;
  bool operator==(const LearningNeed&) const = default;
};

// The person's needs in framework order: competencies of their role profile whose level (agreed,
// else self) is below the expected level. None without an assessment or a profile.
[[nodiscard]] std::vector<LearningNeed> needs_of(const Person& person, const Assessment* assessment,
                                                 const Framework& framework);

// Whether `activity` could raise `need` from its level: it develops the competency, suits the
// level (level_from ≤ level) and leads above it (min(level_to, expected) > level).
[[nodiscard]] bool could_raise(const LearningActivity& activity, const LearningNeed& need);

// Whether the activity is open to people in `role` (an empty audience is everyone's).
[[nodiscard]] bool audience_includes(const LearningActivity& activity, const std::string& role);

struct ClosedSteps {
  std::string competency;
  int from = 0;
  int to = 0;
  bool operator==(const ClosedSteps&) const = default;
};

struct Recommendation {
  std::string activity;  // code
  std::string title;
  double hours = 0;
  int gain = 0;
  std::vector<ClosedSteps> closes;  // the competencies whose projected level it raised
  bool operator==(const Recommendation&) const = default;
};

struct RecommendationList {
  std::optional<double> budget_hours;
  std::vector<LearningNeed> needs;                // framework order
  std::vector<Recommendation> recommendations;    // pick order
  double total_hours = 0;
  int steps_closed = 0;                           // the sum of the gains
  int steps_open = 0;                             // needs' steps left: Σ (e − p) after the picks
  std::vector<std::string> uncovered;             // competency codes, framework order
};

// The places each activity's rows take (registered and attended), indexed like `activities`.
[[nodiscard]] std::vector<std::size_t> places_taken(const std::vector<LearningActivity>& activities,
                                                    const std::vector<Participation>& participation);

// `assessment` may be null (nobody rated anything: no needs). `taken` is places_taken of the
// catalogue; `own_rows` the person's rows (any status), whose activities are no candidates.
// Time linear in the activities and the person's needs: recommending for everyone costs
// one places_taken and then nothing that grows with the rows.
[[nodiscard]] RecommendationList recommend(const Person& person, const Assessment* assessment,
                                           const Framework& framework,
                                           const std::vector<LearningActivity>& activities,
                                           const std::vector<std::size_t>& taken,
                                           const std::vector<Participation>& own_rows, Date on,
                                           std::optional<double> budget_hours);

}  // namespace trappa::core
