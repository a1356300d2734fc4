// The audit trail over the shared SQL session (store/sql/sql_session.hpp). Internal to the store layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/audit/audit_store.hpp"
#include "store/sql/sql_session.hpp"

namespace trappa::store {

class SqlAuditStore final : public AuditStore, private SqlCapability {
 public:
  explicit SqlAuditStore(SqlSession& sql) : SqlCapability(sql) {}

  core::Result<void> append_audit(const AuditEntry& entry) override;
  core::Result<std::vector<AuditEntry>> load_audit(const std::string& subject) override;
};

}  // namespace trappa::store
