// Erasing a person, on SQLite and PostgreSQL (see test_store.hpp): the identity and every free
// text go in one transaction, the anonymous facts that statistics read stay exactly as they
// were, the audit trail records the erasure and keeps no removed text, and the person can
// neither sign in nor come back through a later import.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "person_fixture.hpp"
#include "store/access/access_store.hpp"
#include "store/assessment/round_store.hpp"
#include "store/audit/audit_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/people/personal_data_store.hpp"
#include "store/workforce/employment_store.hpp"

namespace trappa::testing {
namespace {

class PersonErasure : public PersonStoreTest {
 protected:
  // What the statistics read (gap analytics, key figures), with the person's free texts and
  // identity blanked: these must not change when the person is erased.
  struct StatisticsInputs {
    std::vector<core::Person> people;
    std::vector<core::Employment> employments;
    std::vector<core::Assessment> assessments_2025, assessments_2026;
    bool operator==(const StatisticsInputs&) const = default;
  };

  StatisticsInputs statistics_inputs() {
    StatisticsInputs inputs;
    auto people = store().organisation().load_people();
    auto employments = store().employments().load_employments();
    auto closed = store().rounds().load_assessments("2025");
    auto open = store().rounds().load_assessments("2026");
    EXPECT_TRUE(people && employments && closed && open);
    if (!people || !employments || !closed || !open) return inputs;
    inputs.people = *people;
    for (core::Person& person : inputs.people) {
      if (person.employee_id == "E2") person.name.clear(), person.email.clear();
    }
    inputs.employments = *employments;
    inputs.assessments_2025 = *closed;
    inputs.assessments_2026 = *open;
    for (auto* round : {&inputs.assessments_2025, &inputs.assessments_2026}) {
      for (core::Assessment& assessment : *round) {
        if (assessment.employee_id == "E2") assessment.notes.clear();
      }
    }
    return inputs;
  }

