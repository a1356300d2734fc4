// Saving one assessment: the use case behind every save path (Min skattning, the
// conversation page, PUT /api/v1/rounds/R/assessments/ID).
//
// In one store write transaction, under the lock every writer of that assessment takes, it
// loads what is stored, applies the editor's change (core/assessment/assessment_edit.hpp),
// validates, writes and audits; then it publishes the stored result to the round registry.
// Saves of one assessment on this node run one at a time from the lock to the publication,
// so the published snapshot follows the commits' order. Thread-safe.
#pragma once

#include <array>
#include <mutex>
#include <string>

#include "app/published/round_registry.hpp"
#include "app/published/store_pool.hpp"
#include "core/assessment/assessment_edit.hpp"
#include "core/org/org.hpp"

namespace trappa::app {

class AssessmentService {
 public:
  AssessmentService(StorePool& pool, RoundRegistry& rounds) : pool_(pool), rounds_(rounds) {}

  // What the store holds for `employee_id` in `round` now: notes and priorities, which the
  // snapshot lacks; an empty assessment when the person has none yet.
  [[nodiscard]] core::Result<core::Assessment> load(const std::string& round, const std::string& employee_id);

  // Re-reads the person's assessment in `round` from `store` and publishes it: a change made
  // elsewhere (another node, an import) that the change feed reported. Ordered with this
  // node's own saves of the same assessment. A person or round the published state does not
  // hold is skipped.
  [[nodiscard]] core::Result<void> refresh(store::Store& store, const std::string& round,
                                           const std::string& employee_id);

  // Applies `edit` to `person`'s assessment in `round`. On success `after` is what is stored
  // (and published); on refusal `refusal` says why — kConflict (round not open, conversation
  // held), kForbidden, kInvalidInput with the problems, kNotFound, kStorage — and `after` is
  // the assessment as the edit would have left it, for showing the form again.
  [[nodiscard]] core::EditOutcome save(const std::string& round, const core::Person& person,
                                       const core::AssessmentEdit& edit);

 private:
  std::mutex& order_of(const std::string& round, const std::string& employee_id);

  StorePool& pool_;
  RoundRegistry& rounds_;
  // Striped so that saves of different people rarely wait for each other.
  std::array<std::mutex, 64> order_;
};

}  // namespace trappa::app
