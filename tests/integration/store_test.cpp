// The storage suite: one set of tests, run by CTest once on SQLite and once on PostgreSQL
// (TRAPPA_TEST_DB, see test_store.hpp). Nothing here knows which backend it runs on.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/org/org.hpp"
#include "io/json/framework_json.hpp"
#include "store/audit/audit_store.hpp"
#include "store/framework/framework_store.hpp"
#include "store/org/organisation_store.hpp"
#include "store/sql/schema_migrations.hpp"
#include "store/store.hpp"
#include "test_store.hpp"

namespace trappa::testing {
namespace {

using core::Gender;
using core::Person;
using core::Unit;
using core::UnitKind;

const store::Actor kActor{"cli:testare"};

std::vector<Unit> culture_units() {
  return {
      {"STHLM", "Stockholms stad", "", UnitKind::kCity},
      {"KUL", "Kulturförvaltningen", "STHLM", UnitKind::kAdministration},
      {"BIB", "Stockholms stadsbibliotek", "KUL", UnitKind::kDepartment},
      {"BIB-ÖST", "Bibliotek Östermalm", "BIB", UnitKind::kUnit},
      {"BIB-SKÄ", "Skärholmens bibliotek", "BIB", UnitKind::kUnit},
      {"KS", "Kulturskolan", "KUL", UnitKind::kDepartment},
      {"KS-SÖD", "Kulturskolan Söderort – Årsta", "KS", UnitKind::kGroup},
  };
}

Person person(std::string id, std::string name, Gender gender, int birth_year, std::string unit, std::string role,
              std::string manager) {
  Person result;
  result.employee_id = std::move(id);
  result.name = std::move(name);
  result.email = result.employee_id + "@stockholm.se";
  result.gender = gender;
  result.birth_year = birth_year;
  result.unit_code = std::move(unit);
  result.role = std::move(role);
  result.manager_id = std::move(manager);
  return result;
}

std::vector<Person> culture_people() {
  std::vector<Person> people{
      person("E001", "Åsa Öberg", Gender::kWoman, 1968, "KUL", "chef", ""),
      person("E002", "Märta Ängström", Gender::kWoman, 1975, "BIB", "chef", "E001"),
      person("E003", "Örjan Åkesson", Gender::kMan, 1982, "BIB-ÖST", "bibliotekarie", "E002"),
      person("E004", "Kim Lindqvist", Gender::kOther, 1990, "BIB-SKÄ", "biblioteksassistent", "E002"),
      person("E005", "Jöns Ekström", Gender::kMan, 1979, "KS", "chef", "E001"),
  };
  people[2].email.clear();  // e-mail is optional
  people[3].city_start_date = "2012-08-20";
  return people;
}

template <typename T, typename Key>
std::vector<T> sorted_by(std::vector<T> values, Key key) {
  std::sort(values.begin(), values.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
  return values;
}

std::vector<Unit> sorted(std::vector<Unit> units) {
  return sorted_by(std::move(units), [](const Unit& unit) { return unit.code; });
}

std::vector<Person> sorted(std::vector<Person> people) {
  return sorted_by(std::move(people), [](const Person& p) { return p.employee_id; });
}

core::Framework shipped_framework() {
  auto framework = io::read_framework_file(TRAPPA_DATA_DIR "/frameworks/digital-kompetens.json");
  EXPECT_TRUE(framework.has_value()) << framework.error().describe();
  return framework.value_or(core::Framework{});
}

// A small framework unlike the shipped one: a scale from 0, an area for one role only, a role
// without a profile, and texts with quotes and line breaks.
core::Framework small_framework() {
  core::Framework framework;
  framework.id = "ledarskap";
  framework.name = "Ledarskap i förändring";
  framework.version = "2025 – utkast \"B\"";
  framework.description = "Första raden.\nAndra raden med å, ä och ö.";
  framework.provenance = "Nivåerna tolkade ur en tabell utan kolumner.";
  framework.scale = {0, 2, {"Ingen", "Grundläggande", "Fördjupad"}};
  framework.roles = {"chef", "medarbetare", "praktikant"};
  framework.areas = {
      {"A", "Att leda sig själv", "", "Hur motiverad är du?", {},
       {{"A.1", "Återhämtning", "Definition", {"noll", "ett", "två"}},
        {"A.2", "Prioritering", "", {"n", "e", "t"}}}},
      {"B", "Att leda andra", "Bara chefer", "", {"chef"},
       {{"B.1", "Ge återkoppling", "", {"0", "1", "2"}}}},
  };
  framework.profiles = {{"chef", {{"A.1", 2}, {"A.2", 1}, {"B.1", 2}}}, {"medarbetare", {{"A.1", 1}}}};
  EXPECT_TRUE(core::validate_framework(framework).empty());
  return framework;
}

// --------------------------------------------------------------------------------------------
// Locations

TEST(StoreLocation, a_postgresql_url_is_shown_without_its_password) {
  EXPECT_EQ(store::location_without_password("postgresql://trappa:hemligt@db.example:5432/trappa"),
            "postgresql://trappa@db.example:5432/trappa");
  EXPECT_EQ(store::location_without_password("postgres://trappa@db/trappa?password=hemligt&sslmode=require"),
            "postgres://trappa@db/trappa?sslmode=require");
  EXPECT_EQ(store::location_without_password("/var/lib/trappa/a:b@c.db"), "/var/lib/trappa/a:b@c.db");
}

TEST(StoreLocation, a_store_that_cannot_be_opened_is_named_without_its_password) {
  // Port 1 on the loopback address: nothing listens, so the connection is refused at once.
  auto opened = store::Store::open("postgresql://trappa:hemligt@127.0.0.1:1/trappa?password=hemligt2&connect_timeout=2");
  ASSERT_FALSE(opened.has_value());
  const std::string message = opened.error().describe();
  EXPECT_NE(message.find("postgresql://trappa@127.0.0.1:1/trappa?connect_timeout=2"), std::string::npos) << message;
  EXPECT_EQ(message.find("hemligt"), std::string::npos) << message;
}

// --------------------------------------------------------------------------------------------
// Migrations

using StoreMigration = StoreTest;

TEST_F(StoreMigration, migrating_an_empty_store_reaches_the_latest_version) {
  const int latest = store::schema_migrations().back().version;
  auto before = store().schema_version();
  ASSERT_TRUE(before.has_value()) << before.error().describe();
  EXPECT_EQ(*before, 0);

  auto reached = store().migrate();
  ASSERT_TRUE(reached.has_value()) << reached.error().describe();
  EXPECT_EQ(*reached, latest);
  auto after = store().schema_version();
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(*after, latest);
}

TEST_F(StoreMigration, migrating_twice_changes_nothing_and_keeps_the_data) {
  const int latest = store::schema_migrations().back().version;
  ASSERT_TRUE(store().migrate().has_value());
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());

  auto again = store().migrate();
  ASSERT_TRUE(again.has_value()) << again.error().describe();
  EXPECT_EQ(*again, latest);
  reopen();
  auto from_new_connection = store().migrate();
  ASSERT_TRUE(from_new_connection.has_value()) << from_new_connection.error().describe();
  EXPECT_EQ(*from_new_connection, latest);

  auto units = store().organisation().load_units();
  ASSERT_TRUE(units.has_value());
  EXPECT_EQ(units->size(), culture_units().size());
}

TEST_F(StoreMigration, a_migrated_store_starts_empty) {
  ASSERT_TRUE(store().migrate().has_value());
  auto units = store().organisation().load_units();
  auto people = store().organisation().load_people();
  auto frameworks = store().frameworks().list_frameworks();
  ASSERT_TRUE(units.has_value() && people.has_value() && frameworks.has_value());
  EXPECT_TRUE(units->empty());
  EXPECT_TRUE(people->empty());
  EXPECT_TRUE(frameworks->empty());
}

// --------------------------------------------------------------------------------------------
// Organisation

using StoreOrganisation = MigratedStoreTest;

// The whole-organisation read streams rows from the backend's C API (store/sql/row_scan.hpp);
// on PostgreSQL that is COPY's text format, which escapes these characters and writes \N for
// NULL.
TEST_F(StoreOrganisation, people_with_tabs_newlines_and_backslashes_in_their_texts_come_back_as_saved) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  std::vector<Person> people = culture_people();
  people[0].name = std::string("Tab\there") + '\t' + "och" + '\n' + "rad\\N" + '\r' + "\\";
  people[1].email = "\\N";
  people[1].city_start_date.reset();
  people[2].city_start_date = "2001-02-03";
  auto saved = store().organisation().save_people(people, kActor);
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();
  reopen();
  auto loaded = store().organisation().load_people();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  EXPECT_EQ(sorted(*loaded), sorted(people));
}

TEST_F(StoreOrganisation, units_and_people_come_back_as_saved_with_swedish_letters) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  auto saved = store().organisation().save_people(culture_people(), kActor);
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();

