// Everything Trappa stores about one person, gathered for the personal-data rights: the
// export a person (or HR on their behalf) may ask for, and the audit history HR reads.
//
// Plain value types. The account never carries its password hash here: the record is made to
// leave the system, and a hash is a secret of the sign-in, not data about the person.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/account.hpp"
#include "core/assessment/assessment.hpp"
#include "core/workforce/employment.hpp"
#include "core/org/org.hpp"

namespace trappa::core {

// One entry of the append-only audit trail.
struct AuditEntry {
  std::string at;       // ISO 8601 UTC timestamp
  std::string actor;    // employee id of a web user, "cli:<login>", "demo" or "system"
  std::string action;   // "import.people", "assessment.save", "person.erase", ...
  std::string subject;  // employee id, framework id, round name, ...
  std::string detail;   // old → new, counts, file name; never a name, e-mail or free text

  bool operator==(const AuditEntry&) const = default;
};

// The person's assessment in one round, with the round it belongs to.
struct PersonAssessment {
  Round round;
  Assessment assessment;

  bool operator==(const PersonAssessment&) const = default;
};

struct PersonRecord {
  Person person;
  bool erased = false;                         // a "person.erase" entry exists for the person
  std::vector<Employment> employments;         // by start date
  std::vector<PersonAssessment> assessments;   // rounds in the order they were created
  std::optional<Account> account;              // password_hash always empty
  std::size_t sessions = 0;                    // signed-in browsers now
  std::vector<AuditEntry> audit;               // the person's history, oldest first

  bool operator==(const PersonRecord&) const = default;
};

// The name an erased person keeps: the column may not be empty, and pages that list people
// need something to show. Deliberately not a name anyone has.
inline constexpr std::string_view kErasedName = "(raderad)";

// What replaces an erased person's identity or free text found inside an audit detail.
inline constexpr std::string_view kRedactedText = "[raderat]";

}  // namespace trappa::core
