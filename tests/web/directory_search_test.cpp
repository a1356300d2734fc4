// HR's person search over the published directory (app/published/directory.hpp): an exact
// employee number or e-mail address first, names after, only within the viewer's scope, and
// at most the page's limit with "more" when others match.
#include <gtest/gtest.h>

#include "app/published/directory.hpp"

namespace trappa::app {
namespace {

struct Row {
  std::string id, name, email, unit;
};

Directory organisation(const std::vector<Row>& rows) {
  const std::vector<core::Unit> units{{"ROOT", "Staden", "", core::UnitKind::kCity},
                                      {"A", "Avdelning A", "ROOT", core::UnitKind::kDepartment},
                                      {"B", "Avdelning B", "ROOT", core::UnitKind::kDepartment}};
  OrganisationData data;
  for (const Row& row : rows) {
    core::Person person;
    person.employee_id = row.id;
    person.name = row.name;
    person.email = row.email;
    person.unit_code = row.unit;
    person.role = "medarbetare";
    data.people.push_back(person);
    data.employee_ids.push_back(row.id);
  }
  data.tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(units));
  return Directory(std::move(data));
}

std::vector<std::string> ids(const Directory& directory, const Directory::SearchResult& result) {
  std::vector<std::string> found;
  for (std::uint32_t person : result.people) found.push_back(directory.people()[person].employee_id);
  return found;
}

TEST(DirectorySearch, finds_by_name_id_and_address_within_the_scope_sorted_by_name) {
  const Directory directory = organisation({{"E1", "Åsa Berg", "asa@example.org", "A"},
                                            {"E2", "Anna Berg", "anna@example.org", "A"},
                                            {"E3", "Berit Ek", "berit@example.org", "B"},
                                            {"E4", "Bo Berg", "", "B"}});
  EXPECT_EQ(ids(directory, directory.search("berg", "", 50)), (std::vector<std::string>{"E2", "E4", "E1"}));
  EXPECT_EQ(ids(directory, directory.search("berg", "A", 50)), (std::vector<std::string>{"E2", "E1"}));
  EXPECT_EQ(ids(directory, directory.search("E3", "", 50)), (std::vector<std::string>{"E3"}));
  EXPECT_EQ(ids(directory, directory.search("E3", "A", 50)), (std::vector<std::string>{}));
  EXPECT_EQ(ids(directory, directory.search("BERIT@example.org", "", 50)), (std::vector<std::string>{"E3"}));
}

TEST(DirectorySearch, stops_at_the_limit_and_says_that_more_match) {
  const Directory directory =
      organisation({{"E1", "Anna A", "", "A"}, {"E2", "Anna B", "", "A"}, {"E3", "Anna C", "", "B"}});
  const auto two = directory.search("anna", "", 2);
  EXPECT_EQ(two.people.size(), 2u);
  EXPECT_TRUE(two.more);
  const auto all = directory.search("anna", "", 3);
  EXPECT_EQ(all.people.size(), 3u);
  EXPECT_FALSE(all.more);
}

}  // namespace
}  // namespace trappa::app
