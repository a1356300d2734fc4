#include "web/ui/page_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "web/auth/viewer.hpp"

namespace trappa::web {

void PageTable::add(PageEntry entry) {
  if (!entry.visible) throw std::logic_error("page table entry " + entry.path + " has no visibility rule");
  if (std::any_of(entries_.begin(), entries_.end(), [&](const PageEntry& e) { return e.path == entry.path; })) {
    throw std::logic_error("page table entry " + entry.path + " added twice");
  }
  entries_.push_back(std::move(entry));
  std::stable_sort(entries_.begin(), entries_.end(), [](const PageEntry& a, const PageEntry& b) {
    return a.order != b.order ? a.order < b.order : a.path < b.path;
  });
}

std::vector<const PageEntry*> PageTable::navigation(const Viewer& viewer) const {
  std::vector<const PageEntry*> shown;
  for (const PageEntry& entry : entries_) {
    if (entry.visible(viewer)) shown.push_back(&entry);
  }
  return shown;
}

std::vector<const PageEntry*> PageTable::tiles(const Viewer& viewer) const {
  std::vector<const PageEntry*> shown;
  for (const PageEntry& entry : entries_) {
    if (!entry.tile_text_key.empty() && entry.visible(viewer)) shown.push_back(&entry);
  }
  return shown;
}

bool everyone(const Viewer& /*viewer*/) { return true; }

}  // namespace trappa::web
