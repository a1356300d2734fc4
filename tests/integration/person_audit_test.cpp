// The audit trail of one person, on SQLite and PostgreSQL (see test_store.hpp): every write
// path that changes a person's record, employments, assessments or account leaves an entry
// with who, when and old → new, never the name, e-mail, notes or password hash; and the
// person's whole history comes back in time order.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
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

class PersonAudit : public PersonStoreTest {
 protected:
  std::vector<store::AuditEntry> history(const std::string& employee_id = "E2") {
    auto entries = store().personal_data().load_person_audit(employee_id);
    EXPECT_TRUE(entries.has_value()) << entries.error().describe();
    return entries.value_or(std::vector<store::AuditEntry>{});
  }

  static std::vector<std::string> actions(const std::vector<store::AuditEntry>& entries) {
    std::vector<std::string> result;
    for (const auto& entry : entries) result.push_back(entry.action);
    return result;
  }

  // A copy: the entries are often a temporary.
  static std::optional<store::AuditEntry> last_of(const std::vector<store::AuditEntry>& entries,
                                                  std::string_view action) {
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
      if (it->action == action) return *it;
    }
    return std::nullopt;
  }
};

TEST_F(PersonAudit, the_history_holds_the_persons_assessments_and_account_in_the_order_written) {
  const auto entries = history();
  // The first imports of the person and their employments are in their history too (issue 14 §4).
  EXPECT_EQ(actions(entries), (std::vector<std::string>{"person.create", "employment.update", "assessment.save",
                                                        "assessment.save", "account.create"}));
  EXPECT_EQ(entries[0].detail.rfind("created: unit ", 0), 0u) << entries[0].detail;
  EXPECT_EQ(entries[1].detail.rfind("0→", 0), 0u) << entries[1].detail;
  EXPECT_EQ(entries[2].detail.rfind("round 2025: status –→conversation_held; 1.1 self –→2", 0), 0u) << entries[2].detail;
  EXPECT_EQ(entries[3].actor, "E1");
  EXPECT_EQ(entries[4].detail, "created: role employee, scope –, own password");
  for (const auto& entry : entries) EXPECT_EQ(entry.subject, "E2");
}

TEST_F(PersonAudit, the_history_is_ordered_by_time_and_an_unknown_person_is_not_found) {
  ASSERT_TRUE(store().audit().append_audit({"2000-01-01T00:00:00Z", "system", "person.update", "E2", "earliest"}).has_value());
  const auto entries = history();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().detail, "earliest");
  EXPECT_TRUE(std::is_sorted(entries.begin(), entries.end(),
                             [](const auto& a, const auto& b) { return a.at < b.at; }));
  auto unknown = store().personal_data().load_person_audit("E404");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(unknown.error().message, "no person with employee id 'E404'");
}

TEST_F(PersonAudit, a_people_import_records_each_changed_and_new_person_without_their_name) {
  std::vector<core::Person> changed = people();
  changed[1].name = "Örjan Nytt-Efternamn";
  changed[1].email = "orjan.ny@example.org";
  changed[1].role = "arkivarie";
  changed[1].manager_id = "";
  changed.push_back({"E4", "Ny Person", "", core::Gender::kWoman, 1999, "KF", "chef", "", {}});
  ASSERT_TRUE(store().organisation().save_people(changed, store::Actor{"cli:hr"}).has_value());

  const auto update = last_of(history(), "person.update");
  ASSERT_TRUE(update.has_value());
  EXPECT_EQ(update->actor, "cli:hr");
  EXPECT_EQ(update->detail, "name changed; e-mail changed; role bibliotekarie→arkivarie; manager E1→–");
  const auto created = last_of(history("E4"), "person.create");
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(created->detail, "created: unit KF, role chef, manager –, gender K, birth year 1999");
  // Unchanged people get no entry of their own; the import is counted under "people".
  EXPECT_FALSE(last_of(history("E1"), "person.update").has_value());
  auto imports = store().audit().load_audit("people");
  ASSERT_TRUE(imports.has_value());
  EXPECT_EQ(imports->back().detail, "4 people written (1 new, 1 changed)");
}

TEST_F(PersonAudit, an_employment_import_records_what_left_and_what_came_in_the_persons_history) {
  core::Employment ended;
  ended.employee_id = "E2";
  ended.start = core::parse_iso_date("2019-01-01").value();
  ended.end = core::parse_iso_date("2025-12-31").value();
  ended.position = "bibliotekarie";
  ended.unit_code = "KF-BIB";
  ended.recruitment_route = core::Route::kExternal;
  ended.departure_route = core::Route::kWithinAdministration;
  ended.departure_reason = "omplacering";
  core::Employment next = ended;
  next.start = core::parse_iso_date("2026-01-01").value();
  next.end.reset();
  next.position = "arkivarie";
  next.fte = 0.75;
  next.recruitment_route = core::Route::kWithinAdministration;
  next.departure_route = core::Route::kUnknown;
  next.departure_reason.clear();
  ASSERT_TRUE(store().employments().save_employments({ended, next}, kPersonTestActor).has_value());

  const auto update = last_of(history(), "employment.update");
  ASSERT_TRUE(update.has_value());
  EXPECT_EQ(update->detail,
            "1→2 employments; removed 2019-01-01– permanent bibliotekarie 1.00 KF-BIB in 3; "
            "added 2019-01-01–2025-12-31 permanent bibliotekarie 1.00 KF-BIB in 3 out 1 (omplacering); "
            "added 2026-01-01– permanent arkivarie 0.75 KF-BIB in 1");
  // Saving the same history again changes nothing and records no person entry.
  const std::size_t before = history().size();
  ASSERT_TRUE(store().employments().save_employments({ended, next}, kPersonTestActor).has_value());
  EXPECT_EQ(history().size(), before);
}

