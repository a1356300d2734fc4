#include "store/audit/sql_audit_store.hpp"

#include <soci/soci.h>

namespace trappa::store {

using core::Result;

Result<void> SqlAuditStore::append_audit(const AuditEntry& entry) {
  return guarded("writing the audit trail", [&]() -> Result<void> {
    append_audit_in_transaction(entry);
    return {};
  });
}

Result<std::vector<AuditEntry>> SqlAuditStore::load_audit(const std::string& subject) {
  return guarded("reading the audit trail", [&]() -> Result<std::vector<AuditEntry>> {
    std::vector<AuditEntry> entries;
    soci::rowset<soci::row> rows = (session_->prepare << "SELECT at, actor, action, subject, detail FROM audit_log "
                                                         "WHERE subject = :subject ORDER BY id",
                                    soci::use(subject));
    for (const soci::row& row : rows) {
      entries.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                         row.get<std::string>(3), row.get<std::string>(4)});
    }
    return entries;
  });
}

}  // namespace trappa::store
