// A small organisation with one person's full record, for the audit and erasure suites: the
// shipped digital-competence framework, two units, a manager E1 and an employee E2 (and a
// colleague E3), an open round "2026" and a closed round "2025" where E2 has notes, E2's
// employments, and E2's account with a signed-in session. Header-only, like test_store.hpp.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/base/date.hpp"
#include "io/json/framework_json.hpp"
#include "store/access/access_store.hpp"
#include "store/assessment/round_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/store.hpp"
#include "store/workforce/employment_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {

inline const store::Actor kPersonTestActor{"cli:testare"};

class PersonStoreTest : public MigratedStoreTest {
 protected:
  static constexpr const char* kName = "Örjan Bibliotekarie";
  static constexpr const char* kEmail = "orjan.bibliotekarie@example.org";
  static constexpr const char* kNote2025 = "Vill gå en kurs i öppna data.";
  static constexpr const char* kNote2026 = "Ska leda arbetet med e-tjänster; \"citat\" & tecken.";

  void SetUp() override {
    MigratedStoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto framework = io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json");
    ASSERT_TRUE(framework.has_value()) << framework.error().describe();
    framework_ = *framework;
    ASSERT_TRUE(store().frameworks().save_framework(framework_, kPersonTestActor).has_value());
    ASSERT_TRUE(store().organisation().save_units({{"KF", "Kulturförvaltningen", "", core::UnitKind::kAdministration},
                                    {"KF-BIB", "Stadsbiblioteket", "KF", core::UnitKind::kDepartment}},
                                   kPersonTestActor).has_value());
    ASSERT_TRUE(store().organisation().save_people(people(), kPersonTestActor).has_value());
    core::Employment employment;
    employment.employee_id = "E2";
    employment.start = core::parse_iso_date("2019-01-01").value();
    employment.position = "bibliotekarie";
    employment.unit_code = "KF-BIB";
    employment.recruitment_route = core::Route::kExternal;
    ASSERT_TRUE(store().employments().save_employments({employment}, kPersonTestActor).has_value());

    ASSERT_TRUE(store().rounds().create_round({"2025", framework_.id, 1, "KF", "", "", core::RoundState::kDraft},
                                     kPersonTestActor).has_value());
    ASSERT_TRUE(store().rounds().set_round_state("2025", core::RoundState::kOpen, kPersonTestActor).has_value());
    ASSERT_TRUE(store().rounds().save_assessment(assessment("2025", kNote2025), kPersonTestActor).has_value());
    ASSERT_TRUE(store().rounds().set_round_state("2025", core::RoundState::kClosed, kPersonTestActor).has_value());
    ASSERT_TRUE(store().rounds().create_round({"2026", framework_.id, 1, "KF", "", "", core::RoundState::kDraft},
                                     kPersonTestActor).has_value());
    ASSERT_TRUE(store().rounds().set_round_state("2026", core::RoundState::kOpen, kPersonTestActor).has_value());
    ASSERT_TRUE(store().rounds().save_assessment(assessment("2026", kNote2026), store::Actor{"E1"}).has_value());
    core::Assessment colleague = assessment("2026", "Kollegans egen anteckning.");
    colleague.employee_id = "E3";
    ASSERT_TRUE(store().rounds().save_assessment(colleague, store::Actor{"E1"}).has_value());

    ASSERT_TRUE(store().access().save_account({"E2", core::AccountRole::kEmployee, "$argon2id$v=19$fake-hash-for-tests", false,
                                      "", ""},
                                     kPersonTestActor).has_value());
    ASSERT_TRUE(store().access().create_session({"digest-of-e2", "E2", "csrf-e2", "2026-03-01T08:00:00Z",
                                        "2999-01-01T00:00:00Z"}).has_value());
  }

  static std::vector<core::Person> people() {
    return {{"E1", "Åsa Chef", "asa.chef@example.org", core::Gender::kWoman, 1970, "KF-BIB", "chef", "", {}},
            {"E2", kName, kEmail, core::Gender::kMan, 1985, "KF-BIB", "bibliotekarie", "E1", "2015-08-01"},
            {"E3", "Kim Kollega", "", core::Gender::kOther, 1990, "KF-BIB", "bibliotekarie", "E1", {}}};
  }

  static core::Assessment assessment(const std::string& round, const std::string& notes) {
    core::Assessment assessment;
    assessment.round = round;
    assessment.employee_id = "E2";
    assessment.status = core::AssessmentStatus::kConversationHeld;
    assessment.self_assessed_at = "2026-02-01T09:00:00Z";
    assessment.conversation_at = "2026-03-01T14:00:00Z";
    assessment.ratings = {{"1.1", 2, 3, "E1", "2026-03-01T14:00:00Z"}, {"1.2", 4, std::nullopt, "", ""}};
    assessment.motivation = {{"1", 5}, {"2", 3}};
    assessment.priorities = {"2.1", "1.1"};
    assessment.notes = notes;
    return assessment;
  }

  core::Framework framework_;
};

}  // namespace trappa::testing
