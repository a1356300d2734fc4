#include <gtest/gtest.h>

#include "app/published/directory.hpp"
#include "web/auth/viewer.hpp"

namespace trappa::web {
namespace {

// A small organisation: the head H manages M1 and M2; M1 manages A and B; M2 manages C.
// Units: ROOT > DEP1 (H, M1, A, B), ROOT > DEP2 (M2, C).
app::Directory organisation() {
  std::vector<core::Unit> units{{"ROOT", "Staden", "", core::UnitKind::kCity},
                                {"DEP1", "Avdelning 1", "ROOT", core::UnitKind::kDepartment},
                                {"DEP2", "Avdelning 2", "ROOT", core::UnitKind::kDepartment}};
  auto person = [](std::string id, std::string unit, std::string manager) {
    core::Person p;
    p.employee_id = id;
    p.name = id;
    p.unit_code = std::move(unit);
    p.manager_id = std::move(manager);
    p.role = "medarbetare";
    return p;
  };
  app::OrganisationData data;
  data.people = {person("H", "DEP1", ""), person("M1", "DEP1", "H"), person("M2", "DEP2", "H"),
                 person("A", "DEP1", "M1"), person("B", "DEP1", "M1"), person("C", "DEP2", "M2")};
  data.tree = std::make_shared<const core::UnitTree>(core::UnitTree::build(units));
  for (const auto& p : data.people) data.employee_ids.push_back(p.employee_id);
  return app::Directory(std::move(data));
}

Viewer viewer_of(const app::Directory& directory, const std::string& id, core::AccountRole role, std::string scope = {}) {
  Viewer viewer;
  viewer.account.employee_id = id;
  viewer.account.role = role;
  viewer.account.scope_unit = std::move(scope);
  viewer.person_index = *directory.index_of(id);
  viewer.person = directory.find(id);
  viewer.manages_anyone = directory.manages_anyone(viewer.person_index);
  return viewer;
}

TEST(Access, a_direct_manager_manages_and_an_indirect_manager_reads) {
  const app::Directory directory = organisation();
  const Viewer m1 = viewer_of(directory, "M1", core::AccountRole::kEmployee);
  const Viewer head = viewer_of(directory, "H", core::AccountRole::kEmployee);
  EXPECT_EQ(access_to_person(directory, m1, *directory.index_of("A")), PersonAccess::kManage);
  EXPECT_EQ(access_to_person(directory, m1, *directory.index_of("C")), PersonAccess::kNone);
  EXPECT_EQ(access_to_person(directory, head, *directory.index_of("A")), PersonAccess::kRead);
  EXPECT_EQ(access_to_person(directory, head, *directory.index_of("M1")), PersonAccess::kManage);
}

TEST(Access, an_employee_sees_nobody_else_and_not_themselves_through_this_rule) {
  const app::Directory directory = organisation();
  const Viewer a = viewer_of(directory, "A", core::AccountRole::kEmployee);
  EXPECT_FALSE(a.manages_anyone);
  for (const char* other : {"H", "M1", "B", "C"}) {
    EXPECT_EQ(access_to_person(directory, a, *directory.index_of(other)), PersonAccess::kNone) << other;
  }
  EXPECT_EQ(access_to_person(directory, a, *directory.index_of("A")), PersonAccess::kNone);
}

TEST(Access, hr_manages_its_scope_only_and_observers_no_one) {
  const app::Directory directory = organisation();
  const Viewer hr = viewer_of(directory, "B", core::AccountRole::kHr, "DEP2");
  EXPECT_EQ(access_to_person(directory, hr, *directory.index_of("C")), PersonAccess::kManage);
  EXPECT_EQ(access_to_person(directory, hr, *directory.index_of("A")), PersonAccess::kNone);
  const Viewer admin = viewer_of(directory, "B", core::AccountRole::kAdmin, "DEP2");
  EXPECT_EQ(admin.scope(), "");
  EXPECT_EQ(access_to_person(directory, admin, *directory.index_of("A")), PersonAccess::kManage);
  const Viewer observer = viewer_of(directory, "M1", core::AccountRole::kObserver);
  EXPECT_EQ(access_to_person(directory, observer, *directory.index_of("A")), PersonAccess::kNone);
  EXPECT_TRUE(observer.sees_overview());
  EXPECT_FALSE(viewer_of(directory, "A", core::AccountRole::kEmployee).sees_overview());
}

TEST(Access, with_manager_overview_a_manager_sees_the_own_units_aggregates_suppressed) {
  const app::Directory directory = organisation();
  Viewer m2 = viewer_of(directory, "M2", core::AccountRole::kEmployee);
  grant_manager_overview(m2, false);
  EXPECT_FALSE(m2.sees_overview()) << "only with trappa serve --manager-overview";
  grant_manager_overview(m2, true);
  EXPECT_TRUE(m2.sees_overview());
  EXPECT_TRUE(m2.suppressed_aggregates());
  EXPECT_EQ(m2.aggregate_scope(), "DEP2") << "the manager's own unit";
  Viewer a = viewer_of(directory, "A", core::AccountRole::kEmployee);
  grant_manager_overview(a, true);
  EXPECT_FALSE(a.sees_overview()) << "A manages nobody";
  Viewer hr = viewer_of(directory, "M1", core::AccountRole::kHr, "DEP1");
  grant_manager_overview(hr, true);
  EXPECT_FALSE(hr.suppressed_aggregates()) << "HR sees its scope in full";
  EXPECT_EQ(hr.aggregate_scope(), "DEP1");
  const Viewer observer = viewer_of(directory, "B", core::AccountRole::kObserver);
  EXPECT_TRUE(observer.suppressed_aggregates());
  EXPECT_EQ(observer.aggregate_scope(), "");
}

TEST(Directory, reports_are_found_directly_and_through_the_chain) {
  const app::Directory directory = organisation();
  EXPECT_EQ(directory.direct_reports(*directory.index_of("H")).size(), 2u);
  EXPECT_EQ(directory.all_reports(*directory.index_of("H")).size(), 5u);
  EXPECT_TRUE(directory.unit_in_subtree("DEP1", "ROOT"));
  EXPECT_FALSE(directory.unit_in_subtree("DEP1", "DEP2"));
  EXPECT_TRUE(directory.unit_in_subtree("DEP1", ""));
}

}  // namespace
}  // namespace trappa::web
