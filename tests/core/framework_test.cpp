// Framework rules: lookups, and validate_framework reporting every broken rule with its
// field path. Each case starts from a valid framework and breaks one thing.
#include "core/framework/framework.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace trappa::core {
namespace {

// Two areas, the second only for managers; three roles, one without a profile.
Framework valid_framework() {
  Framework framework;
  framework.id = "ledarskap";
  framework.name = "Ledarskap";
  framework.version = "1";
  framework.scale = {1, 3, {"Grund", "Säker", "Fördjupad"}};
  framework.roles = {"medarbetare", "chef", "praktikant"};
  framework.areas = {
      {"1", "Att leda sig själv", "", "Hur motiverad är du?", {},
       {{"1.1", "Återhämtning", "", {"a", "b", "c"}}, {"1.2", "Prioritering", "", {"a", "b", "c"}}}},
      {"2", "Att leda andra", "", "", {"chef"}, {{"2.1", "Återkoppling", "", {"a", "b", "c"}}}},
  };
  framework.profiles = {{"medarbetare", {{"1.1", 2}, {"1.2", 1}}}, {"chef", {{"1.1", 3}, {"2.1", 3}}}};
  return framework;
}

std::vector<std::string> problems_of(const Framework& framework) {
  std::vector<std::string> lines;
  for (const Problem& problem : validate_framework(framework)) lines.push_back(problem.to_string());
  return lines;
}

TEST(Framework, a_valid_framework_has_no_problems) { EXPECT_TRUE(validate_framework(valid_framework()).empty()); }

TEST(Framework, finds_competencies_areas_and_profiles_by_code) {
  const Framework framework = valid_framework();
  ASSERT_NE(framework.find_competency("2.1"), nullptr);
  EXPECT_EQ(framework.find_competency("2.1")->name, "Återkoppling");
  EXPECT_EQ(framework.find_competency("3.1"), nullptr);
  ASSERT_NE(framework.find_area("2"), nullptr);
  EXPECT_EQ(framework.find_area("2")->name, "Att leda andra");
  EXPECT_EQ(framework.find_area("9"), nullptr);
  ASSERT_NE(framework.area_of("1.2"), nullptr);
  EXPECT_EQ(framework.area_of("1.2")->code, "1");
  EXPECT_EQ(framework.area_of("1"), nullptr);
  ASSERT_NE(framework.profile_of("chef"), nullptr);
  EXPECT_EQ(framework.profile_of("chef")->at("2.1"), 3);
  EXPECT_EQ(framework.profile_of("praktikant"), nullptr);  // a role need not have a profile
  EXPECT_TRUE(framework.has_role("praktikant"));
  EXPECT_FALSE(framework.has_role("rektor"));
  EXPECT_EQ(framework.competency_count(), 3u);
}

// Issue 13, item 6: people whose role had no profile were left out of the round ("Ingår
// inte"). A default profile applies to every role without its own: listed roles without a
// profile and roles the framework does not list; a role's own profile still wins.
TEST(Framework, a_role_without_its_own_profile_is_assessed_against_the_default_profile) {
  Framework framework = valid_framework();
  EXPECT_EQ(framework.profile_of("praktikant"), nullptr);
  EXPECT_EQ(framework.default_role_profile(), nullptr);
  EXPECT_FALSE(framework.uses_default_profile("praktikant"));

  framework.default_profile = "medarbetare";
  EXPECT_TRUE(validate_framework(framework).empty());
  const RoleProfile* staff = framework.own_profile_of("medarbetare");
  ASSERT_NE(staff, nullptr);
  EXPECT_EQ(framework.default_role_profile(), staff);
  EXPECT_EQ(framework.profile_of("praktikant"), staff);        // listed, no profile of its own
  EXPECT_EQ(framework.profile_of("vaktmästare"), staff);       // not listed at all
  EXPECT_EQ(framework.own_profile_of("praktikant"), nullptr);  // what export writes back
  EXPECT_TRUE(framework.uses_default_profile("praktikant"));
  EXPECT_TRUE(framework.uses_default_profile("vaktmästare"));
  EXPECT_FALSE(framework.uses_default_profile("medarbetare"));
  EXPECT_FALSE(framework.uses_default_profile("chef"));
  EXPECT_EQ(framework.profile_of("chef")->at("2.1"), 3);  // its own profile, not the default
}

TEST(Framework, an_area_without_roles_applies_to_every_role_and_a_restricted_one_only_to_its_roles) {
  const Framework framework = valid_framework();
  EXPECT_TRUE(framework.areas[0].applies_to("praktikant"));
  EXPECT_TRUE(framework.areas[0].applies_to("någon annan"));
  EXPECT_TRUE(framework.areas[1].applies_to("chef"));
  EXPECT_FALSE(framework.areas[1].applies_to("medarbetare"));
}

TEST(Framework, the_level_scale_knows_its_size_and_bounds) {
  const LevelScale scale{0, 4, {"a", "b", "c", "d", "e"}};
  EXPECT_EQ(scale.size(), 5);
  EXPECT_TRUE(scale.contains(0));
  EXPECT_TRUE(scale.contains(4));
  EXPECT_FALSE(scale.contains(-1));
  EXPECT_FALSE(scale.contains(5));
}

struct BrokenCase {
  const char* name;
  std::function<void(Framework&)> breaks;
  std::vector<std::string> problems;

