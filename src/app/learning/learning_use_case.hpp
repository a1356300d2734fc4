// The learning use cases over the store (docs/learning.md): the statistics of participants
// and hours, a person's ranked recommendations and the needs no activity covers. `trappa
// learning stats`, `trappa recommend` and `trappa learning uncovered` call them; the pages and the API are to call the same functions.
#pragma once

#include <optional>
#include <string>

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/learning/learning_stats.hpp"
#include "core/learning/participant_list.hpp"
#include "core/learning/recommendation.hpp"
#include "core/learning/uncovered_needs.hpp"
#include "store/store.hpp"

namespace trappa::app {

// Loads the organisation, the catalogue (with the frameworks it names) and every
// participation row, and runs core::compute_learning_stats; a target the query does not give
// comes from the organisation's settings (app/learning/learning_settings.hpp). Its errors,
// and kStorage.
[[nodiscard]] core::Result<core::LearningStats> run_learning_stats(store::Store& store,
                                                                   const core::LearningStatsQuery& query);

// The ESF participant list (core::participant_list) over the stored people, units, catalogue
// and rows; its errors, and kStorage.
[[nodiscard]] core::Result<std::vector<core::ParticipantListRow>> run_participant_list(
    store::Store& store, core::Date from, core::Date to, const std::optional<std::string>& unit);

struct RecommendationRequest {
  std::string employee_id;
  std::string round;
  std::optional<double> budget_hours;  // none: no limit
  core::Date on{};                     // candidates must not have ended before this day
};

struct PersonRecommendations {
  std::string employee_id;
  std::string round;
  core::RecommendationList list;
};

// The person's needs in the round (against the framework revision the round pinned) and
// core::recommend over the catalogue. kNotFound for an unknown person or round.
[[nodiscard]] core::Result<PersonRecommendations> run_recommendation(store::Store& store,
                                                                    const RecommendationRequest& request);

// The needs of round `round` that no activity of the catalogue could raise
// (core::find_uncovered_needs). kNotFound for an unknown round or unit.
[[nodiscard]] core::Result<core::UncoveredNeeds> run_uncovered_needs(store::Store& store, const std::string& round,
                                                                     const std::optional<std::string>& unit,
                                                                     core::UncoveredGrouping by);

}  // namespace trappa::app
