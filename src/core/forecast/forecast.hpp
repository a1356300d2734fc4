// The competence forecast (issue 18): headcount flows per role — retirements, leavers,
// demand, recruitment need — and, from an assessment round, the share of each role's people
// at or above the expected level of each competency, year by year. A transparent
// expected-value model: every number is a sum of the formulas in docs/forecast.md, which is
// the definition; this header states the computation's contract.
//
// compute_forecast is a pure function of its arguments: no store, no clock. It may be called
// from several threads at once (the snapshots are immutable). Cost: one pass over the people
// and one over the employments (plus one index sort of each when they are not in employee-id
// order, as the store returns them), a hash lookup per person for the role and per employment
// for the unit scope, and for the competence part one pass over the starting stock per
// competency. The flows work on (role, birth year) groups, so the years cost nothing per
// person. Values are unrounded; writers (io/exports/forecast_output.hpp) round them.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/gap_snapshot.hpp"
#include "core/assessment/assessment.hpp"
#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/forecast/forecast_scenario.hpp"
#include "core/org/org.hpp"
#include "core/workforce/employment.hpp"

namespace trappa::core {

inline constexpr int kForecastDefaultYears = 5;
inline constexpr int kForecastMaxYears = 10;
inline constexpr int kForecastDefaultHistoryYears = 3;
inline constexpr int kForecastMaxHistoryYears = 10;
// The exit hazard is measured for single ages 60..68; everyone retires at 69 (LAS 32 a §).
inline constexpr int kHazardFirstAge = 60;
inline constexpr int kHazardLastAge = 68;
inline constexpr int kLastWorkingAge = 69;
inline constexpr std::size_t kHazardAges = kLastWorkingAge - kHazardFirstAge + 1;  // 60..69
// Fewer person-years than this at ages 60–68 in the history: the fixed rule is used.
inline constexpr double kMinimumHazardPersonYears = 100;
// A role with a smaller mean headcount over the history uses the unit's leaving rate.
inline constexpr double kMinimumRoleExposure = 10;
// Fewer recent recruits rated on a competency than this: the recruit share is s0.
inline constexpr std::size_t kMinimumRecruitsRated = 10;
// The fixed rule's age when the hazard falls back without --retirement-age.
inline constexpr int kDefaultFixedRetirementAge = 65;
// The departure reason that marks a retirement, not a leaver.
inline constexpr std::string_view kPensionReason = "pension";

struct ForecastQuery {
  Date at;                                  // D: the starting stock is the headcount `all` on D
  int years = kForecastDefaultYears;        // N, 1..10: years year(D)+1 .. year(D)+N
  std::string unit_code;                    // this unit and its subtree; empty: everything
  int history_years = kForecastDefaultHistoryYears;  // H: rates are measured over (D − H years, D]
  std::optional<int> retirement_age;        // forces the fixed rule with this age
};

// The assessment rounds behind the competence part, both built over the same `people` vector
// that compute_forecast gets (GapSnapshot::source_person indexes into it). `round` null: no
// competence part. `earlier` null: no earlier round, development rates are 0.
struct ForecastRounds {
  const GapSnapshot* round = nullptr;
  const GapSnapshot* earlier = nullptr;
};

enum class RetirementRule : std::uint8_t { kHazard, kFixed };
// Which history a role's measured leaving rate comes from: its own, or the unit's (exposure
// below 10). A scenario's rate replaces the measured one (RoleForecast::rate_from_scenario).
enum class RateSource : std::uint8_t { kRole, kUnit };

// One forecast year of one role (or the totals). Counts are expected values.
struct ForecastYear {
  int year = 0;
  double start = 0;             // N(t − 1)
  double retirements = 0;       // R(t)
  double leavers = 0;           // L(t)
  double demand = 0;            // Dm(t)
  double recruitment_need = 0;  // Q(t)
  double end = 0;               // N(t)
  // People of the starting stock turning 65, 67, 69 in the year: the key figures' naive count.
  long long turning_65 = 0;
  long long turning_67 = 0;
  long long turning_69 = 0;
};

struct CompetencyForecast {
  std::string code;
  std::string area;                     // the area's code
  std::size_t rated = 0;                // people of the role rated on it in the round
  std::size_t recruits_rated = 0;       // of those, people whose current employment started in the history
  std::optional<double> start_share;    // s0; nullopt when nobody of the role is rated
  std::optional<double> recruit_share;  // sr (s0 when fewer than 10 recruits are rated)
  double development_rate = 0;          // d
  bool development_rate_from_scenario = false;
  std::vector<std::optional<double>> shares;  // A(t) / N(t), t = 1..N; nullopt without s0 or people
};

struct RoleForecast {
  std::string role;
  long long start = 0;          // H0
  double leaving_rate = 0;      // r, capped at 1
  RateSource rate_source = RateSource::kRole;
  double measured_leaving_rate = 0;  // the history's rate, before any scenario
  bool rate_from_scenario = false;
  long long leavers = 0;        // leavers counted in the history (the role's own)
  double exposure = 0;          // mean headcount `all` over the history's month ends
  std::vector<ForecastYear> years;
  std::vector<CompetencyForecast> competencies;  // framework order; empty without a round or profile
};

struct AreaForecast {
  std::string code;
  std::vector<std::optional<double>> shares;  // per year; nullopt when no role holding it has people
};

struct Forecast {
  Date at;
  int years = 0;
  std::string unit_code;
  Date history_from;  // first day of the history period (D − H years + 1 day)
  Date history_to;    // D
  RetirementRule rule = RetirementRule::kHazard;
  int fixed_age = 0;                            // the fixed rule's age (rule kFixed)
  std::array<double, kHazardAges> hazard{};     // h(60) .. h(69) as used
  double hazard_person_years = 0;               // person-years at ages 60–68 in the history
  long long pension_departures = 0;             // departures with reason pension at ages 60–68
  double leaving_rate_unit = 0;                 // the unit's rate over all roles (uncapped below 1)
  std::string round;                            // R, empty without a competence part
  std::string earlier_round;                    // the round before R, empty when none
  std::vector<RoleForecast> roles;              // by role name
  std::vector<ForecastYear> totals;             // the roles' flows summed per year
  std::vector<AreaForecast> areas;              // framework order
  std::size_t unmatched_employments = 0;        // employments naming no person (skipped)
};

// Computes the forecast. `people` and `employments` may come in any order; `units` is the unit
// tree, needed when query.unit_code is set; `scenario` may be default (no assumptions changed).
//
// Errors: kInvalidInput for years outside 1..10, history years outside 1..10, a retirement age
// outside 40..100, a leaving or development rate outside 0..1, and for a scenario naming a role
// not in the starting stock or a competency not in the round's framework, or a headcount list
// whose length is not N (problems named by JSON path, "$.demand.<role>"); kNotFound when
// query.unit_code names no unit.
[[nodiscard]] Result<Forecast> compute_forecast(std::span<const Person> people,
                                                std::span<const Employment> employments,
                                                std::span<const Unit> units, const ForecastQuery& query,
                                                const ForecastScenario& scenario, const ForecastRounds& rounds);

// Recomputes the totals (Forecast::totals, summed over roles[].years) and the area shares
// (Forecast::areas[].shares, the competencies' shares weighted by N(t) of the roles that hold
// them) from Forecast::roles, in role order: what compute_forecast does last, and what a caller
// that removes roles (the pages' small-group rule) calls so that no removed role can be worked
// out from the totals. The years of the totals and the areas' codes are kept.
void sum_over_roles(Forecast& forecast);

// The default round R: the latest (last in `rounds`, which is creation order) closed round
// whose scope covers `unit_code` — its scope is empty, or the unit lies in its scope's
// subtree. For the whole organisation (empty unit_code) only a round without a scope, or
// scoped to a root unit, covers it. nullopt when none does.
[[nodiscard]] std::optional<std::size_t> default_forecast_round(std::span<const Round> rounds,
                                                                std::span<const Unit> units,
                                                                std::string_view unit_code);

// The round before rounds[index]: the latest earlier round (creation order) of the same
// framework id; nullopt when none.
[[nodiscard]] std::optional<std::size_t> round_before(std::span<const Round> rounds, std::size_t index);

[[nodiscard]] std::string_view to_code(RetirementRule rule);  // "hazard", "fixed"
[[nodiscard]] std::string_view to_code(RateSource source);    // "role", "unit"

}  // namespace trappa::core
