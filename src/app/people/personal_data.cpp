#include "app/people/personal_data.hpp"

#include <utility>

#include "store/audit/audit_store.hpp"
#include "store/people/personal_data_store.hpp"

namespace trappa::app {

core::Result<std::vector<core::AuditEntry>> PersonalData::history(const std::string& employee_id) {
  auto lease = pool_.borrow();
  return lease->personal_data().load_person_audit(employee_id);
}

core::Result<std::optional<PersonExport>> PersonalData::export_record(const std::string& employee_id,
                                                                      const std::string& actor,
                                                                      const std::string& detail) {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(auto record, lease->personal_data().load_person_record(employee_id));
  if (!record) return std::nullopt;
  core::AuditEntry entry{clock_.utc_timestamp(), actor, "person.export", employee_id, detail};
  TRY(lease->audit().append_audit(entry));
  record->audit.push_back(entry);
  return PersonExport{std::move(*record), std::move(entry)};
}

}  // namespace trappa::app
