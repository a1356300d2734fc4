#include "core/learning/participation.hpp"

#include <array>
#include <utility>

#include "core/base/case_fold.hpp"

namespace trappa::core {

namespace {

constexpr std::array<std::pair<ParticipationStatus, std::string_view>, kParticipationStatuses> kStatuses{{
    {ParticipationStatus::kRegistered, "registered"},
    {ParticipationStatus::kAttended, "attended"},
    {ParticipationStatus::kNoShow, "no_show"},
    {ParticipationStatus::kCancelled, "cancelled"},
}};

}  // namespace

std::string_view to_code(ParticipationStatus status) {
  for (const auto& [value, code] : kStatuses) {
    if (value == status) return code;
  }
  return {};
}

std::optional<ParticipationStatus> parse_participation_status(std::string_view text) {
  const std::string wanted = fold_case(text);
  for (const auto& [value, code] : kStatuses) {
    if (code == wanted) return value;
  }
  return std::nullopt;
}

double credited_hours(const Participation& row, const LearningActivity& activity) {
  if (row.status != ParticipationStatus::kAttended) return 0;
  return row.hours.value_or(activity.hours);
}

bool takes_a_place(ParticipationStatus status) {
  return status == ParticipationStatus::kRegistered || status == ParticipationStatus::kAttended;
}

bool has_room(const LearningActivity& activity, std::size_t taken) {
  return !activity.capacity || taken < static_cast<std::size_t>(*activity.capacity);
}

}  // namespace trappa::core