  reopen();
  auto units = store().organisation().load_units();
  ASSERT_TRUE(units.has_value()) << units.error().describe();
  EXPECT_EQ(sorted(*units), sorted(culture_units()));
  auto people = store().organisation().load_people();
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  EXPECT_EQ(sorted(*people), sorted(culture_people()));

  const auto found = std::find_if(people->begin(), people->end(), [](const Person& p) { return p.employee_id == "E002"; });
  ASSERT_NE(found, people->end());
  EXPECT_EQ(found->name, "Märta Ängström");
}

TEST_F(StoreOrganisation, resaving_people_updates_them_by_employee_id) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  ASSERT_TRUE(store().organisation().save_people(culture_people(), kActor).has_value());

  Person moved = person("E003", "Örjan Åkesson Ström", Gender::kMan, 1982, "BIB-SKÄ", "verksamhetsutvecklare", "E001");
  Person hired = person("E006", "Ingrid Söderberg", Gender::kWoman, 1985, "KS-SÖD", "medarbetare", "E005");
  auto saved = store().organisation().save_people({moved, hired}, kActor);
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();

  std::vector<Person> expected = culture_people();
  expected[2] = moved;
  expected.push_back(hired);
  auto people = store().organisation().load_people();
  ASSERT_TRUE(people.has_value());
  EXPECT_EQ(sorted(*people), sorted(expected));
}

