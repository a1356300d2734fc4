// The role profile matrix (a spreadsheet saved as CSV) applied to the shipped framework: the
// roles it names are replaced, new roles are added, nothing else changes, and every problem
// in tests/fixtures/import/matrix_*.csv is reported in full.
#include "io/imports/profile_matrix.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/json/framework_json.hpp"
#include "import_fixtures.hpp"

namespace trappa::io {
namespace {

using fixtures::import_directory;

const core::Framework& shipped() {
  static const core::Framework framework = [] {
    auto read = read_framework_file(TRAPPA_DATA_DIR "/frameworks/digital-kompetens.json");
    EXPECT_TRUE(read.has_value()) << (read ? "" : read.error().describe());
    return read.value_or(core::Framework{});
  }();
  return framework;
}

core::Result<core::Framework> apply_fixture(const std::string& file) {
  auto table = parse_csv(fixtures::read_text(import_directory() / file), file);
  if (!table) return std::unexpected(table.error());
  return apply_profile_matrix(*table, shipped());
}

TEST(ProfileMatrix, replaces_the_named_roles_and_adds_a_new_role_at_the_end) {
  auto applied = apply_fixture("matrix.csv");
  ASSERT_TRUE(applied.has_value()) << applied.error().describe();

  const core::RoleProfile chef{{"1.1", 5}, {"1.2", 5}, {"2.1", 4}, {"2.2", 4}, {"2.3", 4}, {"3.1", 4}, {"3.2", 4},
                               {"4.1", 3}, {"4.2", 4}, {"5.1", 3}, {"5.2", 4}, {"5.3", 4}, {"6.1", 4}, {"6.2", 4}};
  // Empty cells: 2.2 and area 6 do not apply to biblioteksvärd any more.
  const core::RoleProfile host{{"1.1", 2}, {"1.2", 2}, {"2.1", 1}, {"2.3", 1}, {"3.1", 2}, {"3.2", 2},
                               {"4.1", 1}, {"4.2", 1}, {"5.1", 1}, {"5.2", 2}, {"5.3", 2}};
  const core::RoleProfile communicator{{"1.1", 3}, {"1.2", 4}, {"2.1", 4}, {"2.2", 4}, {"2.3", 5}, {"3.1", 5},
                                       {"3.2", 5}, {"4.1", 3}, {"4.2", 3}, {"5.1", 3}, {"5.2", 3}, {"5.3", 3}};
  EXPECT_EQ(applied->profiles.at("chef"), chef);
  EXPECT_EQ(applied->profiles.at("biblioteksvärd"), host);
  EXPECT_EQ(applied->profiles.at("kommunikatör"), communicator);

  std::vector<std::string> roles = shipped().roles;
  roles.push_back("kommunikatör");
  EXPECT_EQ(applied->roles, roles);
  EXPECT_TRUE(core::validate_framework(*applied).empty());
}

TEST(ProfileMatrix, leaves_everything_it_does_not_name_unchanged) {
  auto applied = apply_fixture("matrix.csv");
  ASSERT_TRUE(applied.has_value()) << applied.error().describe();
  core::Framework expected = shipped();
  expected.roles.push_back("kommunikatör");
  expected.profiles["chef"] = applied->profiles.at("chef");
  expected.profiles["biblioteksvärd"] = applied->profiles.at("biblioteksvärd");
  expected.profiles["kommunikatör"] = applied->profiles.at("kommunikatör");
  EXPECT_EQ(*applied, expected);
  EXPECT_EQ(applied->profiles.at("systemägare"), shipped().profiles.at("systemägare"));
  EXPECT_EQ(applied->areas, shipped().areas);
}

TEST(ProfileMatrix, applying_a_framework_own_matrix_changes_nothing) {
  // The matrix of the medarbetare and systemansvarig profiles exactly as shipped.
  std::string text = "kompetens,medarbetare,systemansvarig\n";
  for (const core::Area& area : shipped().areas) {
    for (const core::Competency& competency : area.competencies) {
      auto cell = [&](const std::string& role) {
        const core::RoleProfile& profile = shipped().profiles.at(role);
        auto found = profile.find(competency.code);
        return found == profile.end() ? std::string() : std::to_string(found->second);
      };
      text += competency.code + "," + cell("medarbetare") + "," + cell("systemansvarig") + "\n";
    }
  }
  auto table = parse_csv(text, "egen.csv");
  ASSERT_TRUE(table.has_value());
  auto applied = apply_profile_matrix(*table, shipped());
  ASSERT_TRUE(applied.has_value()) << applied.error().describe();
  EXPECT_EQ(*applied, shipped());
}

class ProfileMatrixErrors : public ::testing::TestWithParam<std::string> {};

TEST_P(ProfileMatrixErrors, are_all_reported_and_nothing_is_returned) {
  auto applied = apply_fixture(GetParam() + ".csv");
  ASSERT_FALSE(applied.has_value()) << GetParam() << ".csv was accepted";
  EXPECT_EQ(applied.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(fixtures::reported_lines(applied.error()), fixtures::expected_lines(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(ProfileMatrix, ProfileMatrixErrors,
                         ::testing::ValuesIn(fixtures::case_names("matrix_", ".csv")), fixtures::case_test_name);

TEST(ProfileMatrix, the_issue_cases_are_among_the_fixtures) {
  const std::vector<std::string> names = fixtures::case_names("matrix_", ".csv");
  for (const char* name : {"matrix_unknown_competency", "matrix_level_outside_scale",
                           "matrix_role_restricted_from_area"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
}

}  // namespace
}  // namespace trappa::io
