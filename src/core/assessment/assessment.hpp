// Assessment rounds and the yearly assessment of one person in a round.
//
// A round pins the framework revision it was created with, so later framework edits never
// change an old round. An assessment holds the person's self levels, the levels agreed in
// the conversation with the manager (keeping who agreed and when), motivation per area,
// prioritised competencies, a short note and the status with its timestamps.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trappa::core {

enum class RoundState : std::uint8_t { kDraft, kOpen, kClosed };

struct Round {
  std::string name;            // "2025"
  std::string framework_id;
  int framework_revision = 0;
  std::string scope_unit;      // root of the unit subtree in scope; empty = whole organisation
  std::string opens;           // ISO dates, may be empty
  std::string closes;
  RoundState state = RoundState::kDraft;

  bool operator==(const Round&) const = default;
};

enum class AssessmentStatus : std::uint8_t { kNotStarted, kSelfAssessed, kConversationHeld, kFollowedUp };

struct Rating {
  std::string competency;           // code, "1.1"
  std::optional<int> self_level;
  std::optional<int> agreed_level;  // set in the conversation
  std::string agreed_by;            // employee id or account of whoever set the agreed level
  std::string agreed_at;            // ISO timestamp

  bool operator==(const Rating&) const = default;
};

struct Assessment {
  std::string round;
  std::string employee_id;
  AssessmentStatus status = AssessmentStatus::kNotStarted;
  std::string self_assessed_at;
  std::string conversation_at;
  std::string followed_up_at;
  std::vector<Rating> ratings;              // in framework order
  std::map<std::string, int> motivation;    // area code -> 1..5
  std::vector<std::string> priorities;      // competency codes, most important first
  std::string notes;                        // short free text; never sensitive data

  [[nodiscard]] const Rating* find_rating(std::string_view competency) const;
  bool operator==(const Assessment&) const = default;
};

// At most this many competencies can be prioritised for development in one round.
inline constexpr std::size_t kMaxPriorities = 3;
inline constexpr std::size_t kMaxNoteLength = 2000;

std::string_view to_code(RoundState state);  // "draft", "open", "closed"
std::optional<RoundState> parse_round_state(std::string_view text);
std::string_view to_code(AssessmentStatus status);  // "not_started", "self_assessed", ...
std::optional<AssessmentStatus> parse_assessment_status(std::string_view text);

}  // namespace trappa::core

namespace trappa::core {

// "1.1 self 2→3; 1.2 agreed –→3; motivation 2 –→4; status self_assessed→conversation_held"
// for the audit trail; "created" details everything set when there was no assessment before.
[[nodiscard]] std::string describe_assessment_change(const Assessment* before, const Assessment& after);

}  // namespace trappa::core
