#include <gtest/gtest.h>

#include "app/published/directory.hpp"

namespace trappa::app {
namespace {

// Issue 12: two people with one e-mail address (letter case ignored), as an older store or a
// store written before imports refused it may hold. Signing in by that address, or a
// single sign-on header carrying it, must find no one rather than one of them.
Directory with_emails(std::vector<std::pair<std::string, std::string>> id_and_email) {
  std::vector<core::Unit> units{{"ROOT", "Staden", "", core::UnitKind::kCity}};
  OrganisationData data;
  for (auto& [id, email] : id_and_email) {
    core::Person person;
    person.employee_id = id;
    person.name = id;
    person.email = email;
    person.unit_code = "ROOT";
    person.role = "medarbetare";
    data.people.push_back(person);
    data.employee_ids.push_back(id);
  }
  data.tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(units));
  return Directory(std::move(data));
}

TEST(DirectoryEmail, an_address_two_people_share_finds_neither) {
  const Directory directory =
      with_emails({{"E1", "anna@example.org"}, {"E2", "Anna@Example.org"}, {"E3", "bo@example.org"}});
  EXPECT_EQ(directory.index_of_email("anna@example.org"), std::nullopt);
  EXPECT_EQ(directory.index_of_email("ANNA@EXAMPLE.ORG"), std::nullopt);
  EXPECT_TRUE(directory.email_is_shared("anna@EXAMPLE.org"));
  EXPECT_EQ(directory.index_of_email("BO@example.org"), std::optional<std::uint32_t>(2));
  EXPECT_FALSE(directory.email_is_shared("bo@example.org"));
}

TEST(DirectoryEmail, an_address_three_people_share_finds_none) {
  const Directory directory =
      with_emails({{"E1", "anna@example.org"}, {"E2", "anna@example.org"}, {"E3", "ANNA@example.org"}});
  EXPECT_EQ(directory.index_of_email("anna@example.org"), std::nullopt);
}

}  // namespace
}  // namespace trappa::app
