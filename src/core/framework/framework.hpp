// Competence frameworks: areas, competencies, the level scale and role profiles.
//
// A framework is identified by `id` (e.g. "digital-kompetens"). Its `version` is the label the
// authors give it; the store additionally numbers each distinct content it has seen as a
// revision, so an assessment round can pin exactly the framework it was opened with.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace trappa::core {

struct LevelScale {
  int min = 1;
  int max = 5;
  std::vector<std::string> names;  // one per level, min..max ("Grundläggande", ...)

  [[nodiscard]] int size() const { return max - min + 1; }
  [[nodiscard]] bool contains(int level) const { return level >= min && level <= max; }
  bool operator==(const LevelScale&) const = default;
};

struct Competency {
  std::string code;        // "1.1"
  std::string name;
  std::string definition;
  std::vector<std::string> level_descriptors;  // one per level of the scale, lowest first

  bool operator==(const Competency&) const = default;
};

struct Area {
  std::string code;        // "1"
  std::string name;
  std::string description;
  std::string motivation_question;  // answered 1–5 per area
  std::vector<std::string> roles;   // empty: every role; otherwise only these roles assess it
  std::vector<Competency> competencies;

  [[nodiscard]] bool applies_to(const std::string& role) const;
  bool operator==(const Area&) const = default;
};

// Expected level per competency code for one role. A competency absent from the map is not
// applicable to the role.
using RoleProfile = std::map<std::string, int>;

struct Framework {
  std::string id;
  std::string name;
  std::string version;
  std::string description;
  std::string provenance;  // for administrators: where the content comes from; no page shows it
  // The language of the framework's texts (names, descriptions, levels), a BCP 47 code; empty:
  // Swedish. Pages in another language mark those texts with it (lang="sv").
  std::string language;
  LevelScale scale;
  std::vector<std::string> roles;               // in the order the framework lists them
  std::vector<Area> areas;
  std::map<std::string, RoleProfile> profiles;  // role -> profile
  // The role whose profile applies to every role without a profile of its own (also roles
  // the framework does not list, such as a role only an HR system knows), or empty: such
  // roles are then not assessed. Names a key of `profiles` (validate_framework checks it).
  std::string default_profile;

  [[nodiscard]] std::string_view text_language() const { return language.empty() ? std::string_view("sv") : language; }
  [[nodiscard]] const Competency* find_competency(const std::string& code) const;
  [[nodiscard]] const Area* find_area(const std::string& code) const;
  // The area a competency belongs to, or nullptr.
  [[nodiscard]] const Area* area_of(const std::string& competency_code) const;
  // The profile that applies to people in `role`: the role's own profile, else the default
  // profile, else nullptr (the role is not assessed). An empty role (unknown: HR has not
  // given it) is never assessed. Points into `profiles`.
  [[nodiscard]] const RoleProfile* profile_of(const std::string& role) const;
  // The role's own profile only, never the default one (for writing the framework back).
  [[nodiscard]] const RoleProfile* own_profile_of(const std::string& role) const;
  // The default profile, or nullptr when the framework has none.
  [[nodiscard]] const RoleProfile* default_role_profile() const;
  // True when people in `role` are assessed against the default profile.
  [[nodiscard]] bool uses_default_profile(const std::string& role) const;
  [[nodiscard]] bool has_role(const std::string& role) const;
  [[nodiscard]] std::size_t competency_count() const;

  bool operator==(const Framework&) const = default;
};

// Motivation is answered on a fixed 1–5 scale; 4 and 5 count as high motivation.
inline constexpr int kMotivationMin = 1;
inline constexpr int kMotivationMax = 5;
inline constexpr int kHighMotivation = 4;

// Checks the framework's internal consistency and returns every problem found, each with a
// field path such as "areas[2].competencies[0].level_descriptors" or "profiles.chef.6.1".
// Rules: non-empty id/name, scale min<=max with one name per level, unique area and
// competency codes, one descriptor per level, area roles and profile roles listed in `roles`,
// profile competencies exist, expected levels inside the scale, a role's profile holds no
// competency of an area restricted away from that role, a default profile names a profile.
[[nodiscard]] std::vector<Problem> validate_framework(const Framework& framework);

}  // namespace trappa::core
