// The page table: the pages a viewer can go to, in one list that draws both the main
// navigation (render_layout, page_common.cpp) and the tiles of the home page.
//
// Each capability adds its own entries while it registers its routes
// (register_<capability>(Router&), web/routes.hpp); no other list of pages exists.
// Built at start-up, immutable afterwards: the const members may be called from every
// request thread at once.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/assessment/assessment_progress.hpp"

namespace trappa::web {

struct AppContext;
struct Viewer;

struct PageEntry {
  std::string path;            // "/team"; also names the page that render_layout marks current
  std::string title_key;       // catalogue key of the navigation label and the tile's title
  std::string tile_text_key;   // catalogue key of the tile's text; empty: in the navigation only
  int order = 0;               // navigation and tiles are sorted by this, then by path
  // Whether `viewer` sees the entry (in the navigation and, with a tile text, on the home
  // page). Must not be empty.
  std::function<bool(const Viewer& viewer)> visible;
  // The assessment status the tile shows, if any (Min skattning shows the viewer's own).
  std::function<std::optional<core::Progress>(const AppContext& app, const Viewer& viewer)> tile_status;
};

class PageTable {
 public:
  // Start-up only. Throws std::logic_error for an entry without `visible` or with a path
  // already in the table.
  void add(PageEntry entry);

  // The entries `viewer` sees in the navigation, in order.
  [[nodiscard]] std::vector<const PageEntry*> navigation(const Viewer& viewer) const;
  // The entries `viewer` sees as home-page tiles (those with a tile text), in order.
  [[nodiscard]] std::vector<const PageEntry*> tiles(const Viewer& viewer) const;

  [[nodiscard]] const std::vector<PageEntry>& entries() const { return entries_; }

 private:
  std::vector<PageEntry> entries_;  // kept sorted
};

// Everyone signed in.
[[nodiscard]] bool everyone(const Viewer& viewer);

}  // namespace trappa::web
