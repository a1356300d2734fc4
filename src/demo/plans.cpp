#include "demo/plans.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "demo/random.hpp"

namespace trappa::demo {

std::vector<core::DevelopmentPlan> build_demo_plans(const std::vector<core::Person>& people,
                                                    const core::Framework& framework,
                                                    const std::vector<core::Assessment>& round_2025,
                                                    const std::vector<core::LearningActivity>& catalogue,
                                                    const std::vector<core::Participation>& participation,
                                                    std::uint64_t seed) {
  std::unordered_map<std::string, const core::Person*> by_id;
  for (const core::Person& person : people) by_id.emplace(person.employee_id, &person);
  std::map<std::string, const core::LearningActivity*> activities;
  for (const core::LearningActivity& activity : catalogue) activities.emplace(activity.code, &activity);
  std::unordered_map<std::string, std::vector<const core::LearningActivity*>> attended;
  for (const core::Participation& row : participation) {
    if (row.status != core::ParticipationStatus::kAttended) continue;
    if (auto found = activities.find(row.activity); found != activities.end()) attended[row.employee_id].push_back(found->second);
  }
  const core::Date target = *core::parse_iso_date("2026-12-31");
  const core::Date follow_up_day = *core::parse_iso_date("2025-11-14");

  std::vector<core::Assessment> ordered = round_2025;
  std::sort(ordered.begin(), ordered.end(),
            [](const core::Assessment& a, const core::Assessment& b) { return a.employee_id < b.employee_id; });
  DemoRandom random(mix64(seed ^ 0x706C616E73ULL));  // "plans"
  std::vector<core::DevelopmentPlan> plans;
  for (const core::Assessment& assessment : ordered) {
    const auto person = by_id.find(assessment.employee_id);
    if (person == by_id.end()) continue;
    const core::RoleProfile* profile = framework.profile_of(person->second->role);
    if (profile == nullptr) continue;
    // Needs, largest gap first, then in framework order.
    struct Need {
      std::string competency;
      int level;
      int expected;
    };
    std::vector<Need> needs;
    for (const core::Area& area : framework.areas) {
      for (const core::Competency& competency : area.competencies) {
        const auto expected = profile->find(competency.code);
        const core::Rating* rating = assessment.find_rating(competency.code);
        if (expected == profile->end() || rating == nullptr) continue;
        const std::optional<int> level = rating->agreed_level ? rating->agreed_level : rating->self_level;
        if (level && *level < expected->second) needs.push_back({competency.code, *level, expected->second});
      }
    }
    const bool has_plan = random.chance(850);
    const bool followed = random.chance(500);
    if (needs.empty() || !has_plan) continue;
    std::stable_sort(needs.begin(), needs.end(),
                     [](const Need& a, const Need& b) { return a.expected - a.level > b.expected - b.level; });
    if (needs.size() > 3) needs.resize(3);

    core::DevelopmentPlan plan;
    plan.employee_id = assessment.employee_id;
    plan.round = "2025";
    plan.proposed_by = assessment.employee_id;
    std::set<std::string> goal_codes;
    for (const Need& need : needs) {
      plan.goals.push_back({need.competency, need.expected, target});
      goal_codes.insert(need.competency);
    }
    std::set<std::string> covered;
    const auto& taken = attended[assessment.employee_id];
    for (const core::LearningActivity* activity : taken) {
      const bool for_goal = std::any_of(activity->competencies.begin(), activity->competencies.end(),
                                        [&](const std::string& code) { return goal_codes.contains(code); });
      if (!for_goal || plan.activities.size() >= 3) continue;
      plan.activities.push_back(activity->code);
      for (const std::string& code : activity->competencies) {
        if (goal_codes.contains(code)) covered.insert(code);
      }
    }
    for (const core::LearningActivity* activity : taken) {
      if (plan.activities.size() >= 3 || !plan.activities.empty()) break;
      plan.activities.push_back(activity->code);
    }
    std::sort(plan.activities.begin(), plan.activities.end());
    plan.activities.erase(std::unique(plan.activities.begin(), plan.activities.end()), plan.activities.end());
    plan.note = plan.activities.empty() ? "Hitta en aktivitet i katalogen för målen." : "Följer upp efter kurserna.";
    const std::string& manager = person->second->manager_id;
    if (!manager.empty() && by_id.contains(manager)) {
      plan.state = core::PlanState::kAgreed;
      plan.agreed_by = manager;
      plan.agreed_at = !assessment.conversation_at.empty() ? assessment.conversation_at : "2025-05-30T10:00:00Z";
      if (followed) {
        const core::GoalProgress progress =
            covered.size() == goal_codes.size() ? core::GoalProgress::kDone : core::GoalProgress::kInProgress;
        plan.follow_ups.push_back({follow_up_day, progress,
                                   progress == core::GoalProgress::kDone ? "Målen nådda med kurserna."
                                                                         : "På väg; fler aktiviteter behövs.",
                                   manager});
      }
    }
    plans.push_back(std::move(plan));
  }
  return plans;
}

}  // namespace trappa::demo
