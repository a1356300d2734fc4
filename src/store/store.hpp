// The store: Trappa's source of truth, over SQLite (embedded default) or PostgreSQL.
//
// One interface for both backends; callers never branch on the backend. Every method that
// writes several rows does so in one transaction, so a failure leaves the store as it was.
// A Store is not thread-safe: use one per thread (the web server keeps a small pool).
// Errors from the database driver are caught here and returned as Error{kStorage, ...}.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/account.hpp"
#include "core/assessment/assessment.hpp"
#include "core/workforce/employment.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"
#include "core/people/person_record.hpp"
#include "core/base/result.hpp"
#include "core/assessment/round_facts.hpp"

namespace trappa::store {

// Who did something and why, for the audit trail. `actor` is a user name, "cli:<user>" or
// "system".
struct Actor {
  std::string name;
};

struct FrameworkSummary {
  std::string id;
  std::string name;
  std::string version;
  int revision = 0;
  std::size_t competencies = 0;
  std::size_t roles = 0;
};

struct StoredFramework {
  core::Framework framework;
  int revision = 0;
};

// One entry of the audit trail (core/person_record.hpp). Entries about a person have the
// person's employee id as subject: "assessment.save", "assessment.import", "person.create",
// "person.update", "employment.update", "account.create", "account.update", "person.export",
// "person.erase". Imports also write one entry per file with a count ("import.people" under
// subject "people", "import.assessments" under the round's name, ...).
using AuditEntry = core::AuditEntry;

// What an erasure removed (Store::erase_person).
struct ErasureSummary {
  std::size_t assessments_cleared = 0;  // assessments whose notes were emptied
  bool account_removed = false;
  std::size_t sessions_removed = 0;
  std::size_t audit_entries_redacted = 0;  // earlier entries whose detail held a removed text
};

class Store {
 public:
  // Opens (and creates, for SQLite) the store at `location`: a file path for SQLite, or a
  // "postgresql://..." URL. Does not migrate; call migrate() before use.
  [[nodiscard]] static core::Result<std::unique_ptr<Store>> open(std::string_view location);

  virtual ~Store() = default;

  [[nodiscard]] virtual std::string_view backend_name() const = 0;  // "sqlite" or "postgresql"

  // Applies the migrations this build knows and the store has not seen, each in its own
  // transaction. Returns the schema version reached.
  [[nodiscard]] virtual core::Result<int> migrate() = 0;
  [[nodiscard]] virtual core::Result<int> schema_version() = 0;

