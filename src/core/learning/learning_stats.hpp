// Participants and participant hours over a period (docs/learning.md, "Statistics"): the
// figures HR reports to the ESF and the committee, for the whole organisation or a unit's
// subtree, optionally in groups. Pure function over the organisation, the catalogue and the
// participation rows; the caller applies any small-group rule for wide audiences.
//
// Definitions (exactly as issue 16 states them):
//   participants   distinct people with at least one `attended` row dated within the period,
//                  in total and by the person's gender (K, M, X);
//   hours          the sum of credited hours of those rows, and total / participants
//                  (nullopt when nobody took part);
//   registrations  rows dated within the period, by status;
//   targets        participants and hours per participant to reach; `met` when both are.
// In groups by activity, format, area or month a person counts in every group they attended
// in; by area, an activity's rows count in every area among its competencies, so area
// totals may add up to more than the overall total.
#pragma once

#include <array>
#include <cstdint>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/framework/framework.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "core/org/org.hpp"
#include "core/org/unit_tree.hpp"

namespace trappa::core {

enum class LearningGrouping { kNone, kGender, kUnit, kActivity, kFormat, kArea, kMonth };

// "gender", "unit", "activity", "format", "area", "month" (kNone has no code).
[[nodiscard]] std::string_view to_code(LearningGrouping grouping);
[[nodiscard]] std::optional<LearningGrouping> parse_learning_grouping(std::string_view text);

struct LearningTargets {
  std::optional<double> participants;
  std::optional<double> hours_per_participant;
};

struct LearningStatsQuery {
  Date from{};                         // the period, both days included
  Date to{};
  std::optional<std::string> unit;     // a unit's code: its whole subtree; none: everyone
  LearningGrouping by = LearningGrouping::kNone;  // kUnit: the children of the selected unit
  LearningTargets targets;
};

struct LearningFigures {
  std::string key;   // the group's code (gender letter, unit code, activity code, "2025-03" …)
  std::string name;  // its name for people (unit or activity name, area name); else the key
  std::size_t participants = 0;
  std::array<std::size_t, 3> participants_by_gender{};  // indexed by Gender: K, M, X
  double hours = 0;
  std::optional<double> hours_per_participant;
  std::array<std::size_t, kParticipationStatuses> registrations{};  // indexed by ParticipationStatus
};

struct LearningStats {
  LearningFigures total;
  LearningTargets targets;
  std::optional<bool> met;  // nullopt when no target is set
  std::vector<LearningFigures> groups;  // empty without grouping; in key order (units: tree order)
};

// The participation rows as the statistics read them: integers by the index of the person (in
// `people`), their unit (in the tree) and the activity (in `activities`), a person's rows next
// to each other. Build once per set of rows (the server holds it); queries then never look up
// a code. Rows of unknown people or activities are left out.
struct LearningFacts {
  struct Row {
    std::uint32_t person = 0;
    std::uint32_t unit = 0;        // UnitTree index; kNoUnit when the person's unit is unknown
    std::int32_t day = 0;          // core::day_number of the row's date
    float hours = 0;               // credited hours (0 unless attended)
    std::uint16_t activity = 0;
    ParticipationStatus status = ParticipationStatus::kRegistered;
    Gender gender = Gender::kOther;
  };
  static constexpr std::uint32_t kNoUnit = 0xFFFFFFFF;
  std::vector<Row> rows;
};

[[nodiscard]] LearningFacts build_learning_facts(const std::vector<Person>& people, const UnitTree& tree,
                                                 const std::vector<LearningActivity>& activities,
                                                 const std::vector<Participation>& rows);

// kNotFound when `query.unit` names no unit; kInvalidInput when `to` is before `from`.
// `facts` were built from the same people, tree and activities. Time linear in the rows, plus
// the units for --by unit; nothing is looked up by code.
[[nodiscard]] Result<LearningStats> compute_learning_stats(const UnitTree& tree,
                                                           const std::vector<LearningActivity>& activities,
                                                           const std::vector<Framework>& frameworks,
                                                           const LearningFacts& facts, const LearningStatsQuery& query);

// The same from the rows as stored (builds the facts first).
[[nodiscard]] Result<LearningStats> compute_learning_stats(const std::vector<Person>& people, const UnitTree& tree,
                                                           const std::vector<LearningActivity>& activities,
                                                           const std::vector<Framework>& frameworks,
                                                           const std::vector<Participation>& rows,
                                                           const LearningStatsQuery& query);

}  // namespace trappa::core
