// Employment history over the shared SQL session (store/sql/sql_session.hpp). Internal to the store layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/workforce/employment_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlEmploymentStore final : public EmploymentStore, private SqlCapability {
 public:
  explicit SqlEmploymentStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<void> save_employments(const std::vector<core::Employment>& employments, const Actor& actor) override;
  core::Result<std::vector<core::Employment>> load_employments() override;
};

}  // namespace trappa::store
