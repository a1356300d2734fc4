#include "core/framework/framework.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace trappa::core {

bool Area::applies_to(const std::string& role) const {
  return roles.empty() || std::find(roles.begin(), roles.end(), role) != roles.end();
}

const Competency* Framework::find_competency(const std::string& code) const {
  for (const Area& area : areas) {
    for (const Competency& competency : area.competencies) {
      if (competency.code == code) return &competency;
    }
  }
  return nullptr;
}

const Area* Framework::find_area(const std::string& code) const {
  for (const Area& area : areas) {
    if (area.code == code) return &area;
  }
  return nullptr;
}

const Area* Framework::area_of(const std::string& competency_code) const {
  for (const Area& area : areas) {
    for (const Competency& competency : area.competencies) {
      if (competency.code == competency_code) return &area;
    }
  }
  return nullptr;
}

const RoleProfile* Framework::own_profile_of(const std::string& role) const {
  auto found = profiles.find(role);
  return found == profiles.end() ? nullptr : &found->second;
}

const RoleProfile* Framework::default_role_profile() const {
  return default_profile.empty() ? nullptr : own_profile_of(default_profile);
}

const RoleProfile* Framework::profile_of(const std::string& role) const {
  if (role.empty()) return nullptr;  // a person whose role is unknown is not assessed (issue 15)
  if (const RoleProfile* own = own_profile_of(role)) return own;
  return default_role_profile();
}

bool Framework::uses_default_profile(const std::string& role) const {
  return !role.empty() && own_profile_of(role) == nullptr && default_role_profile() != nullptr;
}

bool Framework::has_role(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::size_t Framework::competency_count() const {
  std::size_t count = 0;
  for (const Area& area : areas) count += area.competencies.size();
  return count;
}

std::vector<Problem> validate_framework(const Framework& framework) {
  std::vector<Problem> problems;
  auto report = [&problems](std::string where, std::string what) {
    problems.push_back({std::move(where), std::move(what)});
  };

  if (framework.id.empty()) report("id", "must not be empty");
  if (framework.name.empty()) report("name", "must not be empty");

  const LevelScale& scale = framework.scale;
  if (scale.min > scale.max) {
    report("scale", fmt::format("min {} is above max {}", scale.min, scale.max));
  } else if (scale.size() > 10) {
    report("scale", fmt::format("{} levels; at most 10 are supported", scale.size()));
  } else if (static_cast<int>(scale.names.size()) != scale.size()) {
    report("scale.levels",
           fmt::format("{} level names for {} levels", scale.names.size(), scale.size()));
  }

  std::set<std::string> roles;
  for (std::size_t i = 0; i < framework.roles.size(); ++i) {
    const std::string& role = framework.roles[i];
    if (role.empty()) report(fmt::format("roles[{}]", i), "must not be empty");
    if (!roles.insert(role).second) report(fmt::format("roles[{}]", i), "duplicate role '" + role + "'");
  }

  std::set<std::string> area_codes;
  std::set<std::string> competency_codes;
  for (std::size_t a = 0; a < framework.areas.size(); ++a) {
    const Area& area = framework.areas[a];
    const std::string area_path = fmt::format("areas[{}]", a);
    if (area.code.empty()) report(area_path + ".code", "must not be empty");
    if (!area_codes.insert(area.code).second) {
      report(area_path + ".code", "duplicate area code '" + area.code + "'");
    }
    if (area.name.empty()) report(area_path + ".name", "must not be empty");
    for (std::size_t r = 0; r < area.roles.size(); ++r) {
      if (!roles.contains(area.roles[r])) {
        report(fmt::format("{}.roles[{}]", area_path, r),
               "role '" + area.roles[r] + "' is not among the framework's roles");
      }
    }
    if (area.competencies.empty()) report(area_path + ".competencies", "an area needs at least one competency");
    for (std::size_t c = 0; c < area.competencies.size(); ++c) {
      const Competency& competency = area.competencies[c];
      const std::string path = fmt::format("{}.competencies[{}]", area_path, c);
      if (competency.code.empty()) report(path + ".code", "must not be empty");
      if (!competency_codes.insert(competency.code).second) {
        report(path + ".code", "duplicate competency code '" + competency.code + "'");
      }
      if (competency.name.empty()) report(path + ".name", "must not be empty");
      if (scale.min <= scale.max && static_cast<int>(competency.level_descriptors.size()) != scale.size()) {
        report(path + ".levels", fmt::format("{} level descriptors for {} levels",
                                             competency.level_descriptors.size(), scale.size()));
      }
    }
  }

  for (const auto& [role, profile] : framework.profiles) {
    const std::string path = "profiles." + role;
    if (!roles.contains(role)) report(path, "role '" + role + "' is not among the framework's roles");
    for (const auto& [code, level] : profile) {
      const Area* area = framework.area_of(code);
      if (area == nullptr) {
        report(path + "." + code, "unknown competency '" + code + "'");
        continue;
      }
      if (!scale.contains(level)) {
        report(path + "." + code,
               fmt::format("expected level {} is outside the scale {}–{}", level, scale.min, scale.max));
      }
      if (!area->applies_to(role)) {
        report(path + "." + code, "area " + area->code + " is not assessed by role '" + role + "'");
      }
    }
  }
  if (!framework.default_profile.empty() && !framework.profiles.contains(framework.default_profile)) {
    report("default_profile", "names no profile: '" + framework.default_profile + "' is not a key of profiles");
  }
  return problems;
}

}  // namespace trappa::core
