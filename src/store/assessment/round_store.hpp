// Assessment rounds, their assessments and the facts the analytics snapshot is built from.
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/assessment/round_facts.hpp"
#include "core/base/result.hpp"
#include "core/framework/framework.hpp"
#include "store/store.hpp"

namespace trappa::store {

class RoundStore {
 public:
  virtual ~RoundStore() = default;

  // Assessment rounds. Names are unique; a new round starts as a draft.
  [[nodiscard]] virtual core::Result<void> create_round(const core::Round& round, const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Round>> list_rounds() = 0;
  [[nodiscard]] virtual core::Result<std::optional<core::Round>> load_round(const std::string& name) = 0;
  [[nodiscard]] virtual core::Result<void> set_round_state(const std::string& name, core::RoundState state,
                                                           const Actor& actor) = 0;
  // Assessments. Saving replaces the person's whole assessment in the round (ratings,
  // motivation, priorities) in one transaction and audits the change; a closed round refuses
  // writes with a kConflict error. Validation is the caller's (core/assessment_rules.hpp).
  [[nodiscard]] virtual core::Result<std::optional<core::Assessment>> load_assessment(
      const std::string& round, const std::string& employee_id) = 0;
  [[nodiscard]] virtual core::Result<void> save_assessment(const core::Assessment& assessment, const Actor& actor) = 0;
  // Many assessments of one round at once (imports, demo), all or nothing.
  [[nodiscard]] virtual core::Result<void> save_assessments(const std::string& round,
                                                            const std::vector<core::Assessment>& assessments,
                                                            const Actor& actor) = 0;
  // Every assessment of a round, for exports and person-level pages.
  [[nodiscard]] virtual core::Result<std::vector<core::Assessment>> load_assessments(const std::string& round) = 0;
  // The round's facts for the analytics snapshot. `employee_ids[i]` is person i; the
  // framework gives competency and area indexes. People not listed are skipped.
  [[nodiscard]] virtual core::Result<core::RoundFacts> load_round_facts(const std::string& round,
                                                                        const std::vector<std::string>& employee_ids,
                                                                        const core::Framework& framework) = 0;
};

}  // namespace trappa::store
