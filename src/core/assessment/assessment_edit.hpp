// Who may change what in an assessment, as one pure function: (before, editor, edit) →
// after or a refusal. Every save path (Min skattning, the conversation page, the API) states
// its change as an AssessmentEdit and the write path applies it to the assessment it loaded
// under the store's lock, so two people saving the same assessment at once never undo each
// other's fields (app/assessment/assessment_service.hpp).
//
// The rules (docs/web.md, "Who may change what"; the table test in
// tests/fixtures/assessment_edits covers every editor × field × status):
// - Writes need an open round (kConflict otherwise).
// - The person edits self levels, motivation and their own status (not_started or
//   self_assessed; self_assessed stamps self_assessed_at). Once the conversation is held the
//   self-assessment is read-only (kConflict). Agreed levels, priorities, notes and conversation
//   statuses are forbidden to them (kForbidden).
// - The reviewer (the person's manager, or HR in scope — the adapter decides who that is)
//   edits agreed levels (stamping agreed_by and agreed_at), priorities, notes and the
//   conversation status. Self levels, motivation and the person's own submission are forbidden.
//   Nobody reviews their own assessment: a reviewer edit whose editor is the person is forbidden.
// - Recording the conversation (a status below conversation_held becoming held or followed up)
//   when the person has not submitted, or some competency of their profile has no level at all
//   (assessment_progress.hpp, conversation_gaps), needs the reviewer's confirmation
//   (`incomplete = kConfirmed`); otherwise kInvalidInput with one problem per gap, each at
//   "confirm_incomplete".
// - The result must pass validate_assessment (kInvalidInput with the problems, field paths).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/base/result.hpp"
#include "core/framework/framework.hpp"
#include "core/org/org.hpp"

namespace trappa::core {

enum class EditorRole : std::uint8_t { kPerson, kReviewer };

// The conversation page's checkboxes: not held (back to where the person's own part left the
// status), held, or held and followed up.
enum class ConversationMark : std::uint8_t { kNotHeld, kHeld, kFollowedUp };

// Whether the reviewer confirmed recording a conversation although something is missing.
enum class IncompleteConversation : std::uint8_t { kRefuse, kConfirmed };

// One change as its author asked for it, independent of what is stored. Absent fields leave
// the stored values as they are; a level of nullopt removes it.
struct AssessmentEdit {
  EditorRole role = EditorRole::kPerson;
  std::string editor_id;  // the employee id of whoever edits; stamped as agreed_by
  std::string at;         // ISO timestamp stamped on what the edit sets

  std::map<std::string, std::optional<int>> self_levels;    // competency → level
  std::map<std::string, std::optional<int>> agreed_levels;  // competency → level
  std::optional<std::map<std::string, int>> motivation;     // replaces every answer
  std::optional<std::vector<std::string>> priorities;       // replaces the list
  std::optional<std::string> notes;
  std::optional<AssessmentStatus> status;        // an explicit status (the API, a submit)
  std::optional<ConversationMark> conversation;  // reviewer only
  IncompleteConversation incomplete = IncompleteConversation::kRefuse;  // reviewer only
};

// What the edit did. `after` is `before` with the edit applied, also when refused, so a form
// can show what was entered beside the problems.
struct EditOutcome {
  Assessment after;
  std::optional<Error> refusal;  // kConflict, kForbidden or kInvalidInput (with problems)

  [[nodiscard]] bool accepted() const { return !refusal.has_value(); }
};

[[nodiscard]] EditOutcome apply_assessment_edit(const Framework& framework, const Person& person, RoundState round,
                                                const Assessment& before, const AssessmentEdit& edit);

}  // namespace trappa::core
