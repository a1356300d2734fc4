#include "core/learning/development_plan.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "core/base/case_fold.hpp"

namespace trappa::core {

namespace {

constexpr std::array<std::pair<PlanState, std::string_view>, 2> kStates{{
    {PlanState::kDraft, "draft"},
    {PlanState::kAgreed, "agreed"},
}};

constexpr std::array<std::pair<GoalProgress, std::string_view>, 3> kProgress{{
    {GoalProgress::kNotStarted, "not_started"},
    {GoalProgress::kInProgress, "in_progress"},
    {GoalProgress::kDone, "done"},
}};

template <typename Table, typename Value>
std::string_view code_of(const Table& table, Value value) {
  for (const auto& [candidate, code] : table) {
    if (candidate == value) return code;
  }
  return {};
}

template <typename Value, typename Table>
std::optional<Value> value_of(const Table& table, std::string_view text) {
  const std::string wanted = fold_case(text);
  for (const auto& [value, code] : table) {
    if (code == wanted) return value;
  }
  return std::nullopt;
}

Error refused(ErrorKind kind, std::string message) { return Error{kind, std::move(message), {}}; }

}  // namespace

std::string_view to_code(PlanState state) { return code_of(kStates, state); }
std::optional<PlanState> parse_plan_state(std::string_view text) { return value_of<PlanState>(kStates, text); }
std::string_view to_code(GoalProgress progress) { return code_of(kProgress, progress); }
std::optional<GoalProgress> parse_goal_progress(std::string_view text) {
  return value_of<GoalProgress>(kProgress, text);
}

std::vector<Problem> validate_plan(const DevelopmentPlan& plan, const Framework& framework,
                                   const std::vector<std::string>& known_activities) {
  std::vector<Problem> problems;
  if (plan.goals.size() > kMaxPlanGoals) {
    problems.push_back({"goals", "at most " + std::to_string(kMaxPlanGoals) + " goals"});
  }
  std::set<std::string> competencies;
  for (std::size_t i = 0; i < plan.goals.size(); ++i) {
    const PlanGoal& goal = plan.goals[i];
    const std::string where = "goals[" + std::to_string(i) + "]";
    if (goal.competency.empty()) {
      problems.push_back({where + ".competency", "is required"});
    } else if (framework.find_competency(goal.competency) == nullptr) {
      problems.push_back({where + ".competency", "'" + goal.competency + "' is not a competency of framework '" +
                                                     framework.id + "'"});
    } else if (!competencies.insert(goal.competency).second) {
      problems.push_back({where + ".competency", "'" + goal.competency + "' has a goal already"});
    }
    if (!framework.scale.contains(goal.target_level)) {
      problems.push_back({where + ".target_level", "must be a level from " + std::to_string(framework.scale.min) +
                                                       " to " + std::to_string(framework.scale.max)});
    }
    if (!goal.target_date.ok()) problems.push_back({where + ".target_date", "is not a date (YYYY-MM-DD)"});
  }
  std::set<std::string> activities;
  for (std::size_t i = 0; i < plan.activities.size(); ++i) {
    const std::string& code = plan.activities[i];
    const std::string where = "activities[" + std::to_string(i) + "]";
    if (std::find(known_activities.begin(), known_activities.end(), code) == known_activities.end()) {
      problems.push_back({where, "'" + code + "' is not an activity of the catalogue"});
    } else if (!activities.insert(code).second) {
      problems.push_back({where, "'" + code + "' is chosen already"});
    }
  }
  if (plan.note.size() > kMaxPlanNote) {
    problems.push_back({"note", "at most " + std::to_string(kMaxPlanNote) + " characters"});
  }
  return problems;
}

Result<DevelopmentPlan> edit_plan(const std::optional<DevelopmentPlan>& before, const std::string& employee_id,
                                  const std::string& round, const std::string& editor_id, const PlanContent& content,
                                  const Framework& framework, const std::vector<std::string>& known_activities) {
  DevelopmentPlan after;
  if (before) {
    if (before->state == PlanState::kAgreed) {
      return std::unexpected(refused(ErrorKind::kConflict, "the plan has been agreed; it can no longer change"));
    }
    after = *before;
  } else {
    after.employee_id = employee_id;
    after.round = round;
    after.proposed_by = editor_id;
  }
  after.goals = content.goals;
  after.activities = content.activities;
  after.note = content.note;
  if (auto problems = validate_plan(after, framework, known_activities); !problems.empty()) {
    return std::unexpected(Error{ErrorKind::kInvalidInput, "the plan was not saved", std::move(problems)});
  }
  return after;
}

Result<DevelopmentPlan> agree_plan(const DevelopmentPlan& before, PlanEditor editor, const std::string& editor_id,
                                   const std::string& at) {
  if (editor != PlanEditor::kReviewer || editor_id.empty() || editor_id == before.employee_id) {
    return std::unexpected(refused(ErrorKind::kForbidden, "nobody agrees their own plan; the manager agrees it"));
  }
  if (before.state == PlanState::kAgreed) {
    return std::unexpected(refused(ErrorKind::kConflict, "the plan has been agreed already"));
  }
  if (before.goals.empty()) {
    return std::unexpected(
        Error{ErrorKind::kInvalidInput, "the plan was not agreed", {{"goals", "a plan needs at least one goal"}}});
  }
  DevelopmentPlan after = before;
  after.state = PlanState::kAgreed;
  after.agreed_by = editor_id;
  after.agreed_at = at;
  return after;
}

Result<DevelopmentPlan> add_follow_up(const DevelopmentPlan& before, PlanEditor editor, const PlanFollowUp& follow_up) {
  if (editor != PlanEditor::kReviewer || follow_up.by.empty() || follow_up.by == before.employee_id) {
    return std::unexpected(refused(ErrorKind::kForbidden, "the manager follows the plan up"));
  }
  if (before.state != PlanState::kAgreed) {
    return std::unexpected(refused(ErrorKind::kConflict, "only an agreed plan is followed up"));
  }
  if (follow_up.comment.size() > kMaxFollowUpComment) {
    return std::unexpected(Error{ErrorKind::kInvalidInput, "the follow-up was not saved",
                                 {{"comment", "at most " + std::to_string(kMaxFollowUpComment) + " characters"}}});
  }
  DevelopmentPlan after = before;
  const auto position = std::upper_bound(after.follow_ups.begin(), after.follow_ups.end(), follow_up,
                                         [](const PlanFollowUp& a, const PlanFollowUp& b) { return a.date < b.date; });
  after.follow_ups.insert(position, follow_up);
  return after;
}

bool reaches_followed_up(const DevelopmentPlan& plan) {
  return plan.state == PlanState::kAgreed && !plan.follow_ups.empty();
}

GoalProgress current_progress(const DevelopmentPlan& plan) {
  return plan.follow_ups.empty() ? GoalProgress::kNotStarted : plan.follow_ups.back().progress;
}

}  // namespace trappa::core
