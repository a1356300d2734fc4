// Issue 13, item 6: people whose role had no profile were left out of the round ("Ingår
// inte"), though everyone with a yearly conversation takes part. With a default profile the
// round holds them too, expected to reach the default profile's levels; without one they
// stay outside, as before.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/analytics/gap_snapshot.hpp"
#include "demo/history.hpp"
#include "demo/organisation.hpp"
#include "io/json/framework_json.hpp"

namespace trappa {
namespace {

core::Framework small_framework() {
  core::Framework framework;
  framework.id = "ledarskap";
  framework.name = "Ledarskap";
  framework.scale = {1, 3, {"Grund", "Säker", "Fördjupad"}};
  framework.roles = {"medarbetare", "chef", "praktikant"};
  framework.areas = {{"1", "Att leda sig själv", "", "", {}, {{"1.1", "Återhämtning", "", {"a", "b", "c"}}}},
                     {"2", "Att leda andra", "", "", {"chef"}, {{"2.1", "Återkoppling", "", {"a", "b", "c"}}}}};
  framework.profiles = {{"medarbetare", {{"1.1", 2}}}, {"chef", {{"1.1", 3}, {"2.1", 3}}}};
  return framework;
}

core::Person person(std::string id, std::string role) {
  core::Person p;
  p.employee_id = std::move(id);
  p.name = p.employee_id;
  p.unit_code = "KF";
  p.role = std::move(role);
  return p;
}

std::shared_ptr<const core::GapSnapshot> build(const core::Framework& framework, const std::vector<core::Person>& people) {
  auto tree = std::make_shared<const core::UnitTree>(core::UnitTree::build({{"KF", "Kulturförvaltningen", ""}}));
  const core::Round round{"2026", framework.id, 1, "", "2026-01-12", "2026-12-18", core::RoundState::kOpen};
  return core::GapSnapshot::build(round, framework, tree, people, core::RoundFacts{});
}

std::vector<std::string> roles_of(const core::GapSnapshot& snapshot) {
  std::vector<std::string> roles;
  for (std::size_t r = 0; r < snapshot.roles(); ++r) roles.push_back(snapshot.role_name(r));
  return roles;
}

const std::vector<core::Person> kPeople{person("E1", "medarbetare"), person("E2", "chef"),
                                        person("E3", "praktikant"), person("E4", "vaktmästare"),
                                        person("E5", "arbetsmarknadsanställd")};

TEST(DefaultProfileMembership, without_a_default_profile_roles_without_their_own_stay_outside_the_round) {
  const auto snapshot = build(small_framework(), kPeople);
  EXPECT_EQ(snapshot->people(), 2U);
  EXPECT_EQ(roles_of(*snapshot), (std::vector<std::string>{"medarbetare", "chef"}));
}

TEST(DefaultProfileMembership, with_a_default_profile_everyone_takes_part_against_it) {
  core::Framework framework = small_framework();
  framework.default_profile = "medarbetare";
  const auto snapshot = build(framework, kPeople);
  EXPECT_EQ(snapshot->people(), kPeople.size());
  // The framework's roles first, then the unlisted ones in name order.
  EXPECT_EQ(roles_of(*snapshot), (std::vector<std::string>{"medarbetare", "chef", "praktikant",
                                                           "arbetsmarknadsanställd", "vaktmästare"}));
  for (std::size_t r = 2; r < snapshot->roles(); ++r) {
    EXPECT_EQ(snapshot->expected(r, 0), 2) << snapshot->role_name(r);  // 1.1 as for medarbetare
    EXPECT_EQ(snapshot->expected(r, 1), 0) << snapshot->role_name(r);  // 2.1 not applicable
  }
}

// Issue 15: a person imported without a role is outside every round until the role is known,
// even with a default profile (which would otherwise take in any role).
TEST(DefaultProfileMembership, a_person_without_a_role_stays_outside_the_round_even_with_a_default_profile) {
  core::Framework framework = small_framework();
  framework.default_profile = "medarbetare";
  std::vector<core::Person> people = kPeople;
  people.push_back(person("E6", ""));
  const auto snapshot = build(framework, people);
  EXPECT_EQ(snapshot->people(), kPeople.size());  // E6 is not among them
  for (std::size_t r = 0; r < snapshot->roles(); ++r) EXPECT_NE(snapshot->role_name(r), "");
  EXPECT_EQ(framework.profile_of(""), nullptr);
  EXPECT_FALSE(framework.uses_default_profile(""));
  EXPECT_EQ(build(small_framework(), people)->people(), 2U);
}

// On the demo organisation with the shipped framework, whose default profile is
// `medarbetare`: the labour-market-programme workers of the history (role
// "arbetsmarknadsanställd", which the framework does not list) were outside the round; now
// they are in it, and nobody is left out for lack of a profile.
TEST(DefaultProfileMembership, the_shipped_framework_leaves_nobody_of_the_demo_outside_for_lack_of_a_profile) {
  core::Framework framework =
      io::read_framework_file(std::string(TRAPPA_DATA_DIR) + "/frameworks/digital-kompetens.json").value();
  EXPECT_EQ(framework.default_profile, "medarbetare");
  demo::DemoOrganisation organisation = demo::build_demo_organisation(1);
  (void)demo::add_employment_history(organisation, 1);
  auto tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(organisation.units));
  const core::Round round{"2026", framework.id, 1, "", "2026-01-12", "2026-12-18", core::RoundState::kOpen};
  std::size_t programme = 0;
  for (const core::Person& p : organisation.people) programme += p.role == "arbetsmarknadsanställd" ? 1 : 0;
  ASSERT_GT(programme, 0U);

  const auto with_default = core::GapSnapshot::build(round, framework, tree, organisation.people, core::RoundFacts{});
  EXPECT_EQ(with_default->people(), organisation.people.size());
  ASSERT_TRUE(with_default->role_index("arbetsmarknadsanställd").has_value());
  framework.default_profile.clear();
  const auto without = core::GapSnapshot::build(round, framework, tree, organisation.people, core::RoundFacts{});
  EXPECT_EQ(without->people(), organisation.people.size() - programme);
}

}  // namespace
}  // namespace trappa