  // Organisation. Units and people are upserted by code / employee id; nothing is deleted.
  // References (parent unit, person's unit, manager) must resolve within the store after the
  // write, or the whole write is refused.
  [[nodiscard]] virtual core::Result<std::vector<core::Unit>> load_units() = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Person>> load_people() = 0;
  [[nodiscard]] virtual core::Result<void> save_units(const std::vector<core::Unit>& units, const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<void> save_people(const std::vector<core::Person>& people, const Actor& actor) = 0;

  // Employment history. Saving replaces the whole history of every person named in
  // `employments` (their other employments are deleted) in one transaction, and audits it;
  // people not named keep theirs. Every person and unit must exist. Loading returns all
  // employments ordered by employee id (byte order) and start date.
  [[nodiscard]] virtual core::Result<void> save_employments(const std::vector<core::Employment>& employments,
                                                            const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Employment>> load_employments() = 0;

  // Frameworks. Saving content that differs from the latest revision creates a new revision
  // (returned); saving identical content returns the existing revision and writes nothing.
  [[nodiscard]] virtual core::Result<int> save_framework(const core::Framework& framework, const Actor& actor) = 0;
  // The latest revision, or the given one; nullopt when there is none.
  [[nodiscard]] virtual core::Result<std::optional<StoredFramework>> load_framework(
      const std::string& id, std::optional<int> revision = std::nullopt) = 0;
  [[nodiscard]] virtual core::Result<std::vector<FrameworkSummary>> list_frameworks() = 0;

  // Assessment rounds. Names are unique; a new round starts as a draft.
  [[nodiscard]] virtual core::Result<void> create_round(const core::Round& round, const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Round>> list_rounds() = 0;
  [[nodiscard]] virtual core::Result<std::optional<core::Round>> load_round(const std::string& name) = 0;
  [[nodiscard]] virtual core::Result<void> set_round_state(const std::string& name, core::RoundState state,
                                                           const Actor& actor) = 0;

  // Assessments. Saving replaces the person's whole assessment in the round (ratings,
  // motivation, priorities) in one transaction and audits the change; a closed round refuses
  // writes with a kConflict error. Validation is the caller's (core/assessment_rules.hpp).
  [[nodiscard]] virtual core::Result<std::optional<core::Assessment>> load_assessment(
      const std::string& round, const std::string& employee_id) = 0;
  [[nodiscard]] virtual core::Result<void> save_assessment(const core::Assessment& assessment, const Actor& actor) = 0;
  // Many assessments of one round at once (imports, demo), all or nothing.
  [[nodiscard]] virtual core::Result<void> save_assessments(const std::string& round,
                                                            const std::vector<core::Assessment>& assessments,
                                                            const Actor& actor) = 0;
  // Every assessment of a round, for exports and person-level pages.
  [[nodiscard]] virtual core::Result<std::vector<core::Assessment>> load_assessments(const std::string& round) = 0;
  // The round's facts for the analytics snapshot. `employee_ids[i]` is person i; the
  // framework gives competency and area indexes. People not listed are skipped.
  [[nodiscard]] virtual core::Result<core::RoundFacts> load_round_facts(const std::string& round,
                                                                        const std::vector<std::string>& employee_ids,
                                                                        const core::Framework& framework) = 0;

  // Accounts of the web application (one per person) and their sessions. Saving an account
  // upserts it and audits the change (never the password hash). Sessions are looked up by the
  // digest of their token; deleting the expired ones is the caller's housekeeping.
  [[nodiscard]] virtual core::Result<void> save_account(const core::Account& account, const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<std::optional<core::Account>> load_account(const std::string& employee_id) = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Account>> list_accounts() = 0;
  [[nodiscard]] virtual core::Result<void> create_session(const core::SessionRecord& session) = 0;
  [[nodiscard]] virtual core::Result<std::optional<core::SessionRecord>> load_session(const std::string& token_digest) = 0;
  [[nodiscard]] virtual core::Result<void> delete_session(const std::string& token_digest) = 0;
  // Moves a session's expiry (the idle timeout slides with use). Returns false when the
  // session is gone (signed out or swept meanwhile): it is never brought back.
  [[nodiscard]] virtual core::Result<bool> touch_session(const std::string& token_digest,
                                                         const std::string& expires_at) = 0;
  // Deletes sessions that expired before `now` (ISO 8601 UTC), or every session of
  // `employee_id` when it is given (after a password change). Returns how many went.
  [[nodiscard]] virtual core::Result<std::size_t> delete_sessions(const std::string& now,
                                                                 const std::string& employee_id = {}) = 0;

  // The audit trail is append-only: there is no method to change or delete an entry (the
  // one exception is erase_person's redaction, below).
  [[nodiscard]] virtual core::Result<void> append_audit(const AuditEntry& entry) = 0;
  [[nodiscard]] virtual core::Result<std::vector<AuditEntry>> load_audit(const std::string& subject) = 0;

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

// "postgresql://..." or "postgres://..." selects PostgreSQL; anything else is a SQLite path.
[[nodiscard]] bool is_postgresql_location(std::string_view location);

// The location as it may be shown: a PostgreSQL URL without its password (in the user part or
// as a password= parameter), so that error messages, logs and printed commands never carry it.
// A SQLite path is returned unchanged.
[[nodiscard]] std::string location_without_password(std::string_view location);

// The current time as an ISO 8601 UTC timestamp ("2026-11-23T08:15:00Z").
[[nodiscard]] std::string utc_timestamp_now();

}  // namespace trappa::store
