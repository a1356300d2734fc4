// The learning statistics and a person's recommendations as JSON, CSV and a text table
// (docs/learning.md, "Statistics" and "Recommendations"; the JSON field names are contracts).
// Hours are rounded to two decimals. Pure functions.
#pragma once

#include <string>

#include "core/learning/learning_disclosure.hpp"
#include "core/learning/learning_stats.hpp"
#include "core/learning/participant_list.hpp"
#include "core/learning/recommendation.hpp"
#include "core/learning/uncovered_needs.hpp"
#include "io/csv/csv_writer.hpp"

namespace trappa::io {

// { "from", "to", "unit" (or null), "by" (or null), "participants": {total,K,M,X},
//   "hours": {total, per_participant (or null)},
//   "registrations": {registered, attended, no_show, cancelled},
//   "targets": {participants, hours_per_participant, met} (each null when not set),
//   "groups": [{key, name, participants, hours, registrations}] }
// With `disclosure` (observers, managers with the overview; core/learning/learning_disclosure.hpp)
// the root gains "min_group": K, the total and each group "suppressed": true|false; a hidden
// cell has "participants", "hours" and "registrations" null (and "targets.met" null when it is
// the total), a hidden gender is null, groups' genders are null and "registrations" is null.
[[nodiscard]] std::string write_learning_stats_json(const core::LearningStats& stats,
                                                    const core::LearningStatsQuery& query,
                                                    const core::LearningDisclosure* disclosure = nullptr);
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

// The ESF participant list (docs/learning.md, "Participant list"): the header
// employee_id,name,gender,unit,unit_name,activity,activity_title,date,hours and one record per
// row; hours with '.' as in every cell of the table (an XLSX sheet holds them as text).
[[nodiscard]] std::vector<std::vector<std::string>> participant_list_table(
    const std::vector<core::ParticipantListRow>& rows);
// The same as CSV in `dialect` (hours with the dialect's decimal mark, texts neutralised).
[[nodiscard]] std::string write_participant_list_csv(const std::vector<core::ParticipantListRow>& rows,
                                                     const CsvDialect& dialect);

}  // namespace trappa::io
