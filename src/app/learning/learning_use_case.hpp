// The learning use cases over the store (docs/learning.md): the statistics of participants
// and hours, and a person's ranked recommendations. `trappa learning stats` and
// `trappa recommend` call them; the pages and the API are to call the same functions.
#pragma once

#include <optional>
#include <string>

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/learning/learning_stats.hpp"
#include "core/learning/recommendation.hpp"
#include "store/store.hpp"

namespace trappa::app {

// Loads the organisation, the catalogue (with the frameworks it names) and every
// participation row, and runs core::compute_learning_stats. Its errors, and kStorage.
[[nodiscard]] core::Result<core::LearningStats> run_learning_stats(store::Store& store,
                                                                   const core::LearningStatsQuery& query);

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

}  // namespace trappa::app