  friend void PrintTo(const BrokenCase& broken, std::ostream* out) { *out << broken.name; }
};

class FrameworkValidation : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(FrameworkValidation, reports_every_broken_rule_with_its_field_path) {
  Framework framework = valid_framework();
  GetParam().breaks(framework);
  EXPECT_EQ(problems_of(framework), GetParam().problems);
}

INSTANTIATE_TEST_SUITE_P(
    Framework, FrameworkValidation,
    ::testing::Values(
        BrokenCase{"empty_id_and_name",
                   [](Framework& f) {
                     f.id.clear();
                     f.name.clear();
                   },
                   {"id: must not be empty", "name: must not be empty"}},
        BrokenCase{"scale_min_above_max",
                   [](Framework& f) {
                     f.scale = {4, 2, {}};
                     f.profiles.clear();  // else every expected level is also outside the scale
                   },
                   // Descriptor counts are not checked against a scale that makes no sense.
                   {"scale: min 4 is above max 2"}},
        BrokenCase{"more_than_ten_levels",
                   [](Framework& f) {
                     f.scale = {1, 11, std::vector<std::string>(11, "nivå")};
                   },
                   {"scale: 11 levels; at most 10 are supported",
                    "areas[0].competencies[0].levels: 3 level descriptors for 11 levels",
                    "areas[0].competencies[1].levels: 3 level descriptors for 11 levels",
                    "areas[1].competencies[0].levels: 3 level descriptors for 11 levels"}},
        BrokenCase{"a_level_name_missing", [](Framework& f) { f.scale.names.pop_back(); },
                   {"scale.levels: 2 level names for 3 levels"}},
        BrokenCase{"duplicate_and_empty_roles",
                   [](Framework& f) {
                     f.roles.push_back("chef");
                     f.roles.push_back("");
                   },
                   {"roles[3]: duplicate role 'chef'", "roles[4]: must not be empty"}},
        BrokenCase{"duplicate_area_code_and_empty_area",
                   [](Framework& f) { f.areas.push_back({"2", "", "", "", {}, {}}); },
                   {"areas[2].code: duplicate area code '2'", "areas[2].name: must not be empty",
                    "areas[2].competencies: an area needs at least one competency"}},
        BrokenCase{"area_restricted_to_an_unknown_role",
                   [](Framework& f) { f.areas[1].roles.push_back("rektor"); },
                   {"areas[1].roles[1]: role 'rektor' is not among the framework's roles"}},
        BrokenCase{"competency_code_repeated_in_another_area",
                   [](Framework& f) { f.areas[1].competencies.push_back({"1.1", "Igen", "", {"a", "b", "c"}}); },
                   {"areas[1].competencies[1].code: duplicate competency code '1.1'"}},
        BrokenCase{"competency_without_code_or_name",
                   [](Framework& f) { f.areas[0].competencies.push_back({"", "", "", {"a", "b", "c"}}); },
                   {"areas[0].competencies[2].code: must not be empty",
                    "areas[0].competencies[2].name: must not be empty"}},
        BrokenCase{"descriptor_missing", [](Framework& f) { f.areas[0].competencies[1].level_descriptors.pop_back(); },
                   {"areas[0].competencies[1].levels: 2 level descriptors for 3 levels"}},
        BrokenCase{"profile_for_an_unknown_role", [](Framework& f) { f.profiles["rektor"] = {{"1.1", 2}}; },
                   {"profiles.rektor: role 'rektor' is not among the framework's roles"}},
        BrokenCase{"profile_with_an_unknown_competency", [](Framework& f) { f.profiles["chef"]["9.9"] = 2; },
                   {"profiles.chef.9.9: unknown competency '9.9'"}},
        BrokenCase{"expected_levels_outside_the_scale",
                   [](Framework& f) {
                     f.profiles["chef"]["1.1"] = 4;
                     f.profiles["medarbetare"]["1.2"] = 0;
                   },
                   // Profiles are checked in role name order: chef before medarbetare.
                   {"profiles.chef.1.1: expected level 4 is outside the scale 1–3",
                    "profiles.medarbetare.1.2: expected level 0 is outside the scale 1–3"}},
        BrokenCase{"profile_in_an_area_restricted_away_from_the_role",
                   [](Framework& f) { f.profiles["medarbetare"]["2.1"] = 2; },
                   {"profiles.medarbetare.2.1: area 2 is not assessed by role 'medarbetare'"}},
        BrokenCase{"default_profile_that_names_no_profile",
                   [](Framework& f) { f.default_profile = "praktikant"; },  // a role, but without a profile
                   {"default_profile: names no profile: 'praktikant' is not a key of profiles"}}),
    [](const ::testing::TestParamInfo<BrokenCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace trappa::core
