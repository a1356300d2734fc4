// The learning data a serving process holds (docs/learning.md, "In the web"): the catalogue,
// the frameworks it names, every participation row as core::LearningFacts over the published
// directory's people and units, the places each activity holds and the targets of the
// organisation's settings. Loaded with the published
// state and again when the change feed records a `learning` change (app/serving/services.hpp).
// Immutable after load: thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "app/published/directory.hpp"
#include "core/assessment/assessment.hpp"
#include "core/base/result.hpp"
#include "core/learning/learning_stats.hpp"
#include "core/learning/participant_list.hpp"
#include "core/learning/recommendation.hpp"
#include "store/store.hpp"

namespace trappa::app {

class LearningInputs {
 public:
  [[nodiscard]] static core::Result<std::shared_ptr<const LearningInputs>> load(
      store::Store& store, std::shared_ptr<const Directory> directory);

  // core::compute_learning_stats over the rows held; its errors.
  [[nodiscard]] core::Result<core::LearningStats> stats(const core::LearningStatsQuery& query) const;

  // core::recommend for the person (an index into the directory's people) with the given
  // assessment and the round's framework; the person's own rows come from the facts. Time
  // linear in the catalogue and the person's rows.
  [[nodiscard]] core::RecommendationList recommend(std::uint32_t person, const core::Assessment* assessment,
                                                   const core::Framework& framework, core::Date on,
                                                   std::optional<double> budget_hours) const;

  // core::participant_list over the rows held; its errors.
  [[nodiscard]] core::Result<std::vector<core::ParticipantListRow>> participant_list(
      core::Date from, core::Date to, const std::optional<std::string>& unit) const;

  [[nodiscard]] const std::vector<core::LearningActivity>& activities() const { return activities_; }
  // The targets of the organisation's settings (app/learning/learning_settings.hpp).
  [[nodiscard]] const core::LearningTargets& targets() const { return targets_; }
  // Every participation row as stored, by employee id and activity.
  [[nodiscard]] const std::vector<core::Participation>& participation() const { return rows_; }
  [[nodiscard]] const std::vector<core::Framework>& frameworks() const { return frameworks_; }
  // The places each activity's registered and attended rows take, parallel to activities().
  [[nodiscard]] const std::vector<std::size_t>& places() const { return places_; }
  [[nodiscard]] const Directory& directory() const { return *directory_; }

 private:
  std::shared_ptr<const Directory> directory_;
  std::vector<core::LearningActivity> activities_;
  std::vector<core::Framework> frameworks_;
  core::LearningFacts facts_;
  core::LearningTargets targets_;
  std::vector<core::Participation> rows_;
  std::vector<std::size_t> places_;
};

}  // namespace trappa::app
