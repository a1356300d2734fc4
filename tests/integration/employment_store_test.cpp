// Employment history in the store, on SQLite and PostgreSQL (see test_store.hpp): a save
// replaces the history of the people it names and nobody else's, comes back in employee-id
// order, and a refused save changes nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/org/org.hpp"
#include "core/workforce/employment.hpp"
#include "store/audit/audit_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/store.hpp"
#include "store/workforce/employment_store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

using core::Employment;
using core::EmploymentType;
using core::Route;

const store::Actor kActor{"cli:testare"};

core::Date d(const char* text) { return core::parse_iso_date(text).value(); }

class StoreEmployments : public MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    if (HasFatalFailure()) return;
    const std::vector<core::Unit> units{{"KUL", "Kulturförvaltningen", "", core::UnitKind::kAdministration},
                                        {"BIB-ÖST", "Bibliotek Östermalm", "KUL", core::UnitKind::kUnit}};
    ASSERT_TRUE(store().organisation().save_units(units, kActor).has_value());
    std::vector<core::Person> people;
    for (const char* id : {"E2", "E1", "E10"}) {
      core::Person person;
      person.employee_id = id;
      person.name = std::string("Person ") + id;
      person.gender = core::Gender::kWoman;
      person.birth_year = 1980;
      person.unit_code = "BIB-ÖST";
      person.role = "bibliotekarie";
      people.push_back(person);
    }
    ASSERT_TRUE(store().organisation().save_people(people, kActor).has_value());
  }
};

Employment employment(std::string id, const char* start, const char* end, EmploymentType type, double fte,
                      Route recruitment, Route departure, std::string reason, std::string position = "bibliotekarie") {
  Employment result;
  result.employee_id = std::move(id);
  result.start = d(start);
  if (*end != '\0') result.end = d(end);
  result.type = type;
  result.position = std::move(position);
  result.fte = fte;
  result.unit_code = "BIB-ÖST";
  result.recruitment_route = recruitment;
  result.departure_route = departure;
  result.departure_reason = std::move(reason);
  return result;
}

std::vector<Employment> history() {
  return {
      employment("E2", "2021-01-01", "", EmploymentType::kPermanent, 0.75, Route::kOtherAdministration, Route::kUnknown,
                 "", "biblioteksassistent"),
      employment("E1", "2023-03-01", "", EmploymentType::kPermanent, 1.0, Route::kWithinAdministration,
                 Route::kUnknown, ""),
      employment("E1", "2020-01-01", "2023-02-28", EmploymentType::kTemporary, 0.5, Route::kExternal,
                 Route::kWithinAdministration, "tillsvidare"),
      employment("E10", "2024-01-01", "2024-12-31", EmploymentType::kHourly, 0.0, Route::kUnknown, Route::kExternal,
                 "pension"),
  };
}

TEST_F(StoreEmployments, employments_come_back_as_saved_in_employee_id_and_start_order) {
  ASSERT_TRUE(store().employments().save_employments(history(), kActor).has_value());
  auto loaded = store().employments().load_employments();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  const std::vector<Employment> saved = history();
  // Byte order of the ids: "E1" < "E10" < "E2"; within a person by start date.
  EXPECT_EQ(*loaded, (std::vector<Employment>{saved[2], saved[1], saved[3], saved[0]}));
}

TEST_F(StoreEmployments, saving_replaces_the_history_of_the_people_named_and_keeps_the_others) {
  ASSERT_TRUE(store().employments().save_employments(history(), kActor).has_value());
  const std::vector<Employment> corrected{employment("E1", "2019-06-01", "", EmploymentType::kPermanent, 1.0,
                                                     Route::kExternal, Route::kUnknown, "")};
  ASSERT_TRUE(store().employments().save_employments(corrected, kActor).has_value());
  auto loaded = store().employments().load_employments();
  ASSERT_TRUE(loaded.has_value());
  const std::vector<Employment> saved = history();
  EXPECT_EQ(*loaded, (std::vector<Employment>{corrected[0], saved[3], saved[0]}));
}

TEST_F(StoreEmployments, an_employment_of_an_unknown_person_or_unit_is_refused_and_nothing_changes) {
  ASSERT_TRUE(store().employments().save_employments(history(), kActor).has_value());
  std::vector<Employment> bad_person{employment("E1", "2019-06-01", "", EmploymentType::kPermanent, 1.0,
                                                Route::kExternal, Route::kUnknown, ""),
                                     employment("E99", "2019-06-01", "", EmploymentType::kPermanent, 1.0,
                                                Route::kExternal, Route::kUnknown, "")};
  auto refused = store().employments().save_employments(bad_person, kActor);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kStorage);
  std::vector<Employment> bad_unit = history();
  bad_unit[0].unit_code = "NOWHERE";
  EXPECT_FALSE(store().employments().save_employments(bad_unit, kActor).has_value());

  reopen();
  auto loaded = store().employments().load_employments();
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->size(), history().size());
  auto audit = store().audit().load_audit("employments");
  ASSERT_TRUE(audit.has_value());
  ASSERT_EQ(audit->size(), 1u);  // the refused saves left no entry
  EXPECT_EQ((*audit)[0].action, "import.employments");
  EXPECT_EQ((*audit)[0].actor, "cli:testare");
  EXPECT_NE((*audit)[0].detail.find("4 employments of 3 people"), std::string::npos) << (*audit)[0].detail;
}

TEST_F(StoreEmployments, an_empty_store_has_no_employments) {
  auto loaded = store().employments().load_employments();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  EXPECT_TRUE(loaded->empty());
}

}  // namespace
}  // namespace trappa::testing
