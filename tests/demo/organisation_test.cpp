#include "demo/organisation.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace trappa::demo {
namespace {

using namespace trappa::core;  // the organisation types the demo generates

const std::set<std::string> kAllowedRoles{
    "medarbetare", "chef",       "bibliotekarie",         "biblioteksassistent", "biblioteksvärd",
    "koordinator", "samordnare", "verksamhetsutvecklare", "systemägare",         "systemansvarig"};

const demo::DemoOrganisation& demo() {
  static const demo::DemoOrganisation organisation = demo::build_demo_organisation(1);
  return organisation;
}

std::size_t count_women(const demo::DemoOrganisation& organisation) {
  std::size_t women = 0;
  for (const Person& person : organisation.people) women += person.gender == Gender::kWoman;
  return women;
}

// Every reference resolves, in order: units after their parent, people after their manager,
// managers are "chef", and so following manager_id always ends (no cycles).
void expect_valid_references(const demo::DemoOrganisation& organisation) {
  ASSERT_FALSE(organisation.units.empty());
  EXPECT_TRUE(organisation.units.front().parent_code.empty());
  EXPECT_EQ(organisation.units.front().kind, UnitKind::kCity);
  std::unordered_set<std::string> seen_units;
  for (const Unit& unit : organisation.units) {
    if (!unit.parent_code.empty()) {
      EXPECT_TRUE(seen_units.contains(unit.parent_code)) << unit.code << " before its parent";
    } else {
      EXPECT_TRUE(seen_units.empty()) << unit.code << " is a second root";
    }
    EXPECT_TRUE(seen_units.insert(unit.code).second) << "duplicate unit " << unit.code;
  }

  std::unordered_map<std::string, const Person*> seen_people;
  std::unordered_set<std::string> emails;
  for (const Person& person : organisation.people) {
    EXPECT_TRUE(seen_units.contains(person.unit_code)) << person.employee_id;
    if (!person.manager_id.empty()) {
      const auto manager = seen_people.find(person.manager_id);
      ASSERT_NE(manager, seen_people.end()) << person.employee_id << " before its manager";
      EXPECT_EQ(manager->second->role, "chef") << person.manager_id;
    }
    EXPECT_TRUE(seen_people.emplace(person.employee_id, &person).second)
        << "duplicate id " << person.employee_id;
    if (!person.email.empty()) {
      EXPECT_TRUE(emails.insert(person.email).second) << "duplicate e-mail " << person.email;
    }
    EXPECT_TRUE(kAllowedRoles.contains(person.role)) << person.role;
    EXPECT_GE(person.birth_year, kEarliestBirthYear);
    EXPECT_LE(person.birth_year, kLatestBirthYear);
  }
  // Managers come before reports, so a chain visits strictly earlier people and cannot loop;
  // walk each chain anyway with a step limit to state the property directly.
  for (const Person& person : organisation.people) {
    const Person* current = &person;
    std::size_t steps = 0;
    while (!current->manager_id.empty() && steps <= organisation.people.size()) {
      current = seen_people.at(current->manager_id);
      ++steps;
    }
    EXPECT_LE(steps, organisation.people.size()) << "cycle above " << person.employee_id;
  }
}

TEST(DemoOrganisation, is_the_same_for_the_same_seed_and_differs_for_another) {
  const demo::DemoOrganisation again = demo::build_demo_organisation(1);
  EXPECT_EQ(again.units, demo().units);
  EXPECT_EQ(again.people, demo().people);
  const demo::DemoOrganisation other = demo::build_demo_organisation(2);
  EXPECT_EQ(other.units, demo().units);  // the tree is fixed; the people vary
  EXPECT_NE(other.people, demo().people);
}

TEST(DemoOrganisation, has_about_a_thousand_people_two_thirds_women) {
  for (std::uint64_t seed : {1u, 2u, 42u}) {
    const demo::DemoOrganisation organisation = demo::build_demo_organisation(seed);
    EXPECT_GE(organisation.people.size(), 1000u);
    EXPECT_LE(organisation.people.size(), 1040u);
    const double women =
        static_cast<double>(count_women(organisation)) / static_cast<double>(organisation.people.size());
    EXPECT_GE(women, 0.60);
    EXPECT_LE(women, 0.72);
  }
  EXPECT_EQ(demo().people.size(), 1021u);  // as in seed 000
}

TEST(DemoOrganisation, has_a_few_people_of_gender_x) {
  std::size_t other = 0;
  for (const Person& person : demo().people) other += person.gender == Gender::kOther;
  EXPECT_GE(other, 1u);
  EXPECT_LE(other, 20u);
}

TEST(DemoOrganisation, has_a_mean_age_near_the_administrations_and_working_ages_only) {
  double total = 0;
  for (const Person& person : demo().people) {
    const int age = kDemoReferenceYear - person.birth_year;
    EXPECT_GE(age, 20);
    EXPECT_LE(age, 67);
    total += age;
  }
  const double mean = total / static_cast<double>(demo().people.size());
  EXPECT_GE(mean, 45.5);
  EXPECT_LE(mean, 49.5);
}

TEST(DemoOrganisation, nests_city_administration_departments_and_units) {
  const auto& units = demo().units;
  ASSERT_GE(units.size(), 10u);
  EXPECT_EQ(units[0].name, "Stockholms stad");
  EXPECT_EQ(units[1].name, "Kulturförvaltningen");
  EXPECT_EQ(units[1].kind, UnitKind::kAdministration);
  EXPECT_EQ(units[1].parent_code, units[0].code);
  std::set<std::string> departments;
  for (const Unit& unit : units) {
    if (unit.kind == UnitKind::kDepartment) {
      EXPECT_EQ(unit.parent_code, units[1].code);
      departments.insert(unit.name);
    }
  }
  for (const char* name : {"Stockholms stadsbibliotek", "Kulturskolan", "Museer och konst",
                           "Liljevalchs konsthall", "Evenemangsavdelningen",
                           "Administrativa staben", "Kulturstrategiska staben",
                           "Kommunikationsstaben"}) {
    EXPECT_TRUE(departments.contains(name)) << name;
  }
}

TEST(DemoOrganisation, library_holds_about_half_the_people_mostly_in_library_roles) {
  std::size_t library = 0;
  std::size_t library_roles = 0;
  for (const Person& person : demo().people) {
    if (!person.unit_code.starts_with("KF-SSB")) continue;
    ++library;
    library_roles += person.role.starts_with("bibliotek");
  }
  const double share = static_cast<double>(library) / static_cast<double>(demo().people.size());
  EXPECT_GE(share, 0.50);
  EXPECT_LE(share, 0.60);
  EXPECT_GT(library_roles * 2, library);
}

TEST(DemoOrganisation, every_person_and_manager_reference_is_valid) {
  expect_valid_references(demo());
}

TEST(DemoOrganisation, has_one_director_and_one_manager_per_unit_with_realistic_spans) {
  const demo::DemoOrganisation& organisation = demo();
  std::size_t without_manager = 0;
  std::unordered_map<std::string, std::size_t> reports;
  std::unordered_map<std::string, std::string> unit_of;
  for (const Person& person : organisation.people) {
    unit_of[person.employee_id] = person.unit_code;
    if (person.manager_id.empty()) {
      ++without_manager;
      EXPECT_EQ(person.role, "chef");
    } else {
      ++reports[person.manager_id];
    }
  }
  EXPECT_EQ(without_manager, 1u);
  std::unordered_map<std::string, UnitKind> kind_of;
  for (const Unit& unit : organisation.units) kind_of[unit.code] = unit.kind;
  std::unordered_map<std::string, std::size_t> managers_per_unit;
  for (const auto& [manager, count] : reports) {
    ++managers_per_unit[unit_of[manager]];
    EXPECT_LE(count, 30u) << manager;
    if (kind_of[unit_of[manager]] == UnitKind::kUnit) {
      EXPECT_GE(count, 8u) << manager;
    }
  }
  for (const Unit& unit : organisation.units) {
    if (unit.kind == UnitKind::kCity) continue;
    EXPECT_EQ(managers_per_unit[unit.code], 1u) << unit.code;
  }
}

TEST(DemoOrganisation, gives_unique_ascii_emails_and_employee_ids) {
  std::unordered_set<std::string> ids;
  for (const Person& person : demo().people) {
    EXPECT_TRUE(ids.insert(person.employee_id).second);
    EXPECT_EQ(person.employee_id.size(), 7u);
    EXPECT_EQ(person.employee_id[0], 'E');
    ASSERT_TRUE(person.email.ends_with("@stockholm.se")) << person.email;
    for (char c : person.email) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                  c == '@')
          << person.email;
    }
    EXPECT_FALSE(person.city_start_date.has_value());
  }
  EXPECT_EQ(demo().people.front().employee_id, "E000001");
}

