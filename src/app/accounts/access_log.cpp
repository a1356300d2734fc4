#include "app/accounts/access_log.hpp"

#include "store/audit/audit_store.hpp"

namespace trappa::app {

core::Result<void> AccessLog::record(const std::string& employee_id, const std::string& action,
                                     const std::string& detail) {
  auto lease = pool_.borrow();
  return lease->audit().append_audit(core::AuditEntry{clock_.utc_timestamp(), employee_id, action, employee_id, detail});
}

}  // namespace trappa::app
