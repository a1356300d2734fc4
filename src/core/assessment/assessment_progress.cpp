#include "core/assessment/assessment_progress.hpp"

#include <algorithm>

#include "core/assessment/assessment_rules.hpp"

namespace trappa::core {

Progress progress_of(AssessmentStatus status, bool has_own_answers) {
  switch (status) {
    case AssessmentStatus::kNotStarted: return has_own_answers ? Progress::kDraft : Progress::kNotStarted;
    case AssessmentStatus::kSelfAssessed: return Progress::kSelfAssessed;
    case AssessmentStatus::kConversationHeld: return Progress::kConversationHeld;
    case AssessmentStatus::kFollowedUp: return Progress::kFollowedUp;
  }
  return Progress::kNotStarted;
}

Progress progress_of(const Assessment& assessment) {
  return progress_of(assessment.status, has_own_answers(assessment));
}

std::string_view to_code(Progress progress) {
  switch (progress) {
    case Progress::kNotStarted: return "not_started";
    case Progress::kDraft: return "draft";
    case Progress::kSelfAssessed: return "self_assessed";
    case Progress::kConversationHeld: return "conversation_held";
    case Progress::kFollowedUp: return "followed_up";
  }
  return "not_started";
}

std::optional<Progress> parse_progress(std::string_view text) {
  for (Progress progress : kAllProgress) {
    if (to_code(progress) == text) return progress;
  }
  return std::nullopt;
}

bool has_own_answers(const Assessment& assessment) {
  return !assessment.motivation.empty() ||
         std::any_of(assessment.ratings.begin(), assessment.ratings.end(),
                     [](const Rating& rating) { return rating.self_level.has_value(); });
}

bool has_rating(const Assessment& assessment) {
  return std::any_of(assessment.ratings.begin(), assessment.ratings.end(), [](const Rating& rating) {
    return rating.self_level.has_value() || rating.agreed_level.has_value();
  });
}

ConversationGaps conversation_gaps(const Framework& framework, const Person& person, const Assessment& assessment) {
  ConversationGaps gaps;
  gaps.not_submitted = assessment.self_assessed_at.empty();
  const RoleProfile* profile = framework.profile_of(person.role);
  if (profile == nullptr) return gaps;
  for (const Area* area : assessed_areas(framework, person.role)) {
    for (const Competency& competency : area->competencies) {
      if (!profile->contains(competency.code)) continue;
      const Rating* rating = assessment.find_rating(competency.code);
      if (rating == nullptr || (!rating->agreed_level && !rating->self_level)) gaps.without_level.push_back(competency.code);
    }
  }
  return gaps;
}

}  // namespace trappa::core