  core::PersonRecord record(const std::string& employee_id = "E2") {
    auto loaded = store().personal_data().load_person_record(employee_id);
    EXPECT_TRUE(loaded.has_value()) << loaded.error().describe();
    EXPECT_TRUE(loaded.has_value() && loaded->has_value());
    return loaded && *loaded ? **loaded : core::PersonRecord{};
  }
};

TEST_F(PersonErasure, the_record_before_erasure_holds_everything_about_the_person_but_the_hash) {
  const core::PersonRecord before = record();
  EXPECT_EQ(before.person.name, kName);
  EXPECT_EQ(before.person.email, kEmail);
  EXPECT_FALSE(before.erased);
  ASSERT_EQ(before.employments.size(), 1u);
  ASSERT_EQ(before.assessments.size(), 2u);
  EXPECT_EQ(before.assessments[0].round.name, "2025");
  EXPECT_EQ(before.assessments[0].round.state, core::RoundState::kClosed);
  EXPECT_EQ(before.assessments[0].assessment, assessment("2025", kNote2025));
  EXPECT_EQ(before.assessments[1].assessment, assessment("2026", kNote2026));
  ASSERT_TRUE(before.account.has_value());
  EXPECT_EQ(before.account->role, core::AccountRole::kEmployee);
  EXPECT_TRUE(before.account->password_hash.empty());
  EXPECT_EQ(before.sessions, 1u);
  EXPECT_EQ(before.audit.size(), 5u);  // created and employed by imports, two assessments, the account
  auto unknown = store().personal_data().load_person_record("E404");
  ASSERT_TRUE(unknown.has_value());
  EXPECT_FALSE(unknown->has_value());
}

TEST_F(PersonErasure, erasing_removes_identity_account_sessions_and_notes_and_keeps_the_statistics) {
  const StatisticsInputs before = statistics_inputs();
  auto erased = store().personal_data().erase_person("E2", store::Actor{"cli:dataskydd"});
  ASSERT_TRUE(erased.has_value()) << erased.error().describe();
  EXPECT_EQ(erased->assessments_cleared, 2u);
  EXPECT_TRUE(erased->account_removed);
  EXPECT_EQ(erased->sessions_removed, 1u);
  EXPECT_EQ(erased->audit_entries_redacted, 0u);  // details never held the texts

  reopen();
  EXPECT_EQ(statistics_inputs(), before);
  const core::PersonRecord after = record();
  EXPECT_TRUE(after.erased);
  EXPECT_EQ(after.person.name, core::kErasedName);
  EXPECT_EQ(after.person.email, "");
  EXPECT_EQ(after.person.unit_code, "KF-BIB");
  EXPECT_EQ(after.person.role, "bibliotekarie");
  EXPECT_EQ(after.person.gender, core::Gender::kMan);
  EXPECT_EQ(after.person.birth_year, 1985);
  EXPECT_FALSE(after.account.has_value());
  EXPECT_EQ(after.sessions, 0u);
  ASSERT_EQ(after.assessments.size(), 2u);
  for (const core::PersonAssessment& kept : after.assessments) {
    EXPECT_EQ(kept.assessment.notes, "");
    EXPECT_EQ(kept.assessment.ratings, assessment(kept.round.name, "").ratings);
    EXPECT_EQ(kept.assessment.motivation, assessment(kept.round.name, "").motivation);
    EXPECT_EQ(kept.assessment.priorities, assessment(kept.round.name, "").priorities);
  }
  // The colleague's note is theirs, and stays.
  auto colleague = store().rounds().load_assessment("2026", "E3");
  ASSERT_TRUE(colleague.has_value() && colleague->has_value());
  EXPECT_EQ((*colleague)->notes, "Kollegans egen anteckning.");

  ASSERT_FALSE(after.audit.empty());
  const store::AuditEntry& last = after.audit.back();
  EXPECT_EQ(last.action, "person.erase");
  EXPECT_EQ(last.actor, "cli:dataskydd");
  EXPECT_EQ(last.detail,
            "removed name, e-mail, account and 1 session(s), notes of 2 assessment(s); 0 earlier audit entries "
            "redacted; kept ratings, motivation, priorities, unit, role, gender, birth year, manager and employments");
}

TEST_F(PersonErasure, the_erased_person_cannot_sign_in_or_get_an_account_again) {
  ASSERT_TRUE(store().personal_data().erase_person("E2", kPersonTestActor).has_value());
  auto session = store().access().load_session("digest-of-e2");
  ASSERT_TRUE(session.has_value());
  EXPECT_FALSE(session->has_value());
  auto account = store().access().load_account("E2");
  ASSERT_TRUE(account.has_value());
  EXPECT_FALSE(account->has_value());
  auto refused = store().access().save_account({"E2", core::AccountRole::kEmployee, "$argon2id$x", true, "", ""},
                                      kPersonTestActor);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(refused.error().message, "person 'E2' was erased; no account can be made for them");
}

TEST_F(PersonErasure, earlier_audit_entries_about_the_person_lose_every_removed_text_and_others_keep_theirs) {
  // Entries an older version (or a hand) might have written with the texts in them.
  const std::string quoting = std::string("name '") + kName + "' mail " + kEmail + " note: " + kNote2026;
  ASSERT_TRUE(store().audit().append_audit({"2026-03-02T10:00:00Z", "system", "person.update", "E2", quoting}).has_value());
  ASSERT_TRUE(store().audit().append_audit({"2026-03-02T10:00:00Z", "system", "person.update", "E3", quoting}).has_value());
  auto erased = store().personal_data().erase_person("E2", kPersonTestActor);
  ASSERT_TRUE(erased.has_value()) << erased.error().describe();
  EXPECT_EQ(erased->audit_entries_redacted, 1u);

  auto entries = store().personal_data().load_person_audit("E2");
  ASSERT_TRUE(entries.has_value());
  auto redacted = std::find_if(entries->begin(), entries->end(),
                               [](const auto& entry) { return entry.at == "2026-03-02T10:00:00Z"; });
  ASSERT_NE(redacted, entries->end());
  EXPECT_EQ(redacted->detail, "name '[raderat]' mail [raderat] note: [raderat]");
  EXPECT_EQ(redacted->actor, "system");  // who and when stay
  for (const auto& entry : *entries) {
    for (const char* text : {kName, kEmail, kNote2025, kNote2026}) {
      EXPECT_EQ(entry.detail.find(text), std::string::npos) << entry.detail;
    }
  }
  // Another person's entries are theirs: the erasure of E2 does not touch them.
  auto other = store().audit().load_audit("E3");
  ASSERT_TRUE(other.has_value());
  EXPECT_TRUE(std::any_of(other->begin(), other->end(), [&](const auto& entry) { return entry.detail == quoting; }));
}

TEST_F(PersonErasure, a_later_import_keeps_the_person_erased_but_updates_the_facts) {
  ASSERT_TRUE(store().personal_data().erase_person("E2", kPersonTestActor).has_value());
  std::vector<core::Person> again = people();
  again[1].role = "arkivarie";
  ASSERT_TRUE(store().organisation().save_people(again, kPersonTestActor).has_value());
  const core::PersonRecord after = record();
  EXPECT_EQ(after.person.name, core::kErasedName);
  EXPECT_EQ(after.person.email, "");
  EXPECT_EQ(after.person.role, "arkivarie");
  auto imports = store().audit().load_audit("people");
  ASSERT_TRUE(imports.has_value());
  EXPECT_EQ(imports->back().detail, "3 people written (0 new, 1 changed); 1 erased people kept without name and e-mail");
  const store::AuditEntry& update = after.audit.back();
  EXPECT_EQ(update.action, "person.update");
  EXPECT_EQ(update.detail, "role bibliotekarie→arkivarie");
}

TEST_F(PersonErasure, an_unknown_or_already_erased_person_is_refused_and_nothing_changes) {
  auto unknown = store().personal_data().erase_person("E404", kPersonTestActor);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, core::ErrorKind::kNotFound);
  ASSERT_TRUE(store().personal_data().erase_person("E2", kPersonTestActor).has_value());
  const core::PersonRecord once = record();
  auto twice = store().personal_data().erase_person("E2", kPersonTestActor);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(twice.error().message, "person 'E2' was already erased");
  EXPECT_EQ(record(), once);
}

}  // namespace
}  // namespace trappa::testing
