// The organisation's settings over the shared SQL session (store/sql/sql_session.hpp).
// Internal to the store layer.
#pragma once

#include "store/settings/settings_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlSettingsStore final : public SettingsStore, private SqlCapability {
 public:
  explicit SqlSettingsStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<std::map<std::string, std::string>> load_settings() override;
  core::Result<std::size_t> save_settings(const std::map<std::string, std::optional<std::string>>& values,
                                          const Actor& actor) override;
};

}  // namespace trappa::store
