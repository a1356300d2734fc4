// The learning-activity catalogue over the shared SQL session (store/sql/sql_session.hpp).
// Internal to the store layer.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "store/learning/learning_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlLearningStore final : public LearningStore, private SqlCapability {
 public:
  explicit SqlLearningStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<ActivitySaveSummary> save_activities(const std::vector<core::LearningActivity>& activities,
                                                    const Actor& actor) override;
  core::Result<std::vector<core::LearningActivity>> load_activities() override;
  core::Result<ParticipationSaveSummary> save_participation(const std::vector<core::Participation>& rows,
                                                            const Actor& actor) override;
  core::Result<std::vector<core::Participation>> load_participation() override;
  core::Result<std::vector<core::Participation>> load_participation_of_person(const std::string& employee_id) override;
  core::Result<std::vector<core::Participation>> load_participation_of_activity(const std::string& activity) override;
  core::Result<void> save_plans(const std::vector<core::DevelopmentPlan>& plans, PlanWrite what,
                                const Actor& actor) override;
  core::Result<std::optional<core::DevelopmentPlan>> load_plan(const std::string& employee_id,
                                                               const std::string& round) override;
  core::Result<std::vector<core::DevelopmentPlan>> load_plans(const std::string& round) override;

 private:
  // Inserts `row`, or replaces the stored row of the same person and activity; the caller holds
  // the write transaction and writes the audit entry.
  void upsert_participation(const core::Participation& row, const std::string& now);
  // What changed on a participation row, for the audit trail: "status registered→attended, hours –→1.5".
  static std::string changed_participation(const core::Participation& before, const core::Participation& after);
  core::Result<std::vector<core::Participation>> participation_where(const char* condition, const std::string& value);
  core::Result<std::vector<core::DevelopmentPlan>> plans_where(const char* condition,
                                                               std::initializer_list<std::string> values);
  core::Result<std::vector<core::Participation>> load_participation_of(const std::vector<std::string>& employee_ids) override;
  core::Result<std::map<std::string, core::StoredXapiStatement>> load_xapi_statements(
      const std::vector<std::string>& ids) override;
  core::Result<void> save_xapi_batch(const core::XapiBatch& batch, const Actor& actor) override;
};

}  // namespace trappa::store
