// The change feed over the shared SQL session (store/sql/sql_session.hpp). Internal to the store layer.
#pragma once

#include "store/change_feed.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlChangeFeed final : public ChangeFeed, private SqlCapability {
 public:
  explicit SqlChangeFeed(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<long long> latest_change() override;
  core::Result<std::vector<Change>> changes_after(long long after, std::size_t limit) override;
  core::Result<void> wait_for_changes(std::chrono::milliseconds timeout) override;
};

}  // namespace trappa::store
