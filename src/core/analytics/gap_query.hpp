// Gap analytics over a snapshot: the figures defined in docs/analytics.md.
//
// A query is one pass over the people of the selected unit range, split across threads for
// large snapshots, with no allocation per person. Ratios whose denominator is zero are
// absent (nullopt), and so is every figure of a suppressed result.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/analytics/gap_disclosure.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "core/base/result.hpp"

namespace trappa::core {

enum class GroupBy : std::uint8_t { kNone, kUnit, kRole, kGender };

struct GapQuery {
  LevelBasis basis = LevelBasis::kAgreed;
  std::string unit;                    // subtree filter: unit code, empty = the whole round
  std::string role;                    // role filter, empty = all roles
  std::optional<Gender> gender;
  GroupBy group_by = GroupBy::kNone;   // kUnit: the children of the selected unit
  std::size_t min_group = 0;           // suppress results with fewer assessed people (0 = never)
  // Small-group suppression for readers without access to individuals (docs/analytics.md,
  // "Small groups"): the round's decisions, built once per snapshot. Null: none. Must have been
  // built from the snapshot the query runs on.
  const GapDisclosure* disclosure = nullptr;
  // For a reader who also reads some people one by one (a manager with --manager-overview):
  // the decisions over the people they cannot read (GapDisclosure::build with `known`); a
  // figure is shown when both `disclosure` and this show it. Null: the reader reads nobody.
  const GapDisclosure* reader = nullptr;
};

struct CompetencyFigures {
  std::string code;
  std::string name;
  std::string area;
  std::optional<std::size_t> applicable;
  std::optional<std::size_t> rated;
  std::optional<std::size_t> needs;
  std::optional<double> participation;  // rated / applicable
  std::optional<double> mean_level;
  std::optional<double> need_share;     // needs / rated
  bool suppressed = false;              // hidden on its own by the small-group rule (figures null)
};

struct AreaFigures {
  std::string code;
  std::string name;
  std::optional<std::size_t> ratings;
  std::optional<double> mean_level;
  std::optional<double> need_share;               // needs / ratings
  std::optional<double> people_with_need_share;   // people with ≥1 need here / people rated here
  std::optional<std::size_t> motivation_answers;
  std::optional<double> high_motivation_share;    // answers ≥ 4 / answers
  bool suppressed = false;                        // hidden on its own by the small-group rule
};

struct GroupCompetencyFigures {
  std::string code;
  std::optional<std::size_t> rated;
  std::optional<double> need_share;
  bool suppressed = false;  // hidden on its own by the small-group rule
};

struct GroupFigures {
  std::string key;   // unit code, role, or K/M/X
  std::string name;
  bool suppressed = false;
  std::optional<std::size_t> people;
  std::optional<std::size_t> assessed;
  std::optional<double> share_with_need;
  std::vector<GroupCompetencyFigures> competencies;
};

struct GapReport {
  std::string round;
  LevelBasis basis = LevelBasis::kAgreed;
  bool suppressed = false;
  std::optional<std::size_t> people;
  std::optional<std::size_t> assessed;
  std::optional<double> participation;    // mean of the competencies' participation (with suppression: of those shown)
  std::optional<double> share_with_need;  // people with ≥1 need / assessed
  // People by assessment status in the one status model (core/assessment/assessment_progress.hpp),
  // indexed by Progress: not started, draft, self-assessed, conversation held, followed up.
  std::optional<std::array<std::size_t, kProgressStates>> status_counts;
  std::vector<AreaFigures> areas;
  std::vector<CompetencyFigures> competencies;
  std::vector<GroupFigures> groups;       // only with group_by
  // How `groups` were formed. Group names are Swedish ("Kvinnor"); a report in another language
  // names gender groups by their key (report/analytics/gap_charts.cpp).
  GroupBy group_by = GroupBy::kNone;
};

// Fails (kNotFound) for an unknown unit; an unknown role simply matches nobody.
[[nodiscard]] Result<GapReport> run_gap_query(const GapSnapshot& snapshot, const GapQuery& query);

struct AreaChange {
  std::string code;
  std::optional<double> need_share_pp;
  std::optional<double> mean_level_delta;
  std::optional<double> high_motivation_share_pp;
};
struct CompetencyChange {
  std::string code;
  std::optional<double> need_share_pp;
  std::optional<double> mean_level_delta;
};
struct GapComparison {
  std::string round;  // the earlier round
  std::optional<double> share_with_need_pp;
  std::optional<double> participation_pp;
  std::vector<AreaChange> areas;             // for the current report's areas, matched by code
  std::vector<CompetencyChange> competencies;
};

// Differences current − earlier: shares in percentage points, levels in level steps.
[[nodiscard]] GapComparison compare_reports(const GapReport& current, const GapReport& earlier);

}  // namespace trappa::core
