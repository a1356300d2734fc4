#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "web/auth/viewer.hpp"
#include "web/routes.hpp"
#include "web/ui/page_table.hpp"
#include "web/ui/router.hpp"

namespace trappa::web {
namespace {

// The application's own page table, as every capability registers it.
const PageTable& application_pages() {
  static const Router router = [] {
    Router built;
    register_routes(built);
    return built;
  }();
  return router.pages();
}

Viewer viewer_with(core::AccountRole role, bool manages_anyone = false, bool manager_overview = false) {
  Viewer viewer;
  viewer.account.role = role;
  viewer.manages_anyone = manages_anyone;
  viewer.manager_overview = manager_overview;
  return viewer;
}

std::vector<std::string> paths(const std::vector<const PageEntry*>& entries) {
  std::vector<std::string> result;
  for (const PageEntry* entry : entries) result.push_back(entry->path);
  return result;
}

using Paths = std::vector<std::string>;

TEST(PageTable, each_viewer_sees_the_navigation_of_their_role_in_order) {
  const PageTable& pages = application_pages();
  EXPECT_EQ(paths(pages.navigation(viewer_with(core::AccountRole::kEmployee))), (Paths{"/", "/skattning", "/ramverk"}));
  EXPECT_EQ(paths(pages.navigation(viewer_with(core::AccountRole::kEmployee, true))),
            (Paths{"/", "/skattning", "/team", "/ramverk"}));
  EXPECT_EQ(paths(pages.navigation(viewer_with(core::AccountRole::kEmployee, true, true))),
            (Paths{"/", "/skattning", "/team", "/oversikt", "/nyckeltal", "/prognos", "/ramverk", "/laraktiviteter"}));
  EXPECT_EQ(paths(pages.navigation(viewer_with(core::AccountRole::kHr))),
            (Paths{"/", "/skattning", "/oversikt", "/nyckeltal", "/prognos", "/ramverk", "/personer", "/laraktiviteter",
                   "/omgangar", "/importera"}));
  // Importera is for HR with the whole organisation in scope (docs/web.md, "Importera").
  Viewer scoped_hr = viewer_with(core::AccountRole::kHr);
  scoped_hr.account.scope_unit = "KF";
  EXPECT_EQ(paths(pages.navigation(scoped_hr)),
            (Paths{"/", "/skattning", "/oversikt", "/nyckeltal", "/prognos", "/ramverk", "/personer", "/laraktiviteter",
                   "/omgangar"}));
  EXPECT_EQ(paths(pages.navigation(viewer_with(core::AccountRole::kAdmin))),
            (Paths{"/", "/skattning", "/oversikt", "/nyckeltal", "/prognos", "/ramverk", "/personer", "/laraktiviteter",
                   "/omgangar", "/konton", "/importera"}));
  EXPECT_EQ(paths(pages.navigation(viewer_with(core::AccountRole::kObserver))),
            (Paths{"/", "/oversikt", "/nyckeltal", "/prognos", "/ramverk", "/laraktiviteter"}));
}

TEST(PageTable, the_home_tiles_are_the_navigation_without_the_home_page) {
  const PageTable& pages = application_pages();
  for (const Viewer& viewer : {viewer_with(core::AccountRole::kEmployee), viewer_with(core::AccountRole::kEmployee, true),
                               viewer_with(core::AccountRole::kEmployee, true, true), viewer_with(core::AccountRole::kHr),
                               viewer_with(core::AccountRole::kAdmin), viewer_with(core::AccountRole::kObserver)}) {
    Paths expected = paths(pages.navigation(viewer));
    expected.erase(expected.begin());  // "/" is Start itself
    EXPECT_EQ(paths(pages.tiles(viewer)), expected);
  }
}

// Issue 11: the navigation had Nyckeltal, the home page had no tile for it.
TEST(PageTable, the_key_figures_tile_is_on_the_home_page_for_hr_administrators_and_observers_only) {
  const PageTable& pages = application_pages();
  auto has_figures_tile = [&](const Viewer& viewer) {
    for (const PageEntry* entry : pages.tiles(viewer)) {
      if (entry->path == "/nyckeltal") return entry->title_key == "nav_figures" && !entry->tile_text_key.empty();
    }
    return false;
  };
  EXPECT_TRUE(has_figures_tile(viewer_with(core::AccountRole::kHr)));
  EXPECT_TRUE(has_figures_tile(viewer_with(core::AccountRole::kAdmin)));
  EXPECT_TRUE(has_figures_tile(viewer_with(core::AccountRole::kObserver)));
  EXPECT_FALSE(has_figures_tile(viewer_with(core::AccountRole::kEmployee)));
  EXPECT_FALSE(has_figures_tile(viewer_with(core::AccountRole::kEmployee, true)));
}

TEST(PageTable, every_entry_is_a_route_its_viewers_can_get) {
  Router router;
  register_routes(router);
  for (const PageEntry& entry : router.pages().entries()) {
    EXPECT_EQ(router.match("GET", entry.path).outcome, RouteMatch::Outcome::kFound) << entry.path;
  }
}

TEST(PageTable, entries_are_ordered_and_need_a_visibility_rule_and_a_unique_path) {
  PageTable table;
  table.add({.path = "/b", .title_key = "b", .tile_text_key = "b_text", .order = 20, .visible = everyone, .tile_status = {}});
  table.add({.path = "/a", .title_key = "a", .tile_text_key = {}, .order = 10, .visible = everyone, .tile_status = {}});
  table.add({.path = "/c", .title_key = "c", .tile_text_key = "c_text", .order = 20,
             .visible = [](const Viewer& viewer) { return viewer.is_hr(); }, .tile_status = {}});
  EXPECT_EQ(paths(table.navigation(viewer_with(core::AccountRole::kHr))), (Paths{"/a", "/b", "/c"}));
  EXPECT_EQ(paths(table.navigation(viewer_with(core::AccountRole::kEmployee))), (Paths{"/a", "/b"}));
  EXPECT_EQ(paths(table.tiles(viewer_with(core::AccountRole::kHr))), (Paths{"/b", "/c"}));
  EXPECT_THROW(table.add({.path = "/a", .title_key = "x", .tile_text_key = {}, .order = 1, .visible = everyone,
                          .tile_status = {}}),
               std::logic_error);
  EXPECT_THROW(table.add({.path = "/d", .title_key = "d", .tile_text_key = {}, .order = 1, .visible = {}, .tile_status = {}}),
               std::logic_error);
}

}  // namespace
}  // namespace trappa::web
