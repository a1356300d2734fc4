// Frameworks and revisions over the shared SQL session (store/sql/sql_session.hpp). Internal to the store layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/framework/framework_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlFrameworkStore final : public FrameworkStore, private SqlCapability {
 public:
  explicit SqlFrameworkStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<int> save_framework(const core::Framework& framework, const Actor& actor) override;
  core::Result<std::optional<StoredFramework>> load_framework(const std::string& id,
                                                              std::optional<int> revision) override;
  core::Result<std::vector<FrameworkSummary>> list_frameworks() override;

 private:
  std::optional<int> latest_revision(const std::string& framework_id);
  core::Framework read_framework_revision(const std::string& framework_id, int revision);
};

}  // namespace trappa::store
