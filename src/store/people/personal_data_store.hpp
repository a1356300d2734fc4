// Personal-data rights (docs/personal-data.md): a person's whole record, history and erasure.
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/people/person_record.hpp"
#include "store/store.hpp"

namespace trappa::store {

// What an erasure removed (PersonalDataStore::erase_person).
struct ErasureSummary {
  std::size_t assessments_cleared = 0;  // assessments whose notes were emptied
  bool account_removed = false;
  std::size_t sessions_removed = 0;
  std::size_t audit_entries_redacted = 0;  // earlier entries whose detail held a removed text
};

class PersonalDataStore {
 public:
  virtual ~PersonalDataStore() = default;

  // Personal-data rights (docs/personal-data.md).
  //
  // The person's audit history: every entry whose subject is the employee id (their
  // assessments, record, employments, account, exports, erasure), ordered by time and then
  // by the order written. kNotFound for an unknown person.
  [[nodiscard]] virtual core::Result<std::vector<AuditEntry>> load_person_audit(const std::string& employee_id) = 0;
  // Everything stored about the person, read in one transaction; nullopt for an unknown
  // person. The account comes without its password hash.
  [[nodiscard]] virtual core::Result<std::optional<core::PersonRecord>> load_person_record(
      const std::string& employee_id) = 0;
  // Removes the person's identity and free texts in one transaction and records
  // "person.erase": the name becomes core::kErasedName and the e-mail empty, the account and
  // its sessions are deleted, the notes of every assessment (closed rounds too) are emptied,
  // and earlier audit entries about the person have any occurrence of the removed name, e-mail
  // or notes replaced by core::kRedactedText. Ratings, motivation, priorities, unit, role,
  // gender, birth year, manager and employments stay, so statistics do not change. Later
  // imports keep an erased person erased, and no account can be made for them.
  // kNotFound for an unknown person, kConflict for one already erased.
  [[nodiscard]] virtual core::Result<ErasureSummary> erase_person(const std::string& employee_id,
                                                                  const Actor& actor) = 0;
};

}  // namespace trappa::store
