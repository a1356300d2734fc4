// Assessment rounds, their assessments and the facts the analytics snapshot is built from.
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/assessment/reminders.hpp"
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
  // Assessments. A closed round refuses writes with a kConflict error; validation is the
  // caller's (core/assessment/assessment_edit.hpp, core/assessment/assessment_rules.hpp).
  [[nodiscard]] virtual core::Result<std::optional<core::Assessment>> load_assessment(
      const std::string& round, const std::string& employee_id) = 0;
  // The write path of one assessment: in one write transaction, holding the lock on (round,
  // person) that every writer of that assessment takes (on every connection and node), it
  // loads the stored assessment (an empty one when there is none), passes it with the round's
  // state to `change`, writes what `change` returns and audits old → new values. Concurrent
  // changes of one assessment thus apply one after the other, each to the other's result. An
  // error from `change` rolls everything back and is returned as it is. Returns what is
  // stored now.
  using AssessmentChange =
      std::function<core::Result<core::Assessment>(const core::Assessment& before, core::RoundState round_state)>;
  [[nodiscard]] virtual core::Result<core::Assessment> change_assessment(const std::string& round,
                                                                         const std::string& employee_id,
                                                                         const AssessmentChange& change,
                                                                         const Actor& actor) = 0;
  // Replaces the person's whole assessment (ratings, motivation, priorities): a change_assessment
  // that ignores what was stored, for tools and tests that own the whole value.
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

  // Reminder e-mails (issue 13, "Who has not started"): every reminder sent in `round`, oldest
  // first, and recording those of one batch that were sent — in one transaction with one audit
  // entry "round.reminders" under the round's name (detail: how many, which employee ids) and
  // one "reminder.sent" under each person's employee id. `sent_at` is ISO 8601 UTC and
  // `sent_unix` the same instant in seconds. Nothing is written for an empty batch.
  [[nodiscard]] virtual core::Result<std::vector<core::SentReminder>> load_reminders(const std::string& round) = 0;
  [[nodiscard]] virtual core::Result<void> record_reminders(const std::string& round,
                                                            const std::vector<std::string>& employee_ids,
                                                            const std::string& sent_at, std::int64_t sent_unix,
                                                            const Actor& actor) = 0;
};

}  // namespace trappa::store
