// Erasing a person's identity and free texts while keeping the anonymous facts that
// statistics need (docs/personal-data.md explains what goes, what stays and why).
#include <soci/soci.h>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "store/people/sql_personal_data_store.hpp"
#include "store/sql/write_transaction.hpp"

namespace trappa::store {

using core::Result;

namespace {

// Replaces every occurrence of `needle` in `text`; true when anything was replaced.
bool replace_all_in(std::string& text, const std::string& needle, std::string_view replacement) {
  bool replaced = false;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + replacement.size())) {
    text.replace(at, needle.size(), replacement);
    replaced = true;
  }
  return replaced;
}

}  // namespace

Result<ErasureSummary> SqlPersonalDataStore::erase_person(const std::string& employee_id, const Actor& actor) {
  return guarded("erasing the person", [&]() -> Result<ErasureSummary> {
    WriteTransaction transaction(*session_, *dialect_);
    if (!person_exists(employee_id)) {
      return core::fail(core::ErrorKind::kNotFound, "no person with employee id '" + employee_id + "'");
    }
    if (is_erased(employee_id)) {
      return core::fail(core::ErrorKind::kConflict, "person '" + employee_id + "' was already erased");
    }
    ErasureSummary summary;

    // What goes: the texts that identify the person or that someone wrote freely about them.
    std::string name, email;
    *session_ << "SELECT name, email FROM people WHERE employee_id = :id", soci::use(employee_id), soci::into(name),
        soci::into(email);
    std::set<std::string> removed_texts;
    // A very short name ("Bo") would also match inside codes and words of other details.
    if (name.size() >= 3) removed_texts.insert(name);
    if (!email.empty()) removed_texts.insert(email);
    {
      soci::rowset<std::string> notes =
          (session_->prepare << "SELECT notes FROM assessments WHERE employee_id = :id AND notes <> ''",
           soci::use(employee_id));
      for (const std::string& note : notes) removed_texts.insert(note);
      soci::rowset<std::string> plan_notes =
          (session_->prepare << "SELECT note FROM development_plans WHERE employee_id = :id AND note <> ''",
           soci::use(employee_id));
      for (const std::string& note : plan_notes) removed_texts.insert(note);
    }

    const std::string erased_name(core::kErasedName);
    *session_ << "UPDATE people SET name = :name, email = '' WHERE employee_id = :id", soci::use(erased_name),
        soci::use(employee_id);
    {
      // Closed rounds too: a round's closing protects the ratings from change, not a free text
      // from the person's right to have it removed.
      soci::statement cleared = (session_->prepare << "UPDATE assessments SET notes = '' WHERE employee_id = :id "
                                                      "AND notes <> ''",
                                 soci::use(employee_id));
      cleared.execute(true);
      summary.assessments_cleared = static_cast<std::size_t>(cleared.get_affected_rows());
      // A development plan's note and its follow-ups' comments are free texts too.
      *session_ << "UPDATE development_plans SET note = '' WHERE employee_id = :id AND note <> ''",
          soci::use(employee_id);
      *session_ << "UPDATE plan_follow_ups SET comment = '' WHERE employee_id = :id AND comment <> ''",
          soci::use(employee_id);
    }
    {
      soci::statement sessions =
          (session_->prepare << "DELETE FROM sessions WHERE employee_id = :id", soci::use(employee_id));
      sessions.execute(true);
      summary.sessions_removed = static_cast<std::size_t>(sessions.get_affected_rows());
      soci::statement account =
          (session_->prepare << "DELETE FROM accounts WHERE employee_id = :id", soci::use(employee_id));
      account.execute(true);
      summary.account_removed = account.get_affected_rows() > 0;
    }
    // xAPI statements that credited the person hold their name and e-mail as the learning
    // platform sent them: only the id stays (the participation rows, anonymous facts, stay).
    *session_ << "UPDATE xapi_statements SET received = '{\"id\":\"' || id || '\"}', "
                 "statement = '{\"id\":\"' || id || '\"}' WHERE employee_id = :id",
        soci::use(employee_id);

    // The audit trail is append-only, with this one permitted change: in the same transaction
    // as the erasure, any removed text that an earlier entry about the person quotes is
    // replaced by core::kRedactedText. Details are written without names, e-mail addresses
    // or notes (describe_person_change, describe_assessment_change: "name changed", "notes
    // changed"), so normally nothing matches; the redaction guarantees that an entry written
    // by an older version, or appended by hand, cannot keep what the erasure removed. Who
    // did what and when, and every old → new level, stays as it was.
    if (!removed_texts.empty()) {
      std::vector<long long> redacted_ids;
      std::vector<std::string> redacted_details;
      long long entry_id = 0;
      std::string detail;
      soci::statement entries = (session_->prepare << "SELECT id, detail FROM audit_log WHERE subject = :id",
                                 soci::use(employee_id), soci::into(entry_id), soci::into(detail));
      entries.execute();
      while (entries.fetch()) {
        bool changed = false;
        for (const std::string& text : removed_texts) changed |= replace_all_in(detail, text, core::kRedactedText);
        if (changed) {
          redacted_ids.push_back(entry_id);
          redacted_details.push_back(detail);
        }
      }
      if (!redacted_ids.empty()) {
        *session_ << "UPDATE audit_log SET detail = :detail WHERE id = :id", soci::use(redacted_details),
            soci::use(redacted_ids);
      }
      summary.audit_entries_redacted = redacted_ids.size();
    }

    append_audit_in_transaction(
        {utc_timestamp_now(), actor.name, "person.erase", employee_id,
         fmt::format("removed name, e-mail, {}, notes of {} assessment(s); {} earlier audit entr{} redacted; kept "
                     "ratings, motivation, priorities, unit, role, gender, birth year, manager and employments",
                     summary.account_removed ? fmt::format("account and {} session(s)", summary.sessions_removed)
                                             : std::string("no account"),
                     summary.assessments_cleared, summary.audit_entries_redacted,
                     summary.audit_entries_redacted == 1 ? "y" : "ies")});
    record_change_in_transaction(ChangeKind::kOrganisation);
    transaction.commit();
    return summary;
  });
}

}  // namespace trappa::store