TEST_F(PersonAudit, an_assessment_import_into_a_started_round_records_old_and_new_values_per_person) {
  core::Assessment changed = assessment("2026", kNote2026);
  changed.ratings[0].agreed_level = 4;
  changed.notes = "En annan anteckning.";
  core::Assessment colleague = assessment("2026", "Kollegans egen anteckning.");
  colleague.employee_id = "E3";  // unchanged
  ASSERT_TRUE(store().rounds().save_assessments("2026", {changed, colleague}, store::Actor{"cli:import"}).has_value());

  const auto imported = last_of(history(), "assessment.import");
  ASSERT_TRUE(imported.has_value());
  EXPECT_EQ(imported->actor, "cli:import");
  EXPECT_EQ(imported->detail, "round 2026: 1.1 agreed 3→4; notes changed");
  EXPECT_FALSE(last_of(history("E3"), "assessment.import").has_value());
  auto imports = store().audit().load_audit("2026");
  ASSERT_TRUE(imports.has_value());
  EXPECT_EQ(imports->back().detail, "2 assessments written (0 new, 1 changed)");
}

TEST_F(PersonAudit, account_changes_record_role_scope_and_password_events_but_never_the_hash) {
  ASSERT_TRUE(store().access().save_account({"E2", core::AccountRole::kHr, "$argon2id$v=19$fake-hash-for-tests", false, "KF",
                                    ""},
                                   kPersonTestActor).has_value());
  ASSERT_TRUE(store().access().save_account({"E2", core::AccountRole::kHr, "$argon2id$v=19$another-hash", true, "KF", ""},
                                   store::Actor{"E1"}).has_value());
  ASSERT_TRUE(store().access().save_account({"E2", core::AccountRole::kHr, "$argon2id$v=19$own-choice", false, "KF", ""},
                                   store::Actor{"E2"}).has_value());
  const auto entries = history();
  ASSERT_GE(entries.size(), 3u);
  EXPECT_EQ(entries[entries.size() - 3].detail, "role employee→hr; scope –→KF");
  EXPECT_EQ(entries[entries.size() - 2].detail, "password reset to a one-time password");
  EXPECT_EQ(entries[entries.size() - 2].actor, "E1");
  EXPECT_EQ(entries[entries.size() - 1].detail, "password changed");
  for (const auto& entry : entries) {
    EXPECT_EQ(entry.detail.find("argon2"), std::string::npos) << entry.detail;
    EXPECT_EQ(entry.detail.find("hash"), std::string::npos) << entry.detail;
  }
}

// Konton (issue 13): revoking removes the account and its sessions in one audited write.
TEST_F(PersonAudit, revoking_an_account_removes_it_and_its_sessions_and_is_audited) {
  ASSERT_TRUE(store().access().save_account({"E2", core::AccountRole::kObserver, "$argon2id$v=19$fake", false, "", ""},
                                            kPersonTestActor).has_value());
  ASSERT_TRUE(store().access().create_session({"digest-e2", "E2", "csrf", "2026-01-01T00:00:00Z", "2999-01-01T00:00:00Z"})
                  .has_value());
  auto revoked = store().access().revoke_account("E2", store::Actor{"E1"});
  ASSERT_TRUE(revoked.has_value()) << revoked.error().describe();
  EXPECT_TRUE(*revoked);
  EXPECT_FALSE(store().access().load_account("E2").value_or(std::nullopt).has_value());
  EXPECT_FALSE(store().access().load_session("digest-e2").value_or(std::nullopt).has_value());
  const auto entries = history();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().action, "account.revoke");
  EXPECT_EQ(entries.back().actor, "E1");
  EXPECT_EQ(entries.back().detail, "role observer, sessions ended");
  auto again = store().access().revoke_account("E2", store::Actor{"E1"});
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(*again);
}

TEST_F(PersonAudit, no_entry_quotes_a_name_an_e_mail_or_a_note) {
  std::vector<core::Person> renamed = people();
  renamed[1].name = "Helt Annat Namn";
  ASSERT_TRUE(store().organisation().save_people(renamed, kPersonTestActor).has_value());
  auto all = store().audit().load_audit("E2");
  ASSERT_TRUE(all.has_value());
  for (const auto& entry : *all) {
    for (const std::string& text : {std::string(kName), std::string("Helt Annat Namn"), std::string(kEmail),
                                   std::string(kNote2025), std::string(kNote2026)}) {
      EXPECT_EQ(entry.detail.find(text), std::string::npos) << entry.action << ": " << entry.detail;
    }
  }
}

}  // namespace
}  // namespace trappa::testing
