// Development plans over the shared SQL session: the tables of migration 013
// (development_plans, plan_goals, plan_activities, plan_follow_ups).
#include <soci/soci.h>

#include <map>
#include <set>

#include "core/base/date.hpp"
#include "store/learning/sql_learning_store.hpp"
#include "store/sql/row_scan.hpp"

namespace trappa::store {

using core::Result;

namespace {

std::string plural(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// "2025: 2 goals, 1 activity, note" — what a content write holds, without the note's text.
std::string content_detail(const core::DevelopmentPlan& plan) {
  std::string text = plan.round + ": " + plural(plan.goals.size(), "goal", "goals");
  for (const core::PlanGoal& goal : plan.goals) {
    text += (&goal == &plan.goals.front() ? " (" : ", ") + goal.competency + "→" + std::to_string(goal.target_level);
    if (&goal == &plan.goals.back()) text += ")";
  }
  text += ", " + plural(plan.activities.size(), "activity", "activities");
  for (const std::string& code : plan.activities) {
    text += (&code == &plan.activities.front() ? " (" : " ") + code;
    if (&code == &plan.activities.back()) text += ")";
  }
  if (!plan.note.empty()) text += ", note";
  return text;
}

}  // namespace

Result<void> SqlLearningStore::save_plans(const std::vector<core::DevelopmentPlan>& plans, PlanWrite what,
                                          const Actor& actor) {
  return guarded("saving the development plans", [&]() -> Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    std::set<std::string> rounds;
    for (const core::DevelopmentPlan& plan : plans) {
      if (!person_exists(plan.employee_id)) {
        return core::fail(core::ErrorKind::kNotFound, "no person with employee id '" + plan.employee_id + "'");
      }
      if (!rounds.insert(plan.round).second) continue;
      long long found = 0;
      *session_ << "SELECT COUNT(*) FROM rounds WHERE name = :name", soci::use(plan.round), soci::into(found);
      if (found == 0) return core::fail(core::ErrorKind::kNotFound, "no round named '" + plan.round + "'");
    }
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> entries;
    for (const core::DevelopmentPlan& plan : plans) {
      long long existed = 0;
      *session_ << "SELECT COUNT(*) FROM development_plans WHERE employee_id = :id AND round_name = :round",
          soci::use(plan.employee_id), soci::use(plan.round), soci::into(existed);
      for (const char* sql : {"DELETE FROM plan_goals WHERE employee_id = :id AND round_name = :round",
                              "DELETE FROM plan_activities WHERE employee_id = :id AND round_name = :round",
                              "DELETE FROM plan_follow_ups WHERE employee_id = :id AND round_name = :round"}) {
        *session_ << sql, soci::use(plan.employee_id), soci::use(plan.round);
      }
      const std::string state(core::to_code(plan.state));
      *session_ << "INSERT INTO development_plans (employee_id, round_name, note, state, proposed_by, agreed_by, "
                   "agreed_at, updated_at) VALUES (:id, :round, :note, :state, :proposed, :agreed_by, :agreed_at, "
                   ":updated) ON CONFLICT (employee_id, round_name) DO UPDATE SET note = excluded.note, "
                   "state = excluded.state, proposed_by = excluded.proposed_by, agreed_by = excluded.agreed_by, "
                   "agreed_at = excluded.agreed_at, updated_at = excluded.updated_at",
          soci::use(plan.employee_id), soci::use(plan.round), soci::use(plan.note), soci::use(state),
          soci::use(plan.proposed_by), soci::use(plan.agreed_by), soci::use(plan.agreed_at), soci::use(now);
      for (std::size_t i = 0; i < plan.goals.size(); ++i) {
        const core::PlanGoal& goal = plan.goals[i];
        const int position = static_cast<int>(i);
        const std::string date = core::to_iso(goal.target_date);
        *session_ << "INSERT INTO plan_goals (employee_id, round_name, position, competency, target_level, "
                     "target_date) VALUES (:id, :round, :position, :competency, :level, :date)",
            soci::use(plan.employee_id), soci::use(plan.round), soci::use(position), soci::use(goal.competency),
            soci::use(goal.target_level), soci::use(date);
      }
      for (std::size_t i = 0; i < plan.activities.size(); ++i) {
        const int position = static_cast<int>(i);
        *session_ << "INSERT INTO plan_activities (employee_id, round_name, position, activity) "
                     "VALUES (:id, :round, :position, :activity)",
            soci::use(plan.employee_id), soci::use(plan.round), soci::use(position), soci::use(plan.activities[i]);
      }
      for (std::size_t i = 0; i < plan.follow_ups.size(); ++i) {
        const core::PlanFollowUp& follow_up = plan.follow_ups[i];
        const int position = static_cast<int>(i);
        const std::string date = core::to_iso(follow_up.date);
        const std::string progress(core::to_code(follow_up.progress));
        *session_ << "INSERT INTO plan_follow_ups (employee_id, round_name, position, date, progress, comment, "
                     "followed_by) VALUES (:id, :round, :position, :date, :progress, :comment, :by)",
            soci::use(plan.employee_id), soci::use(plan.round), soci::use(position), soci::use(date),
            soci::use(progress), soci::use(follow_up.comment), soci::use(follow_up.by);
      }
      switch (what) {
        case PlanWrite::kContent:
          entries.push_back({now, actor.name, existed > 0 ? "plan.update" : "plan.create", plan.employee_id,
                             content_detail(plan) + actor.where(plan.employee_id)});
          break;
        case PlanWrite::kAgree:
          entries.push_back({now, actor.name, "plan.agree", plan.employee_id,
                             plan.round + ": agreed by " + plan.agreed_by + actor.where(plan.employee_id)});
          break;
        case PlanWrite::kFollowUp: {
          std::string detail = plan.round + ": followed up";
          if (!plan.follow_ups.empty()) {
            detail += " " + core::to_iso(plan.follow_ups.back().date) + " " +
                      std::string(core::to_code(core::current_progress(plan)));
          }
          entries.push_back({now, actor.name, "plan.follow_up", plan.employee_id, detail + actor.where(plan.employee_id)});
          break;
        }
      }
    }
    if (!entries.empty()) {
      append_audit_entries_in_transaction(entries);
      record_change_in_transaction(ChangeKind::kPlans);
    }
    transaction.commit();
    return {};
  });
}

Result<std::optional<core::DevelopmentPlan>> SqlLearningStore::load_plan(const std::string& employee_id,
                                                                         const std::string& round) {
  ASSIGN_OR_RETURN(auto plans, plans_where("p.employee_id = $1 AND p.round_name = $2", {employee_id, round}));
  if (plans.empty()) return std::optional<core::DevelopmentPlan>{};
  return std::optional<core::DevelopmentPlan>(std::move(plans.front()));
}

Result<std::vector<core::DevelopmentPlan>> SqlLearningStore::load_plans(const std::string& round) {
  return plans_where("p.round_name = $1", {round});
}

Result<std::vector<core::DevelopmentPlan>> SqlLearningStore::plans_where(const char* condition,
                                                                        std::initializer_list<std::string> values) {
  return guarded("reading the development plans", [&]() -> Result<std::vector<core::DevelopmentPlan>> {
    std::vector<ScanParameter> parameters;
    for (const std::string& value : values) parameters.emplace_back(value);
    const auto run = [&](const std::string& sql) {
      return dialect_->scan(*session_, sql, std::span<const ScanParameter>(parameters.data(), parameters.size()));
    };
    const std::string where = std::string(" WHERE ") + condition;
    std::vector<core::DevelopmentPlan> plans;
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (auto rows = run("SELECT p.employee_id, p.round_name, p.note, p.state, p.proposed_by, p.agreed_by, "
                         "p.agreed_at FROM development_plans p" + where + " ORDER BY p.employee_id, p.round_name");
         rows->next();) {
      core::DevelopmentPlan plan;
      plan.employee_id = rows->text(0);
      plan.round = rows->text(1);
      plan.note = rows->text(2);
      plan.state = core::parse_plan_state(rows->text(3)).value_or(core::PlanState::kDraft);
      plan.proposed_by = rows->text(4);
      plan.agreed_by = rows->text(5);
      plan.agreed_at = rows->text(6);
      index[{plan.employee_id, plan.round}] = plans.size();
      plans.push_back(std::move(plan));
    }
    if (plans.empty()) return plans;
    const auto plan_of = [&](std::string_view employee, std::string_view round) -> core::DevelopmentPlan* {
      const auto found = index.find({std::string(employee), std::string(round)});
      return found == index.end() ? nullptr : &plans[found->second];
    };
    for (auto rows = run("SELECT p.employee_id, p.round_name, p.competency, p.target_level, p.target_date "
                         "FROM plan_goals p" + where + " ORDER BY p.employee_id, p.round_name, p.position");
         rows->next();) {
      if (core::DevelopmentPlan* plan = plan_of(rows->text(0), rows->text(1))) {
        plan->goals.push_back({std::string(rows->text(2)), static_cast<int>(rows->integer(3)),
                               core::parse_iso_date(rows->text(4)).value_or(core::Date{})});
      }
    }
    for (auto rows = run("SELECT p.employee_id, p.round_name, p.activity FROM plan_activities p" + where +
                         " ORDER BY p.employee_id, p.round_name, p.position");
         rows->next();) {
      if (core::DevelopmentPlan* plan = plan_of(rows->text(0), rows->text(1))) plan->activities.emplace_back(rows->text(2));
    }
    for (auto rows = run("SELECT p.employee_id, p.round_name, p.date, p.progress, p.comment, p.followed_by "
                         "FROM plan_follow_ups p" + where + " ORDER BY p.employee_id, p.round_name, p.position");
         rows->next();) {
      if (core::DevelopmentPlan* plan = plan_of(rows->text(0), rows->text(1))) {
        plan->follow_ups.push_back({core::parse_iso_date(rows->text(2)).value_or(core::Date{}),
                                    core::parse_goal_progress(rows->text(3)).value_or(core::GoalProgress::kNotStarted),
                                    std::string(rows->text(4)), std::string(rows->text(5))});
      }
    }
    return plans;
  });
}

}  // namespace trappa::store
