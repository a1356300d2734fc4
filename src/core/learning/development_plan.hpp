// Development plans (docs/learning.md, "Development plans"): per person and round, the goals
// (a competency of the round's framework, a target level inside its scale, a target date), the
// chosen activities (catalogue codes), a note, who proposed it, its agreement by the manager
// (who and when, like agreed levels in core/assessment) and its follow-ups. The plan belongs to
// the person, not to the manager: it moves with them to a new manager.
//
// States: `draft` → `agreed`. A draft is edited by the person (their own) or their manager;
// agreeing stamps agreed_by/agreed_at and makes goals, activities and note read-only. Follow-ups
// (date, progress, comment) are added to an agreed plan by the manager; the first one brings the
// person's assessment of the round to `followed_up` (reaches_followed_up; the app layer applies
// it through the assessment's own edit rules). Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/framework/framework.hpp"

namespace trappa::core {

enum class PlanState { kDraft, kAgreed };
enum class GoalProgress { kNotStarted, kInProgress, kDone };

// "draft", "agreed"; "not_started", "in_progress", "done". Parsing ignores letter case.
[[nodiscard]] std::string_view to_code(PlanState state);
[[nodiscard]] std::optional<PlanState> parse_plan_state(std::string_view text);
[[nodiscard]] std::string_view to_code(GoalProgress progress);
[[nodiscard]] std::optional<GoalProgress> parse_goal_progress(std::string_view text);

struct PlanGoal {
  std::string competency;  // a competency code of the round's framework
  int target_level = 0;    // inside the framework's scale
  Date target_date{};

  bool operator==(const PlanGoal&) const = default;
};

struct PlanFollowUp {
  Date date{};
  GoalProgress progress = GoalProgress::kNotStarted;
  std::string comment;
  std::string by;  // employee id of whoever followed up

  bool operator==(const PlanFollowUp&) const = default;
};

struct DevelopmentPlan {
  std::string employee_id;
  std::string round;
  std::vector<PlanGoal> goals;           // at most one per competency
  std::vector<std::string> activities;   // codes of chosen activities, each once
  std::string note;
  PlanState state = PlanState::kDraft;
  std::string proposed_by;  // employee id of whoever first saved it
  std::string agreed_by;    // employee id of the manager who agreed; empty while draft
  std::string agreed_at;    // ISO timestamp; empty while draft
  std::vector<PlanFollowUp> follow_ups;  // in date order

  bool operator==(const DevelopmentPlan&) const = default;
};

inline constexpr std::size_t kMaxPlanNote = 2000;
inline constexpr std::size_t kMaxFollowUpComment = 2000;
inline constexpr std::size_t kMaxPlanGoals = 50;

// The problems of a plan's content against the round's framework and the catalogue's codes
// (`known_activities`, sorted or not): unknown competency, level outside the scale, duplicate
// goal, duplicate or unknown activity, a note too long. Each problem names its field:
// "goals[2].competency", "goals[0].target_level", "activities[1]", "note".
[[nodiscard]] std::vector<Problem> validate_plan(const DevelopmentPlan& plan, const Framework& framework,
                                                 const std::vector<std::string>& known_activities);

// Who changes a plan: the person themselves, or their reviewer (the manager, or HR in scope
// where the adapter allows it).
enum class PlanEditor { kPerson, kReviewer };

// The content a save asks for: goals, activities and note replace what is stored.
struct PlanContent {
  std::vector<PlanGoal> goals;
  std::vector<std::string> activities;
  std::string note;
};

// Applies a content change to `before` (nullopt: no plan yet). Refused with kConflict once the
// plan is agreed; kInvalidInput with the problems when the content is not valid. A new plan
// records `editor_id` as proposed_by.
[[nodiscard]] Result<DevelopmentPlan> edit_plan(const std::optional<DevelopmentPlan>& before,
                                                const std::string& employee_id, const std::string& round,
                                                const std::string& editor_id, const PlanContent& content,
                                                const Framework& framework,
                                                const std::vector<std::string>& known_activities);

// The reviewer agrees a draft: kForbidden when `editor` is the person (nobody agrees their own
// plan), kConflict when it is agreed already, kInvalidInput when it has no goal.
[[nodiscard]] Result<DevelopmentPlan> agree_plan(const DevelopmentPlan& before, PlanEditor editor,
                                                 const std::string& editor_id, const std::string& at);

// The reviewer adds a follow-up to an agreed plan: kForbidden for the person, kConflict for a
// draft, kInvalidInput for a comment too long. Follow-ups stay in date order (a later one of
// the same date after the earlier).
[[nodiscard]] Result<DevelopmentPlan> add_follow_up(const DevelopmentPlan& before, PlanEditor editor,
                                                    const PlanFollowUp& follow_up);

// Whether the plan brings its assessment to `followed_up`: it is agreed and followed up.
[[nodiscard]] bool reaches_followed_up(const DevelopmentPlan& plan);

// The progress of the newest follow-up, else not_started.
[[nodiscard]] GoalProgress current_progress(const DevelopmentPlan& plan);

}  // namespace trappa::core
