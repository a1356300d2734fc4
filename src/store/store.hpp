// The store: Trappa's source of truth, over SQLite (embedded default) or PostgreSQL.
//
// One interface for both backends; callers never branch on the backend. The Store opens and
// migrates; its capabilities (organisation(), rounds(), ...) do the rest, each an interface
// in its own folder, store/<capability>/. Every method that
// writes several rows does so in one transaction, so a failure leaves the store as it was.
// A Store is not thread-safe: use one per thread (the web server keeps a small pool).
// Errors from the database driver are caught here and returned as Error{kStorage, ...}.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/people/person_record.hpp"

namespace trappa::store {

// Who did something and why, for the audit trail. `name` is an employee id, "cli:<name>",
// "demo" or "system".
struct Actor {
  std::string name;
  // An import's file name and the line of each key's first record in it — the employee id, an
  // activity's code, or a participation row's participation_source_key — so the entries an
  // import itemises end with " (people.csv:12)". Empty for other writes.
  std::string source{};
  std::unordered_map<std::string, int> source_lines{};
  // Whether people and assessments an import creates get an entry each, as changed ones
  // always do. The demo's synthetic organisation turns it off: millions of entries about
  // people who do not exist would only fill the trail.
  bool itemise_created = true;

  // " (FILE:LINE)", " (FILE)" when the line is unknown, or "" when there is no source.
  [[nodiscard]] std::string where(const std::string& key) const {
    if (source.empty()) return {};
    const auto line = source_lines.find(key);
    return " (" + source + (line == source_lines.end() ? std::string() : ":" + std::to_string(line->second)) + ")";
  }
};

// One entry of the audit trail (core/person_record.hpp). Entries about a person have the
// person's employee id as subject: "assessment.save", "assessment.import", "person.create",
// "person.update", "employment.update", "account.create", "account.update", "person.export",
// "person.erase". Imports also write one entry per file with a count ("import.people" under
// subject "people", "import.assessments" under the round's name, ...).
using AuditEntry = core::AuditEntry;

// The capabilities (one interface each, in store/<capability>/).
class OrganisationStore;
class EmploymentStore;
class FrameworkStore;
class RoundStore;
class AccessStore;
class AuditStore;
class PersonalDataStore;
class LearningStore;
class SettingsStore;
class MaturityStore;
class SupplyPlanStore;
class SurveyStore;
class ChangeFeed;

class Store {
 public:
  virtual ~Store() = default;

  // Opens (and creates, for SQLite) the store at `location`: a file path for SQLite, or a
  // "postgresql://..." URL. Does not migrate; call migrate() before use.
  [[nodiscard]] static core::Result<std::unique_ptr<Store>> open(std::string_view location);
  [[nodiscard]] virtual std::string_view backend_name() const = 0;  // "sqlite" or "postgresql"
  // Applies the migrations this build knows and the store has not seen, each in its own
  // transaction. Returns the schema version reached.
  [[nodiscard]] virtual core::Result<int> migrate() = 0;
  [[nodiscard]] virtual core::Result<int> schema_version() = 0;

  // The capabilities, each an interface of its own folder (store/<capability>/), valid as long
  // as the Store. A new capability adds its interface there and one accessor here.
  [[nodiscard]] virtual OrganisationStore& organisation() = 0;   // store/org/organisation_store.hpp
  [[nodiscard]] virtual EmploymentStore& employments() = 0;      // store/workforce/employment_store.hpp
  [[nodiscard]] virtual FrameworkStore& frameworks() = 0;        // store/framework/framework_store.hpp
  [[nodiscard]] virtual RoundStore& rounds() = 0;                // store/assessment/round_store.hpp
  [[nodiscard]] virtual AccessStore& access() = 0;              // store/access/access_store.hpp
  [[nodiscard]] virtual AuditStore& audit() = 0;                // store/audit/audit_store.hpp
  [[nodiscard]] virtual LearningStore& learning() = 0;         // store/learning/learning_store.hpp
  [[nodiscard]] virtual SettingsStore& settings() = 0;         // store/settings/settings_store.hpp
  [[nodiscard]] virtual MaturityStore& maturity() = 0;         // store/maturity/maturity_store.hpp
  [[nodiscard]] virtual SupplyPlanStore& supply_plans() = 0;  // store/supply_plan/supply_plan_store.hpp
  [[nodiscard]] virtual SurveyStore& surveys() = 0;            // store/maturity/survey_store.hpp
  [[nodiscard]] virtual PersonalDataStore& personal_data() = 0;  // store/people/personal_data_store.hpp
  [[nodiscard]] virtual ChangeFeed& changes() = 0;               // store/change_feed.hpp
};

// "postgresql://..." or "postgres://..." selects PostgreSQL; anything else is a SQLite path.
[[nodiscard]] bool is_postgresql_location(std::string_view location);

// The location as it may be shown: a PostgreSQL URL without its password (in the user part or
// as a password= parameter), so that error messages, logs and printed commands never carry it.
// A SQLite path is returned unchanged.
[[nodiscard]] std::string location_without_password(std::string_view location);

// The current time as an ISO 8601 UTC timestamp ("2026-11-23T08:15:00Z").
[[nodiscard]] std::string utc_timestamp_now();

}  // namespace trappa::store
