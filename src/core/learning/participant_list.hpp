// The person-level participant list of the ESF report (docs/learning.md, "Participant list"):
// every `attended` row dated within a period, of people in a unit's subtree, with the person's
// gender and unit and the credited hours. Only for HR in scope: it names people.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "core/org/org.hpp"
#include "core/org/unit_tree.hpp"

namespace trappa::core {

struct ParticipantListRow {
  std::string employee_id;
  std::string name;
  Gender gender = Gender::kOther;
  std::string unit_code;
  std::string unit_name;
  std::string activity;        // code
  std::string activity_title;
  Date date{};
  double hours = 0;            // credited

  bool operator==(const ParticipantListRow&) const = default;
};

// Rows by date, then employee id, then activity. kInvalidInput when `to` is before `from`,
// kNotFound when `unit` names no unit. Rows of unknown people or activities are left out.
[[nodiscard]] Result<std::vector<ParticipantListRow>> participant_list(const std::vector<Person>& people,
                                                                      const UnitTree& tree,
                                                                      const std::vector<LearningActivity>& activities,
                                                                      const std::vector<Participation>& rows, Date from,
                                                                      Date to, const std::optional<std::string>& unit);

}  // namespace trappa::core