TEST_F(StoreOrganisation, resaving_units_updates_them_by_code) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  const Unit renamed{"KS-SÖD", "Kulturskolan Söder", "KUL", UnitKind::kDepartment};
  ASSERT_TRUE(store().organisation().save_units({renamed}, kActor).has_value());

  std::vector<Unit> expected = culture_units();
  expected.back() = renamed;
  auto units = store().organisation().load_units();
  ASSERT_TRUE(units.has_value());
  EXPECT_EQ(sorted(*units), sorted(expected));
}

TEST_F(StoreOrganisation, a_manager_later_in_the_same_save_is_found) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  const std::vector<Person> reports_first{
      person("E010", "Lisa Nyström", Gender::kWoman, 1991, "KS", "medarbetare", "E011"),
      person("E011", "Olle Dahlén", Gender::kMan, 1970, "KS", "chef", ""),
  };
  auto saved = store().organisation().save_people(reports_first, kActor);
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();
  auto people = store().organisation().load_people();
  ASSERT_TRUE(people.has_value());
  EXPECT_EQ(sorted(*people), sorted(reports_first));
}

TEST_F(StoreOrganisation, a_person_in_a_unit_that_does_not_exist_is_refused_and_nothing_is_saved) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  ASSERT_TRUE(store().organisation().save_people(culture_people(), kActor).has_value());

  Person changed = culture_people()[0];
  changed.name = "Åsa Öberg-Lind";
  const std::vector<Person> batch{
      changed,
      person("E020", "Ny Person", Gender::kWoman, 1999, "KS", "medarbetare", "E005"),
      person("E021", "Fel Enhet", Gender::kMan, 1998, "FINNS-INTE", "medarbetare", "E005"),
  };
  auto saved = store().organisation().save_people(batch, kActor);
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(saved.error().kind, core::ErrorKind::kStorage);

  auto people = store().organisation().load_people();
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  EXPECT_EQ(sorted(*people), sorted(culture_people()));
  reopen();
  people = store().organisation().load_people();
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  EXPECT_EQ(sorted(*people), sorted(culture_people()));
}

