// The learning-activity catalogue over the shared SQL session (store/sql/sql_session.hpp).
// Internal to the store layer.
#pragma once

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
};

}  // namespace trappa::store
