#include "core/people/person_change.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/base/date.hpp"

namespace trappa::core {

namespace {

std::string or_dash(const std::string& text) { return text.empty() ? "–" : text; }

// An unknown birth year (0, issue 15) reads as "–", not as the year 0.
std::string birth_year_text(const Person& person) {
  return person.birth_year_known() ? std::to_string(person.birth_year) : "–";
}

}  // namespace

std::string describe_person_change(const Person* before, const Person& after) {
  if (before == nullptr) {
    return fmt::format("created: unit {}, role {}, manager {}, gender {}, birth year {}", after.unit_code,
                       or_dash(after.role), or_dash(after.manager_id), to_code(after.gender), birth_year_text(after));
  }
  std::vector<std::string> changes;
  if (before->name != after.name) changes.emplace_back("name changed");
  if (before->email != after.email) changes.emplace_back("e-mail changed");
  if (before->gender != after.gender) {
    changes.push_back(fmt::format("gender {}→{}", to_code(before->gender), to_code(after.gender)));
  }
  if (before->birth_year != after.birth_year) {
    changes.push_back(fmt::format("birth year {}→{}", birth_year_text(*before), birth_year_text(after)));
  }
  if (before->unit_code != after.unit_code) changes.push_back(fmt::format("unit {}→{}", before->unit_code, after.unit_code));
  if (before->role != after.role) changes.push_back(fmt::format("role {}→{}", or_dash(before->role), or_dash(after.role)));
  if (before->manager_id != after.manager_id) {
    changes.push_back(fmt::format("manager {}→{}", or_dash(before->manager_id), or_dash(after.manager_id)));
  }
  if (before->city_start_date != after.city_start_date) {
    changes.push_back(fmt::format("city start {}→{}", before->city_start_date.value_or("–"),
                                  after.city_start_date.value_or("–")));
  }
  if (changes.empty()) return "no change";
  return fmt::format("{}", fmt::join(changes, "; "));
}

std::string describe_employment(const Employment& employment) {
  std::string text = fmt::format("{}–{} {} {} {:.2f} {}", to_iso(employment.start),
                                 employment.end ? to_iso(*employment.end) : std::string(), to_code(employment.type),
                                 employment.position, employment.fte, employment.unit_code);
  if (employment.recruitment_route != Route::kUnknown) text += fmt::format(" in {}", to_code(employment.recruitment_route));
  if (employment.departure_route != Route::kUnknown) text += fmt::format(" out {}", to_code(employment.departure_route));
  if (!employment.departure_reason.empty()) text += " (" + employment.departure_reason + ")";
  return text;
}

std::string describe_employment_change(const std::vector<Employment>& before, const std::vector<Employment>& after) {
  // Multiset difference: an employment in both histories is unchanged, whatever its place.
  std::vector<bool> matched(after.size(), false);
  std::vector<const Employment*> removed;
  for (const Employment& old : before) {
    bool found = false;
    for (std::size_t i = 0; i < after.size() && !found; ++i) {
      if (!matched[i] && after[i] == old) matched[i] = found = true;
    }
    if (!found) removed.push_back(&old);
  }
  std::vector<std::string> changes;
  for (const Employment* old : removed) changes.push_back("removed " + describe_employment(*old));
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (!matched[i]) changes.push_back("added " + describe_employment(after[i]));
  }
  if (changes.empty()) return "no change";
  return fmt::format("{}→{} employments; {}", before.size(), after.size(), fmt::join(changes, "; "));
}

}  // namespace trappa::core