TEST_F(StoreOrganisation, a_person_whose_manager_does_not_exist_is_refused_and_nothing_is_saved) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  ASSERT_TRUE(store().organisation().save_people(culture_people(), kActor).has_value());

  auto saved = store().organisation().save_people(
      {person("E030", "Saknar Chef", Gender::kOther, 1980, "KS", "medarbetare", "E999")}, kActor);
  ASSERT_FALSE(saved.has_value());
  auto people = store().organisation().load_people();
  ASSERT_TRUE(people.has_value());
  EXPECT_EQ(sorted(*people), sorted(culture_people()));
}

TEST_F(StoreOrganisation, a_unit_whose_parent_does_not_exist_is_refused_and_nothing_is_saved) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  const std::vector<Unit> batch{
      {"MUS", "Museer och konst", "KUL", UnitKind::kDepartment},
      {"MUS-1", "Stadsmuseet", "FINNS-INTE", UnitKind::kUnit},
  };
  auto saved = store().organisation().save_units(batch, kActor);
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(saved.error().kind, core::ErrorKind::kStorage);

  auto units = store().organisation().load_units();
  ASSERT_TRUE(units.has_value());
  EXPECT_EQ(sorted(*units), sorted(culture_units()));
}

TEST_F(StoreOrganisation, the_store_accepts_a_valid_save_after_a_refused_one) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  ASSERT_FALSE(store().organisation().save_units({{"X", "Fel", "FINNS-INTE", UnitKind::kUnit}}, kActor).has_value());

  const Unit museum{"MUS", "Museer och konst", "KUL", UnitKind::kDepartment};
  auto saved = store().organisation().save_units({museum}, kActor);
  ASSERT_TRUE(saved.has_value()) << saved.error().describe();
  std::vector<Unit> expected = culture_units();
  expected.push_back(museum);
  auto units = store().organisation().load_units();
  ASSERT_TRUE(units.has_value());
  EXPECT_EQ(sorted(*units), sorted(expected));
}

// --------------------------------------------------------------------------------------------
// Frameworks

using StoreFrameworks = MigratedStoreTest;

TEST_F(StoreFrameworks, the_shipped_framework_comes_back_equal) {
  const core::Framework framework = shipped_framework();
  auto revision = store().frameworks().save_framework(framework, kActor);
  ASSERT_TRUE(revision.has_value()) << revision.error().describe();
  EXPECT_EQ(*revision, 1);

  reopen();
  auto loaded = store().frameworks().load_framework("digital-kompetens");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->revision, 1);
  EXPECT_EQ((*loaded)->framework, framework);
  EXPECT_EQ(io::write_framework_json((*loaded)->framework), io::write_framework_json(framework));
}

TEST_F(StoreFrameworks, a_framework_with_a_scale_from_zero_and_a_restricted_area_comes_back_equal) {
  const core::Framework framework = small_framework();
  ASSERT_TRUE(store().frameworks().save_framework(framework, kActor).has_value());
  auto loaded = store().frameworks().load_framework("ledarskap");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().describe();
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->framework, framework);
}

// Issue 13, item 6 (migration 008): the default profile is kept with each revision; naming
// another one is new content, and the earlier revision keeps its own.
TEST_F(StoreFrameworks, the_default_profile_is_kept_per_revision) {
  core::Framework framework = small_framework();
  ASSERT_EQ(store().frameworks().save_framework(framework, kActor).value_or(-1), 1);
  framework.default_profile = "medarbetare";
  ASSERT_EQ(store().frameworks().save_framework(framework, kActor).value_or(-1), 2);

  reopen();
  auto latest = store().frameworks().load_framework("ledarskap");
  ASSERT_TRUE(latest.has_value() && latest->has_value());
  EXPECT_EQ((*latest)->framework.default_profile, "medarbetare");
  EXPECT_TRUE((*latest)->framework.uses_default_profile("praktikant"));
  EXPECT_EQ((*latest)->framework, framework);
  auto first = store().frameworks().load_framework("ledarskap", 1);
  ASSERT_TRUE(first.has_value() && first->has_value());
  EXPECT_EQ((*first)->framework.default_profile, "");
}

