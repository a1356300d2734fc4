// The organisation: units in a tree and the people employed in them.
//
// Plain value types; no validation happens on construction. See org_validation.hpp for the
// rules an import enforces and org_tree.hpp for the indexed tree used by queries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trappa::core {

// How a unit sits in the city's hierarchy. The tree may be of any depth; the kind is a label
// used for headings and for "--by unit" groupings, not a constraint on nesting.
enum class UnitKind : std::uint8_t { kCity, kAdministration, kDepartment, kUnit, kGroup };

struct Unit {
  std::string code;
  std::string name;
  std::string parent_code;  // empty for the root
  UnitKind kind = UnitKind::kUnit;

  bool operator==(const Unit&) const = default;
};

// Gender as HR systems in Sweden record it: K (kvinna), M (man), X (other or not stated).
enum class Gender : std::uint8_t { kWoman, kMan, kOther };

struct Person {
  std::string employee_id;
  std::string name;
  std::string email;        // may be empty
  Gender gender = Gender::kOther;
  int birth_year = 0;       // the year only: a birth date is more than the process needs; 0 = unknown
  std::string unit_code;
  std::string role;         // an organisational fact; need not have a profile in any framework; "" = unknown
  std::string manager_id;   // empty when the person has no manager in the data
  std::optional<std::string> city_start_date;  // ISO date, when HR knows an earlier start

  // Most HR exports have neither a birth year nor a role. Until they are known the person is
  // outside age figures (no birth year) and outside rounds (no role).
  [[nodiscard]] bool birth_year_known() const { return birth_year != 0; }
  [[nodiscard]] bool role_known() const { return !role.empty(); }

  bool operator==(const Person&) const = default;
};

// Oldest and youngest birth years accepted (people of working age, with margin).
inline constexpr int kEarliestBirthYear = 1930;
inline constexpr int kLatestBirthYear = 2015;

std::string_view to_code(UnitKind kind);           // "city", "administration", ...
std::optional<UnitKind> parse_unit_kind(std::string_view text);  // English or Swedish word
std::string_view to_code(Gender gender);           // "K", "M", "X"
std::optional<Gender> parse_gender(std::string_view text);       // K/M/X, case-insensitive

}  // namespace trappa::core
