// The learning statistics and a person's recommendations as JSON, CSV and a text table
// (docs/learning.md, "Statistics" and "Recommendations"; the JSON field names are contracts).
// Hours are rounded to two decimals. Pure functions.
#pragma once

#include <string>

#include "core/learning/learning_stats.hpp"
#include "core/learning/recommendation.hpp"
#include "core/learning/uncovered_needs.hpp"
#include "io/csv/csv_writer.hpp"

namespace trappa::io {

// { "from", "to", "unit" (or null), "by" (or null), "participants": {total,K,M,X},
//   "hours": {total, per_participant (or null)},
//   "registrations": {registered, attended, no_show, cancelled},
//   "targets": {participants, hours_per_participant, met} (each null when not set),
//   "groups": [{key, name, participants, hours, registrations}] }
[[nodiscard]] std::string write_learning_stats_json(const core::LearningStats& stats,
                                                    const core::LearningStatsQuery& query);
// One record for the total (group "total") and one per group:
// group,name,participants,participants_K,participants_M,participants_X,hours,hours_per_participant,
// registered,attended,no_show,cancelled.
[[nodiscard]] std::string write_learning_stats_csv(const core::LearningStats& stats, const CsvDialect& dialect);
[[nodiscard]] std::string write_learning_stats_table(const core::LearningStats& stats,
                                                     const core::LearningStatsQuery& query);

// { "employee_id", "round", "budget_hours" (or null), "needs": [{competency, level, expected}],
//   "recommendations": [{activity, title, hours, gain, closes: [{competency, from, to}]}],
//   "total_hours", "steps_closed", "steps_open", "uncovered": [codes] }
[[nodiscard]] std::string write_recommendations_json(const std::string& employee_id, const std::string& round,
                                                     const core::RecommendationList& list);
[[nodiscard]] std::string write_recommendations_table(const std::string& employee_id, const std::string& round,
                                                      const core::RecommendationList& list);

// { "round", "unit" (or null), "by" (or null), "people_with_need", "people_uncovered", "needs",
//   "needs_uncovered", "groups": [{key, name, people_with_need, people_uncovered, needs,
//   needs_uncovered}] }; CSV: group,name and the same four counts, the first record "total".
[[nodiscard]] std::string write_uncovered_json(const core::UncoveredNeeds& needs, const std::string& round,
                                               const std::optional<std::string>& unit, core::UncoveredGrouping by);
[[nodiscard]] std::string write_uncovered_csv(const core::UncoveredNeeds& needs, const CsvDialect& dialect);
[[nodiscard]] std::string write_uncovered_table(const core::UncoveredNeeds& needs, const std::string& round);

}  // namespace trappa::io