TEST_F(StoreFrameworks, saving_identical_content_keeps_the_revision) {
  const core::Framework framework = shipped_framework();
  ASSERT_EQ(store().frameworks().save_framework(framework, kActor).value_or(-1), 1);
  auto again = store().frameworks().save_framework(framework, kActor);
  ASSERT_TRUE(again.has_value()) << again.error().describe();
  EXPECT_EQ(*again, 1);

  auto frameworks = store().frameworks().list_frameworks();
  ASSERT_TRUE(frameworks.has_value());
  ASSERT_EQ(frameworks->size(), 1u);
  EXPECT_EQ(frameworks->front().revision, 1);
  EXPECT_FALSE(store().frameworks().load_framework("digital-kompetens", 2).value().has_value());
}

TEST_F(StoreFrameworks, changed_content_creates_revision_2_and_revision_1_still_loads_unchanged) {
  const core::Framework first = shipped_framework();
  ASSERT_EQ(store().frameworks().save_framework(first, kActor).value_or(-1), 1);

  core::Framework second = first;
  second.version = "2025-01-15";
  second.profiles["biblioteksvärd"]["1.1"] = 3;
  second.roles.push_back("kommunikatör");
  second.profiles["kommunikatör"] = {{"4.1", 4}, {"4.2", 5}};
  auto revision = store().frameworks().save_framework(second, kActor);
  ASSERT_TRUE(revision.has_value()) << revision.error().describe();
  EXPECT_EQ(*revision, 2);

  reopen();
  auto latest = store().frameworks().load_framework("digital-kompetens");
  ASSERT_TRUE(latest.has_value() && latest->has_value());
  EXPECT_EQ((*latest)->revision, 2);
  EXPECT_EQ((*latest)->framework, second);
  auto original = store().frameworks().load_framework("digital-kompetens", 1);
  ASSERT_TRUE(original.has_value() && original->has_value());
  EXPECT_EQ((*original)->revision, 1);
  EXPECT_EQ((*original)->framework, first);
}

TEST_F(StoreFrameworks, an_unknown_framework_or_revision_loads_as_nothing) {
  ASSERT_TRUE(store().frameworks().save_framework(small_framework(), kActor).has_value());
  auto unknown = store().frameworks().load_framework("finns-inte");
  ASSERT_TRUE(unknown.has_value()) << unknown.error().describe();
  EXPECT_FALSE(unknown->has_value());
  auto missing_revision = store().frameworks().load_framework("ledarskap", 7);
  ASSERT_TRUE(missing_revision.has_value()) << missing_revision.error().describe();
  EXPECT_FALSE(missing_revision->has_value());
}

TEST_F(StoreFrameworks, list_frameworks_names_each_framework_at_its_latest_revision) {
  ASSERT_TRUE(store().frameworks().save_framework(shipped_framework(), kActor).has_value());
  core::Framework small = small_framework();
  ASSERT_TRUE(store().frameworks().save_framework(small, kActor).has_value());
  small.roles.push_back("handledare");
  ASSERT_EQ(store().frameworks().save_framework(small, kActor).value_or(-1), 2);

  auto frameworks = store().frameworks().list_frameworks();
  ASSERT_TRUE(frameworks.has_value()) << frameworks.error().describe();
  ASSERT_EQ(frameworks->size(), 2u);
  const store::FrameworkSummary& digital = (*frameworks)[0];
  EXPECT_EQ(digital.id, "digital-kompetens");
  EXPECT_EQ(digital.name, "Digital kompetens");
  EXPECT_EQ(digital.version, "2024-09-02");
  EXPECT_EQ(digital.revision, 1);
  EXPECT_EQ(digital.competencies, 20u);
  EXPECT_EQ(digital.roles, 10u);
  const store::FrameworkSummary& leadership = (*frameworks)[1];
  EXPECT_EQ(leadership.id, "ledarskap");
  EXPECT_EQ(leadership.name, "Ledarskap i förändring");
  EXPECT_EQ(leadership.version, "2025 – utkast \"B\"");
  EXPECT_EQ(leadership.revision, 2);
  EXPECT_EQ(leadership.competencies, 3u);
  EXPECT_EQ(leadership.roles, 4u);
}