TEST(SyntheticOrganisation, has_exactly_the_requested_people_with_valid_references) {
  for (std::size_t people : {std::size_t{1}, std::size_t{10}, std::size_t{1000}, std::size_t{100'000}}) {
    SCOPED_TRACE(people);
    const demo::DemoOrganisation organisation = demo::build_synthetic_organisation(people, 7);
    EXPECT_EQ(organisation.people.size(), people);
    expect_valid_references(organisation);
  }
}

TEST(SyntheticOrganisation, is_the_same_for_the_same_seed) {
  EXPECT_EQ(demo::build_synthetic_organisation(5000, 3).people, demo::build_synthetic_organisation(5000, 3).people);
  EXPECT_NE(demo::build_synthetic_organisation(5000, 3).people, demo::build_synthetic_organisation(5000, 4).people);
}

TEST(SyntheticOrganisation, has_administrations_of_about_four_thousand_and_units_of_fifteen_to_forty) {
  const demo::DemoOrganisation organisation = demo::build_synthetic_organisation(100'000, 1);
  std::unordered_map<std::string, std::size_t> unit_sizes;
  for (const Person& person : organisation.people) ++unit_sizes[person.unit_code];
  std::size_t administrations = 0;
  for (const Unit& unit : organisation.units) {
    if (unit.kind == UnitKind::kAdministration) ++administrations;
    if (unit.kind == UnitKind::kUnit) {
      EXPECT_GE(unit_sizes[unit.code], 13u) << unit.code;
      EXPECT_LE(unit_sizes[unit.code], 40u) << unit.code;
    }
  }
  EXPECT_EQ(administrations, 25u);
  const double women =
      static_cast<double>(count_women(organisation)) / static_cast<double>(organisation.people.size());
  EXPECT_NEAR(women, 0.664, 0.02);
}

}  // namespace
}  // namespace trappa::demo
