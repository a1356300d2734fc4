// Registrations, attendance and participant hours (docs/learning.md, "Participation"): one row
// per person and activity, moving registered → attended | no_show | cancelled. An attended row
// credits hours: the figure given on the row (a partly attended course), else the activity's
// hours. Plain values and the rules every way in (the CSV import, later the web and xAPI)
// checks the same way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/date.hpp"
#include "core/learning/learning_activity.hpp"

namespace trappa::core {

enum class ParticipationStatus { kRegistered, kAttended, kNoShow, kCancelled };
inline constexpr std::size_t kParticipationStatuses = 4;

// "registered", "attended", "no_show", "cancelled"; parsing ignores letter case.
[[nodiscard]] std::string_view to_code(ParticipationStatus status);
[[nodiscard]] std::optional<ParticipationStatus> parse_participation_status(std::string_view text);

struct Participation {
  std::string employee_id;
  std::string activity;                 // the activity's code
  Date date{};                          // of the registration, or of the attendance
  ParticipationStatus status = ParticipationStatus::kRegistered;
  std::optional<double> hours;          // credited hours when given; else the activity's
  std::string source;                   // where the row came from: "import", "web", "xapi"

  bool operator==(const Participation&) const = default;
};

// The hours an attended row credits: its own figure, else the activity's hours; 0 for every
// other status.
[[nodiscard]] double credited_hours(const Participation& row, const LearningActivity& activity);

// Whether the row takes one of the activity's places: registered and attended rows do.
[[nodiscard]] bool takes_a_place(ParticipationStatus status);

// Whether one more place can be taken when `taken` places are: always for an unlimited activity.
[[nodiscard]] bool has_room(const LearningActivity& activity, std::size_t taken);

}  // namespace trappa::core
