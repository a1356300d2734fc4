// The start page: the organisation as a table of units with their people, and the 404 page.
#pragma once

#include <string>
#include <vector>

#include "core/org.hpp"

namespace trappa::web {

struct UnitRow {
  std::string code;
  std::string name;
  std::string kind;  // Swedish label
  int depth = 0;
  std::size_t people = 0;  // in the unit's whole subtree
};

struct StartPageModel {
  std::string organisation_name;
  std::size_t total_people = 0;
  std::size_t managers = 0;
  std::vector<UnitRow> units;  // pre-order: parents before children
};

[[nodiscard]] StartPageModel build_start_page_model(const std::vector<core::Unit>& units,
                                                    const std::vector<core::Person>& people,
                                                    const std::string& organisation_name);
[[nodiscard]] std::string render_start_page(const StartPageModel& model);
[[nodiscard]] std::string render_not_found_page(const std::string& organisation_name, const std::string& path);

}  // namespace trappa::web
