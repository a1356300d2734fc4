#include "core/assessment/assessment_edit.hpp"

#include <algorithm>
#include <utility>

#include "core/assessment/assessment_progress.hpp"
#include "core/assessment/assessment_rules.hpp"

namespace trappa::core {
namespace {

Rating& rating_for(Assessment& assessment, const std::string& competency) {
  auto found = std::find_if(assessment.ratings.begin(), assessment.ratings.end(),
                            [&](const Rating& rating) { return rating.competency == competency; });
  if (found != assessment.ratings.end()) return *found;
  assessment.ratings.push_back(Rating{competency, std::nullopt, std::nullopt, {}, {}});
  return assessment.ratings.back();
}

std::optional<int> self_level_of(const Assessment& assessment, const std::string& competency) {
  const Rating* rating = assessment.find_rating(competency);
  return rating != nullptr ? rating->self_level : std::nullopt;
}

std::optional<int> agreed_level_of(const Assessment& assessment, const std::string& competency) {
  const Rating* rating = assessment.find_rating(competency);
  return rating != nullptr ? rating->agreed_level : std::nullopt;
}

template <typename Levels, typename Current>
bool changes_any(const Levels& levels, const Assessment& before, Current current) {
  return std::any_of(levels.begin(), levels.end(),
                     [&](const auto& entry) { return current(before, entry.first) != entry.second; });
}

Error refused(ErrorKind kind, std::string message) { return Error{kind, std::move(message), {}}; }

// The person's own part: self levels, motivation and their submission.
std::optional<Error> apply_person_edit(const Assessment& before, const AssessmentEdit& edit, Assessment& after) {
  if (before.status >= AssessmentStatus::kConversationHeld) {
    return refused(ErrorKind::kConflict, "the conversation has been held; the self-assessment can no longer change");
  }
  if (changes_any(edit.agreed_levels, before, agreed_level_of) || edit.priorities || edit.notes ||
      edit.conversation || (edit.status && *edit.status >= AssessmentStatus::kConversationHeld)) {
    return refused(ErrorKind::kForbidden, "you may change your own levels, motivation and submission only");
  }
  for (const auto& [competency, level] : edit.self_levels) {
    if (self_level_of(after, competency) != level) rating_for(after, competency).self_level = level;
  }
  if (edit.motivation) after.motivation = *edit.motivation;
  if (edit.status) {
    after.status = *edit.status;
    if (*edit.status == AssessmentStatus::kSelfAssessed) after.self_assessed_at = edit.at;
  }
  return std::nullopt;
}

void mark_conversation(AssessmentStatus status, const std::string& at, Assessment& after) {
  after.status = status;
  if (status >= AssessmentStatus::kConversationHeld) {
    if (after.conversation_at.empty()) after.conversation_at = at;
  } else {
    after.conversation_at.clear();
  }
  if (status >= AssessmentStatus::kFollowedUp) {
    if (after.followed_up_at.empty()) after.followed_up_at = at;
  } else {
    after.followed_up_at.clear();
  }
}

// The reviewer's part: agreed levels, priorities, notes and the conversation.
std::optional<Error> apply_reviewer_edit(const Person& person, const Assessment& before, const AssessmentEdit& edit,
                                         Assessment& after) {
  if (edit.editor_id.empty() || edit.editor_id == person.employee_id) {
    return refused(ErrorKind::kForbidden, "nobody agrees their own levels or holds their own conversation");
  }
  if (changes_any(edit.self_levels, before, self_level_of) || edit.motivation) {
    return refused(ErrorKind::kForbidden,
                   "a manager may change agreed levels, priorities, notes and the conversation status only");
  }
  if (edit.status && *edit.status < AssessmentStatus::kConversationHeld &&
      before.status < AssessmentStatus::kConversationHeld && *edit.status != before.status) {
    return refused(ErrorKind::kForbidden, "the person's own submission is theirs to change");
  }
  for (const auto& [competency, level] : edit.agreed_levels) {
    if (agreed_level_of(after, competency) == level) continue;
    Rating& rating = rating_for(after, competency);
    rating.agreed_level = level;
    rating.agreed_by = level ? edit.editor_id : std::string{};
    rating.agreed_at = level ? edit.at : std::string{};
  }
  if (edit.priorities) after.priorities = *edit.priorities;
  if (edit.notes) after.notes = *edit.notes;
  if (edit.status && *edit.status != before.status) mark_conversation(*edit.status, edit.at, after);
  if (edit.conversation) {
    switch (*edit.conversation) {
      case ConversationMark::kFollowedUp:
        mark_conversation(AssessmentStatus::kFollowedUp, edit.at, after);
        break;
      case ConversationMark::kHeld:
        mark_conversation(AssessmentStatus::kConversationHeld, edit.at, after);
        break;
      case ConversationMark::kNotHeld:
        // Unticking goes back to where the person's own part left it.
        mark_conversation(after.self_assessed_at.empty() ? AssessmentStatus::kNotStarted
                                                         : AssessmentStatus::kSelfAssessed,
                          edit.at, after);
        break;
    }
  }
  return std::nullopt;
}

}  // namespace

EditOutcome apply_assessment_edit(const Framework& framework, const Person& person, RoundState round,
                                  const Assessment& before, const AssessmentEdit& edit) {
  EditOutcome outcome{before, std::nullopt};
  if (round != RoundState::kOpen) {
    outcome.refusal = refused(ErrorKind::kConflict, "the round is not open");
    return outcome;
  }
  outcome.refusal = edit.role == EditorRole::kPerson ? apply_person_edit(before, edit, outcome.after)
                                                     : apply_reviewer_edit(person, before, edit, outcome.after);
  std::erase_if(outcome.after.ratings, [](const Rating& rating) { return !rating.self_level && !rating.agreed_level; });
  order_ratings(framework, outcome.after);
  if (outcome.refusal) return outcome;
  if (auto problems = validate_assessment(framework, person, outcome.after); !problems.empty()) {
    outcome.refusal = Error{ErrorKind::kInvalidInput, "the assessment was not saved", std::move(problems)};
    return outcome;
  }
  // Recording the conversation locks the person's own part: never without a look at what
  // is missing (issue 13, item 2).
  const bool records_conversation = before.status < AssessmentStatus::kConversationHeld &&
                                    outcome.after.status >= AssessmentStatus::kConversationHeld;
  if (records_conversation && edit.incomplete != IncompleteConversation::kConfirmed) {
    const ConversationGaps gaps = conversation_gaps(framework, person, outcome.after);
    if (!gaps.empty()) {
      std::vector<Problem> problems;
      if (gaps.not_submitted) problems.push_back({"confirm_incomplete", "the person has not submitted a self-assessment"});
      for (const std::string& code : gaps.without_level) {
        problems.push_back({"confirm_incomplete", "competency " + code + " has no level"});
      }
      outcome.refusal = Error{ErrorKind::kInvalidInput,
                              "recording the conversation needs a confirmation of what is missing",
                              std::move(problems)};
    }
  }
  return outcome;
}

}  // namespace trappa::core
