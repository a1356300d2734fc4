// The one status model of an assessment: where a person's assessment stands, in the words
// every page, CSV file and the API use (docs/web.md, "Statuses"). Pure functions.
//
// The stored AssessmentStatus says what was recorded (the person's submission, the
// conversation); it cannot tell a saved draft from an assessment nobody has touched. Progress
// adds that one fact, whether the person has saved any answer of their own:
//
//   not_started        nothing of the person's own is saved (Ej påbörjad)
//   draft              answers saved but not submitted (Utkast sparat)
//   self_assessed      submitted (Självskattad)
//   conversation_held  the manager recorded the conversation (Samtal hållet)
//   followed_up        and its follow-up (Uppföljd)
//
// Whether someone counts as *assessed* in the figures is a different question with one
// answer too: they have a rating (a self or agreed level for at least one competency). A
// conversation recorded without any level (only after the reviewer confirmed it) is
// conversation_held but not assessed.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"

namespace trappa::core {

enum class Progress : std::uint8_t { kNotStarted, kDraft, kSelfAssessed, kConversationHeld, kFollowedUp };
inline constexpr std::size_t kProgressStates = 5;
inline constexpr std::array<Progress, kProgressStates> kAllProgress{
    Progress::kNotStarted, Progress::kDraft, Progress::kSelfAssessed, Progress::kConversationHeld,
    Progress::kFollowedUp};

// The state of an assessment with stored `status` whose person has (`has_own_answers`) or
// has not saved a self level or motivation answer. The only place the states are decided.
[[nodiscard]] Progress progress_of(AssessmentStatus status, bool has_own_answers);
[[nodiscard]] Progress progress_of(const Assessment& assessment);

// "not_started", "draft", "self_assessed", "conversation_held", "followed_up".
[[nodiscard]] std::string_view to_code(Progress progress);
[[nodiscard]] std::optional<Progress> parse_progress(std::string_view text);

// Any self level or motivation answer of the person's own.
[[nodiscard]] bool has_own_answers(const Assessment& assessment);
// Any level at all (self or agreed): the person counts as assessed.
[[nodiscard]] bool has_rating(const Assessment& assessment);

// What recording the conversation would leave missing: the person's own submission, and the
// competencies of their profile (framework order) without any level that counts (neither
// agreed nor self). The reviewer must confirm before a conversation is recorded with gaps
// (assessment_edit.hpp).
struct ConversationGaps {
  bool not_submitted = false;
  std::vector<std::string> without_level;  // competency codes

  [[nodiscard]] bool empty() const { return !not_submitted && without_level.empty(); }
};
[[nodiscard]] ConversationGaps conversation_gaps(const Framework& framework, const Person& person,
                                                 const Assessment& assessment);

}  // namespace trappa::core
