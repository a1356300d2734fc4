// Demand without supply (docs/learning.md, "Uncovered needs"): people with a need that no
// activity in the catalogue could raise, so HR knows which activities to create. Capacity and
// dates are ignored; an activity counts when it is `planned` or `open`, belongs to the round's
// framework, is open to the person's role and could raise the need from its level
// (core::could_raise). Pure function.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/base/result.hpp"
#include "core/framework/framework.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/org/org.hpp"
#include "core/org/unit_tree.hpp"

namespace trappa::core {

enum class UncoveredGrouping { kNone, kArea, kCompetency };

struct UncoveredFigures {
  std::string key;   // area or competency code
  std::string name;
  std::size_t people_with_need = 0;     // people with at least one need (in the group)
  std::size_t people_uncovered = 0;     // ... of which at least one no activity could raise
  std::size_t needs = 0;                // needs (person × competency)
  std::size_t needs_uncovered = 0;
};

struct UncoveredNeeds {
  UncoveredFigures total;
  std::vector<UncoveredFigures> groups;  // framework order; only groups with a need
};

// Over the people of `assessments` (one round, against `framework`), within the subtree of
// `unit` when given. kNotFound for an unknown unit.
[[nodiscard]] Result<UncoveredNeeds> find_uncovered_needs(const std::vector<Person>& people, const UnitTree& tree,
                                                          const std::vector<Assessment>& assessments,
                                                          const Framework& framework,
                                                          const std::vector<LearningActivity>& activities,
                                                          const std::optional<std::string>& unit,
                                                          UncoveredGrouping by);

}  // namespace trappa::core
