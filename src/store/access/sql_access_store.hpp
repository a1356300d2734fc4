// Accounts and sessions over the shared SQL session (store/sql/sql_session.hpp). Internal to the store layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/access/access_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlAccessStore final : public AccessStore, private SqlCapability {
 public:
  explicit SqlAccessStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<void> save_account(const core::Account& account, const Actor& actor) override;
  core::Result<std::optional<core::Account>> load_account(const std::string& employee_id) override;
  core::Result<std::vector<core::Account>> list_accounts() override;
  core::Result<bool> revoke_account(const std::string& employee_id, const Actor& actor) override;
  core::Result<bool> create_api_client(const core::ApiClient& client, const Actor& actor) override;
  core::Result<std::optional<core::ApiClient>> load_api_client(const std::string& name) override;
  core::Result<std::vector<core::ApiClient>> list_api_clients() override;
  core::Result<bool> revoke_api_client(const std::string& name, const Actor& actor) override;
  core::Result<void> create_session(const core::SessionRecord& session) override;
  core::Result<std::optional<core::SessionRecord>> load_session(const std::string& token_digest) override;
  core::Result<void> delete_session(const std::string& token_digest) override;
  core::Result<bool> touch_session(const std::string& token_digest, const std::string& expires_at) override;
  core::Result<std::size_t> delete_sessions(const std::string& now, const std::string& employee_id) override;
  core::Result<std::optional<core::ThrottleCounter>> load_throttle_counter(const std::string& scope,
                                                                          const std::string& key) override;
  core::Result<void> change_throttle_counter(const std::string& scope, const std::string& key,
                                             const core::ThrottleCounters::Change& change) override;
  core::Result<std::size_t> delete_idle_throttle_counters(const std::string& scope, std::int64_t now_ms,
                                                          std::int64_t active_since_ms) override;
  core::Result<std::string> shared_secret(const std::string& name, const std::string& candidate) override;
};

}  // namespace trappa::store
