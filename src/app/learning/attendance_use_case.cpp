#include "app/learning/attendance_use_case.hpp"

#include <map>
#include <set>

#include "app/learning/learning_settings.hpp"
#include "app/learning/learning_use_case.hpp"
#include "core/org/unit_tree.hpp"
#include "store/framework/framework_store.hpp"
#include "store/learning/learning_store.hpp"
#include "store/org/organisation_store.hpp"

namespace trappa::app {

namespace {

constexpr double kMaxHours = 10'000;

bool in_subtree(const core::UnitTree& tree, const std::string& unit, const std::string& root) {
  if (root.empty()) return true;
  const auto top = tree.index_of(root);
  const auto index = tree.index_of(unit);
  return top && index && *index >= *top && *index < tree.subtree_end(*top);
}

}  // namespace

core::Result<AttendanceSummary> mark_attendance(store::Store& store, const AttendanceRequest& request,
                                                const store::Actor& actor) {
  ASSIGN_OR_RETURN(auto activities, store.learning().load_activities());
  bool known = false;
  for (const core::LearningActivity& activity : activities) known = known || activity.code == request.activity;
  if (!known) return core::fail(core::ErrorKind::kNotFound, "no activity with code '" + request.activity + "'");
  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  ASSIGN_OR_RETURN(auto people, store.organisation().load_people());
  const core::UnitTree tree = core::UnitTree::build(units);
  std::map<std::string, std::string> unit_of;
  for (const core::Person& person : people) unit_of.emplace(person.employee_id, person.unit_code);
  // The activity's own rows only: marking one session must not read the city's participation.
  ASSIGN_OR_RETURN(auto stored, store.learning().load_participation_of_activity(request.activity));
  std::map<std::string, core::Participation> rows;
  for (core::Participation& row : stored) {
    std::string id = row.employee_id;
    rows.emplace(std::move(id), std::move(row));
  }
  std::vector<core::Problem> problems;
  std::vector<core::Participation> changed;
  std::set<std::string> seen;
  for (const AttendanceMark& mark : request.marks) {
    const auto row = rows.find(mark.employee_id);
    const auto unit = unit_of.find(mark.employee_id);
    if (row == rows.end() || unit == unit_of.end() || !in_subtree(tree, unit->second, request.scope_unit)) {
      problems.push_back({mark.employee_id, "has no registration for " + request.activity + " that you may mark"});
      continue;
    }
    if (!seen.insert(mark.employee_id).second) {
      problems.push_back({mark.employee_id, "is marked twice"});
      continue;
    }
    if (row->second.status == core::ParticipationStatus::kCancelled) {
      problems.push_back({mark.employee_id, "cancelled the registration; it cannot be marked"});
      continue;
    }
    if (mark.status == core::ParticipationStatus::kCancelled) {
      problems.push_back({mark.employee_id, "must be marked registered, attended or no_show"});
      continue;
    }
    if (mark.hours && (mark.status != core::ParticipationStatus::kAttended || !(*mark.hours > 0) ||
                       *mark.hours > kMaxHours)) {
      problems.push_back({"hours " + mark.employee_id,
                          mark.status != core::ParticipationStatus::kAttended
                              ? std::string("hours are only given for attended")
                              : std::string("must be more than 0 and at most 10000")});
      continue;
    }
    core::Participation next = row->second;
    next.status = mark.status;
    next.hours = mark.status == core::ParticipationStatus::kAttended ? mark.hours : std::nullopt;
    if (next.status == row->second.status && next.hours == row->second.hours) continue;
    next.source = "web";
    changed.push_back(std::move(next));
  }
  if (!problems.empty()) return core::invalid("the attendance is not valid", std::move(problems));
  AttendanceSummary summary;
  summary.unchanged = request.marks.size() - changed.size();
  if (changed.empty()) return summary;
  ASSIGN_OR_RETURN(auto saved, store.learning().save_participation(changed, actor));
  summary.changed = saved.changed + saved.created;
  summary.unchanged += saved.unchanged;
  return summary;
}

core::Result<void> save_activity(store::Store& store, const core::LearningActivity& activity, bool create,
                                 const store::Actor& actor, bool check_only) {
  ASSIGN_OR_RETURN(auto framework, store.frameworks().load_framework(activity.framework_id));
  if (!framework) {
    return core::invalid("the activity is not valid", {{"framework", "no framework with id '" + activity.framework_id + "'"}});
  }
  std::vector<core::Problem> problems;
  for (const core::ActivityProblem& problem : core::activity_problems(activity, framework->framework)) {
    problems.push_back({problem.field, problem.what});
  }
  ASSIGN_OR_RETURN(auto activities, store.learning().load_activities());
  bool exists = false;
  for (const core::LearningActivity& stored : activities) exists = exists || stored.code == activity.code;
  if (create && exists) problems.push_back({"code", "'" + activity.code + "' is taken by another activity"});
  if (!problems.empty()) return core::invalid("the activity is not valid", std::move(problems));
  if (!create && !exists) return core::fail(core::ErrorKind::kNotFound, "no activity with code '" + activity.code + "'");
  if (check_only) return {};
  TRY(store.learning().save_activities({activity}, actor));
  return {};
}

core::Result<AttendanceSummary> LearningAdministration::mark_attendance(const AttendanceRequest& request,
                                                                        const std::string& actor) {
  auto lease = pool_.borrow();
  return app::mark_attendance(*lease, request, store::Actor{actor});
}

core::Result<void> LearningAdministration::save_activity(const core::LearningActivity& activity, bool create,
                                                         const std::string& actor, bool check_only) {
  auto lease = pool_.borrow();
  return app::save_activity(*lease, activity, create, store::Actor{actor}, check_only);
}

core::Result<core::UncoveredNeeds> LearningAdministration::uncovered_needs(const std::string& round,
                                                                          const std::optional<std::string>& unit) {
  auto lease = pool_.borrow();
  return run_uncovered_needs(*lease, round, unit, core::UncoveredGrouping::kArea);
}

core::Result<std::size_t> LearningAdministration::save_targets(const std::optional<std::string>& participants,
                                                               const std::optional<std::string>& hours_per_participant,
                                                               const std::string& actor) {
  auto lease = pool_.borrow();
  return save_settings(*lease,
                       {{std::string(kTargetParticipantsKey), participants},
                        {std::string(kTargetHoursPerParticipantKey), hours_per_participant}},
                       store::Actor{actor});
}

}  // namespace trappa::app
