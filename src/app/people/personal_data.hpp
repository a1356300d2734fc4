// A person's personal-data rights in the web application (Personuppgifter,
// docs/personal-data.md): reading their audit history, and handing out everything stored
// about them with the hand-out recorded first.
//
// The caller decides who may see the person (web/auth's access rules); this use case reads
// and records. Each call borrows one connection of the pool for its duration. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/published/store_pool.hpp"
#include "core/base/clock.hpp"
#include "core/base/result.hpp"
#include "core/people/person_record.hpp"

namespace trappa::app {

// A person's record as handed out, and the audit entry that recorded the hand-out (also the
// last entry of `record.audit`).
struct PersonExport {
  core::PersonRecord record;
  core::AuditEntry recorded;
};

class PersonalData {
 public:
  // `clock` stamps the audit entries and must outlive the use case.
  PersonalData(StorePool& pool, const core::Clock& clock) : pool_(pool), clock_(clock) {}

  // Every audit entry whose subject is the person, ordered by time and then by the order
  // written. kNotFound for an unknown person; kStorage.
  [[nodiscard]] core::Result<std::vector<core::AuditEntry>> history(const std::string& employee_id);

  // Everything stored about the person (read in one transaction), after recording
  // "person.export" with `actor` (an employee id) and `detail`: no copy leaves unrecorded.
  // nullopt for an unknown person (nothing recorded); kStorage, also when the record of the
  // hand-out cannot be written (then nothing is handed out).
  [[nodiscard]] core::Result<std::optional<PersonExport>> export_record(const std::string& employee_id,
                                                                        const std::string& actor,
                                                                        const std::string& detail);

 private:
  StorePool& pool_;
  const core::Clock& clock_;
};

}  // namespace trappa::app
