// Rounds, assessments and round facts over the shared SQL session (store/sql/sql_session.hpp). Internal to the store layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/assessment/round_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlRoundStore final : public RoundStore, private SqlCapability {
 public:
  explicit SqlRoundStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<void> create_round(const core::Round& round, const Actor& actor) override;
  core::Result<std::vector<core::Round>> list_rounds() override;
  core::Result<std::optional<core::Round>> load_round(const std::string& name) override;
  core::Result<void> set_round_state(const std::string& name, core::RoundState state, const Actor& actor) override;
  core::Result<std::optional<core::Assessment>> load_assessment(const std::string& round,
                                                                const std::string& employee_id) override;
  core::Result<core::Assessment> change_assessment(const std::string& round, const std::string& employee_id,
                                                   const AssessmentChange& change, const Actor& actor) override;
  core::Result<void> save_assessment(const core::Assessment& assessment, const Actor& actor) override;
  core::Result<void> save_assessments(const std::string& round, const std::vector<core::Assessment>& assessments,
                                      const Actor& actor) override;
  core::Result<std::vector<core::Assessment>> load_assessments(const std::string& round) override;
  core::Result<core::RoundFacts> load_round_facts(const std::string& round,
                                                  const std::vector<std::string>& employee_ids,
                                                  const core::Framework& framework) override;
  core::Result<std::vector<core::SentReminder>> load_reminders(const std::string& round) override;
  core::Result<void> record_reminders(const std::string& round, const std::vector<std::string>& employee_ids,
                                      const std::string& sent_at, std::int64_t sent_unix, const Actor& actor) override;

  // For the personal-data capability too: the round's assessments, or one person's.
  std::vector<core::Assessment> read_assessments(long long round_id, const std::string& round,
                                                 const std::string* only_employee);

 private:
  struct WritableRound {
    long long id = 0;
    core::RoundState state = core::RoundState::kDraft;
  };
  // The round's id and state; kNotFound for no such round, kConflict when it is closed.
  core::Result<WritableRound> writable_round(const std::string& round);
};

}  // namespace trappa::store
