#include "core/assessment/assessment_rules.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/base/text_checks.hpp"

namespace trappa::core {

namespace {

constexpr std::size_t kMaxRoundNameCharacters = 40;

}  // namespace

std::vector<const Area*> assessed_areas(const Framework& framework, const std::string& role) {
  std::vector<const Area*> areas;
  const RoleProfile* profile = framework.profile_of(role);
  if (profile == nullptr) return areas;
  for (const Area& area : framework.areas) {
    if (!area.applies_to(role)) continue;
    for (const Competency& competency : area.competencies) {
      if (profile->contains(competency.code)) {
        areas.push_back(&area);
        break;
      }
    }
  }
  return areas;
}

std::vector<Problem> validate_assessment(const Framework& framework, const Person& person,
                                         const Assessment& assessment) {
  std::vector<Problem> problems;
  const RoleProfile* profile = framework.profile_of(person.role);
  if (profile == nullptr) {
    problems.push_back({"employee_id", fmt::format("role '{}' of {} has no profile in framework '{}'", person.role,
                                                   person.employee_id, framework.id)});
    return problems;
  }
  auto check_level = [&](const std::optional<int>& level, const std::string& where) {
    if (level && !framework.scale.contains(*level)) {
      problems.push_back({where, fmt::format("level {} is outside the scale {}–{}", *level, framework.scale.min,
                                             framework.scale.max)});
    }
  };
  std::set<std::string> seen;
  for (const Rating& rating : assessment.ratings) {
    const std::string where = "ratings." + rating.competency;
    if (!profile->contains(rating.competency)) {
      problems.push_back({where, fmt::format("competency '{}' is not in the profile of role '{}'", rating.competency,
                                             person.role)});
      continue;
    }
    if (!seen.insert(rating.competency).second) problems.push_back({where, "rated twice"});
    check_level(rating.self_level, where + ".self_level");
    check_level(rating.agreed_level, where + ".agreed_level");
  }
  std::set<std::string> motivation_areas;
  for (const Area* area : assessed_areas(framework, person.role)) motivation_areas.insert(area->code);
  for (const auto& [area, value] : assessment.motivation) {
    const std::string where = "motivation." + area;
    if (!motivation_areas.contains(area)) {
      problems.push_back({where, fmt::format("area '{}' is not assessed by role '{}'", area, person.role)});
    } else if (value < kMotivationMin || value > kMotivationMax) {
      problems.push_back({where, fmt::format("motivation {} is outside {}–{}", value, kMotivationMin, kMotivationMax)});
    }
  }
  if (assessment.priorities.size() > kMaxPriorities) {
    problems.push_back({"priorities", fmt::format("at most {} priorities, got {}", kMaxPriorities,
                                                  assessment.priorities.size())});
  }
  std::set<std::string> priorities;
  for (const std::string& code : assessment.priorities) {
    if (!profile->contains(code)) {
      problems.push_back({"priorities", fmt::format("competency '{}' is not in the profile", code)});
    } else if (!priorities.insert(code).second) {
      problems.push_back({"priorities", fmt::format("competency '{}' is listed twice", code)});
    }
  }
  // Characters, not bytes: the form's maxlength counts characters, and "å" takes two bytes.
  const auto note_characters = static_cast<std::size_t>(std::count_if(
      assessment.notes.begin(), assessment.notes.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  if (note_characters > kMaxNoteLength) {
    problems.push_back({"notes", fmt::format("at most {} characters", kMaxNoteLength)});
  }
  if (const auto flaw = find_text_flaw(assessment.notes)) problems.push_back({"notes", describe(*flaw)});
  return problems;
}

std::optional<std::string> round_name_problem(std::string_view name) {
  if (const auto flaw = find_text_flaw(name, LineBreaks::kRefused)) return describe(*flaw);
  const auto characters = static_cast<std::size_t>(
      std::count_if(name.begin(), name.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  if (characters == 0 || characters > kMaxRoundNameCharacters) {
    return fmt::format("must have 1 to {} characters", kMaxRoundNameCharacters);
  }
  if (name.find('/') != std::string_view::npos) return "must not contain '/'";
  return std::nullopt;
}

bool may_agree_levels(const AssessmentActor& actor, const Person& person) {
  if (actor.employee_id.empty() || actor.employee_id == person.employee_id) return false;
  if (actor.is_hr) return true;
  return !actor.employee_id.empty() && actor.employee_id == person.manager_id;
}

void order_ratings(const Framework& framework, Assessment& assessment) {
  std::map<std::string, std::size_t> position;
  for (const Area& area : framework.areas) {
    for (const Competency& competency : area.competencies) position.emplace(competency.code, position.size());
  }
  std::stable_sort(assessment.ratings.begin(), assessment.ratings.end(), [&](const Rating& a, const Rating& b) {
    const auto pa = position.contains(a.competency) ? position.at(a.competency) : position.size();
    const auto pb = position.contains(b.competency) ? position.at(b.competency) : position.size();
    return pa < pb;
  });
}

}  // namespace trappa::core