// --------------------------------------------------------------------------------------------
// Audit trail

using StoreAudit = MigratedStoreTest;

void expect_timestamp(const std::string& at) {
  EXPECT_TRUE(std::regex_match(at, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"))) << at;
}

TEST_F(StoreAudit, importing_units_and_people_is_audited_with_actor_and_count) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  ASSERT_TRUE(store().organisation().save_people(culture_people(), kActor).has_value());

  auto units = store().audit().load_audit("units");
  ASSERT_TRUE(units.has_value()) << units.error().describe();
  ASSERT_EQ(units->size(), 1u);
  EXPECT_EQ(units->front().actor, "cli:testare");
  EXPECT_EQ(units->front().action, "import.units");
  EXPECT_EQ(units->front().detail, "7 units written");
  expect_timestamp(units->front().at);

  auto people = store().audit().load_audit("people");
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  ASSERT_EQ(people->size(), 1u);
  EXPECT_EQ(people->front().action, "import.people");
  EXPECT_EQ(people->front().detail, "5 people written");
}

TEST_F(StoreAudit, a_refused_import_leaves_no_audit_entry) {
  ASSERT_TRUE(store().organisation().save_units(culture_units(), kActor).has_value());
  ASSERT_FALSE(
      store().organisation().save_people({person("E040", "Fel Enhet", Gender::kMan, 1980, "FINNS-INTE", "chef", "")}, kActor)
          .has_value());
  auto people = store().audit().load_audit("people");
  ASSERT_TRUE(people.has_value()) << people.error().describe();
  EXPECT_TRUE(people->empty());
}

TEST_F(StoreAudit, each_new_framework_revision_is_audited_once) {
  core::Framework framework = small_framework();
  ASSERT_TRUE(store().frameworks().save_framework(framework, kActor).has_value());
  ASSERT_TRUE(store().frameworks().save_framework(framework, kActor).has_value());  // identical: no revision, no entry
  framework.version = "2025";
  ASSERT_TRUE(store().frameworks().save_framework(framework, store::Actor{"hr:karin"}).has_value());

  auto entries = store().audit().load_audit("ledarskap");
  ASSERT_TRUE(entries.has_value()) << entries.error().describe();
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].action, "import.framework");
  EXPECT_EQ((*entries)[0].actor, "cli:testare");
  EXPECT_EQ((*entries)[0].detail, "revision 1 (version '2025 – utkast \"B\"')");
  EXPECT_EQ((*entries)[1].actor, "hr:karin");
  EXPECT_EQ((*entries)[1].detail, "revision 2 (version '2025')");
}

TEST_F(StoreAudit, appended_entries_come_back_in_order_for_their_subject_only) {
  const store::AuditEntry first{"2026-01-10T09:00:00Z", "hr:karin", "person.update", "E001", "role: chef → medarbetare"};
  const store::AuditEntry other{"2026-01-10T09:01:00Z", "hr:karin", "person.update", "E002", "unit: BIB → KS"};
  const store::AuditEntry second{"2026-01-10T09:02:00Z", "system", "person.update", "E001", "e-post ändrad"};
  for (const auto& entry : {first, other, second}) ASSERT_TRUE(store().audit().append_audit(entry).has_value());

  reopen();
  auto entries = store().audit().load_audit("E001");
  ASSERT_TRUE(entries.has_value()) << entries.error().describe();
  ASSERT_EQ(entries->size(), 2u);
  auto same = [](const store::AuditEntry& a, const store::AuditEntry& b) {
    return a.at == b.at && a.actor == b.actor && a.action == b.action && a.subject == b.subject &&
           a.detail == b.detail;
  };
  EXPECT_TRUE(same((*entries)[0], first));
  EXPECT_TRUE(same((*entries)[1], second));
}

}  // namespace
}  // namespace trappa::testing
