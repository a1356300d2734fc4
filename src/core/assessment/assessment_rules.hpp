// The rules an assessment must satisfy before it is stored, wherever it comes from (import,
// web form, API). Pure functions over the framework revision the round pinned.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"
#include "core/base/result.hpp"

namespace trappa::core {

// Areas the role assesses: the area applies to the role and the role's profile holds at
// least one of its competencies.
[[nodiscard]] std::vector<const Area*> assessed_areas(const Framework& framework, const std::string& role);

// Checks levels inside the scale, ratings only for competencies in the person's profile,
// motivation 1–5 only for areas the role assesses, at most kMaxPriorities distinct
// priorities from the profile, and the note's length and text (UTF-8 without control
// characters other than tab and line ends). Problems name the field, e.g.
// "ratings.1.1.self_level".
[[nodiscard]] std::vector<Problem> validate_assessment(const Framework& framework, const Person& person,
                                                       const Assessment& assessment);

// Why `name` cannot name a round, or nullopt when it can: 1–40 characters of UTF-8 without
// control characters or '/', since the name is part of page addresses (/omgangar/NAME/oppna).
[[nodiscard]] std::optional<std::string> round_name_problem(std::string_view name);

// Who is acting on an assessment.
struct AssessmentActor {
  std::string employee_id;  // empty for command-line imports
  bool is_hr = false;       // HR and administrators act on anyone in their scope
};

// Only the person's own (current) manager or HR may set agreed levels; nobody agrees their
// own levels, HR and administrators included.
[[nodiscard]] bool may_agree_levels(const AssessmentActor& actor, const Person& person);

// Puts ratings in framework order (the order the store and the exports keep); ratings of
// codes the framework lacks go last, in the order they had.
void order_ratings(const Framework& framework, Assessment& assessment);

}  // namespace trappa::core
