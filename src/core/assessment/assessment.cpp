#include "core/assessment/assessment.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace trappa::core {

const Rating* Assessment::find_rating(std::string_view competency) const {
  for (const Rating& rating : ratings) {
    if (rating.competency == competency) return &rating;
  }
  return nullptr;
}

std::string_view to_code(RoundState state) {
  switch (state) {
    case RoundState::kDraft: return "draft";
    case RoundState::kOpen: return "open";
    case RoundState::kClosed: return "closed";
  }
  return "draft";
}

std::optional<RoundState> parse_round_state(std::string_view text) {
  if (text == "draft") return RoundState::kDraft;
  if (text == "open") return RoundState::kOpen;
  if (text == "closed") return RoundState::kClosed;
  return std::nullopt;
}

std::string_view to_code(AssessmentStatus status) {
  switch (status) {
    case AssessmentStatus::kNotStarted: return "not_started";
    case AssessmentStatus::kSelfAssessed: return "self_assessed";
    case AssessmentStatus::kConversationHeld: return "conversation_held";
    case AssessmentStatus::kFollowedUp: return "followed_up";
  }
  return "not_started";
}

std::optional<AssessmentStatus> parse_assessment_status(std::string_view text) {
  if (text == "not_started") return AssessmentStatus::kNotStarted;
  if (text == "self_assessed") return AssessmentStatus::kSelfAssessed;
  if (text == "conversation_held") return AssessmentStatus::kConversationHeld;
  if (text == "followed_up") return AssessmentStatus::kFollowedUp;
  return std::nullopt;
}

}  // namespace trappa::core


namespace trappa::core {

namespace {

std::string level_text(const std::optional<int>& level) { return level ? std::to_string(*level) : "–"; }

}  // namespace

std::string describe_assessment_change(const Assessment* before, const Assessment& after) {
  std::vector<std::string> changes;
  const Assessment empty;
  const Assessment& old = before != nullptr ? *before : empty;
  if (old.status != after.status || before == nullptr) {
    changes.push_back(fmt::format("status {}→{}", before ? to_code(old.status) : "–", to_code(after.status)));
  }
  for (const Rating& rating : after.ratings) {
    const Rating* previous = old.find_rating(rating.competency);
    const std::optional<int> old_self = previous ? previous->self_level : std::nullopt;
    const std::optional<int> old_agreed = previous ? previous->agreed_level : std::nullopt;
    if (old_self != rating.self_level) {
      changes.push_back(fmt::format("{} self {}→{}", rating.competency, level_text(old_self), level_text(rating.self_level)));
    }
    if (old_agreed != rating.agreed_level) {
      changes.push_back(fmt::format("{} agreed {}→{}", rating.competency, level_text(old_agreed),
                                    level_text(rating.agreed_level)));
    }
  }
  for (const Rating& rating : old.ratings) {
    if (after.find_rating(rating.competency) == nullptr) changes.push_back(fmt::format("{} removed", rating.competency));
  }
  for (const auto& [area, value] : after.motivation) {
    auto found = old.motivation.find(area);
    if (found == old.motivation.end() || found->second != value) {
      changes.push_back(fmt::format("motivation {} {}→{}", area,
                                    found == old.motivation.end() ? "–" : std::to_string(found->second), value));
    }
  }
  if (old.priorities != after.priorities) {
    changes.push_back(fmt::format("priorities [{}]→[{}]", fmt::join(old.priorities, ","), fmt::join(after.priorities, ",")));
  }
  if (old.notes != after.notes) changes.push_back("notes changed");
  if (changes.empty()) return "no change";
  return fmt::format("{}", fmt::join(changes, "; "));
}

}  // namespace trappa::core
