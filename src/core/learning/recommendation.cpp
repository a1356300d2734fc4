#include "core/learning/recommendation.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace trappa::core {

namespace {

// A need's expected level and projected level, by competency code.
struct Projection {
  int expected = 0;
  int projected = 0;
};

// The gain of `activity` at the projections `needs`, and the competencies it counts.
int gain_of(const LearningActivity& activity, const std::map<std::string, Projection, std::less<>>& needs,
            std::vector<std::string>* counted) {
  int gain = 0;
  for (const std::string& competency : activity.competencies) {
    const auto need = needs.find(competency);
    if (need == needs.end() || need->second.projected < activity.level_from) continue;
    if (counted != nullptr) counted->push_back(competency);
    gain += std::max(0, std::min(activity.level_to, need->second.expected) - need->second.projected);
  }
  return gain;
}

}  // namespace

bool audience_includes(const LearningActivity& activity, const std::string& role) {
  return activity.audience_roles.empty() ||
         std::find(activity.audience_roles.begin(), activity.audience_roles.end(), role) != activity.audience_roles.end();
}

std::vector<LearningNeed> needs_of(const Person& person, const Assessment* assessment, const Framework& framework) {
  std::vector<LearningNeed> needs;
  const RoleProfile* profile = framework.profile_of(person.role);
  if (profile == nullptr || assessment == nullptr) return needs;
  for (const Area& area : framework.areas) {
    for (const Competency& competency : area.competencies) {
      const auto expected = profile->find(competency.code);
      const Rating* rating = assessment->find_rating(competency.code);
      if (expected == profile->end() || rating == nullptr) continue;
      const std::optional<int> level = rating->agreed_level ? rating->agreed_level : rating->self_level;
      if (level && *level < expected->second) needs.push_back({competency.code, *level, expected->second});
    }
  }
  return needs;
}

bool could_raise(const LearningActivity& activity, const LearningNeed& need) {
  return std::find(activity.competencies.begin(), activity.competencies.end(), need.competency) !=
             activity.competencies.end() &&
         need.level >= activity.level_from && std::min(activity.level_to, need.expected) > need.level;
}

std::vector<std::size_t> places_taken(const std::vector<LearningActivity>& activities,
                                      const std::vector<Participation>& participation) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < activities.size(); ++i) index.emplace(activities[i].code, i);
  std::vector<std::size_t> taken(activities.size(), 0);
  for (const Participation& row : participation) {
    const auto found = index.find(row.activity);
    if (found != index.end() && takes_a_place(row.status)) ++taken[found->second];
  }
  return taken;
}

RecommendationList recommend(const Person& person, const Assessment* assessment, const Framework& framework,
                             const std::vector<LearningActivity>& activities, const std::vector<std::size_t>& taken,
                             const std::vector<Participation>& own_rows, Date on, std::optional<double> budget_hours) {
  RecommendationList list;
  list.budget_hours = budget_hours;

  list.needs = needs_of(person, assessment, framework);
  std::map<std::string, Projection, std::less<>> needs;
  for (const LearningNeed& need : list.needs) needs.emplace(need.competency, Projection{need.expected, need.level});

  // Candidates.
  std::set<std::string_view> own;
  for (const Participation& row : own_rows) own.insert(row.activity);
  std::vector<const LearningActivity*> candidates;
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const LearningActivity& activity = activities[i];
    if (activity.framework_id != framework.id || activity.status != ActivityStatus::kOpen || activity.ends < on) continue;
    if (!has_room(activity, i < taken.size() ? taken[i] : 0) || !audience_includes(activity, person.role)) continue;
    if (own.contains(activity.code)) continue;
    candidates.push_back(&activity);
  }

  for (const LearningNeed& need : list.needs) {
    const bool raisable = std::any_of(candidates.begin(), candidates.end(),
                                      [&](const LearningActivity* activity) { return could_raise(*activity, need); });
    if (!raisable) list.uncovered.push_back(need.competency);
  }

  // Greedy picks.
  double remaining = budget_hours.value_or(0);
  std::vector<bool> picked(candidates.size(), false);
  while (true) {
    std::optional<std::size_t> best;
    int best_gain = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (picked[i]) continue;
      const LearningActivity& activity = *candidates[i];
      if (budget_hours && activity.hours > remaining) continue;
      const int gain = gain_of(activity, needs, nullptr);
      if (gain <= 0) continue;
      if (!best) {
        best = i;
        best_gain = gain;
        continue;
      }
      const LearningActivity& incumbent = *candidates[*best];
      // gain / hours compared without division: a/h > b/k ⇔ a·k > b·h (hours are positive).
      const double mine = gain * incumbent.hours;
      const double theirs = best_gain * activity.hours;
      const bool better = mine > theirs ||
                          (mine == theirs && (gain > best_gain ||
                                              (gain == best_gain && (activity.hours < incumbent.hours ||
                                                                     (activity.hours == incumbent.hours &&
                                                                      activity.code < incumbent.code)))));
      if (better) {
        best = i;
        best_gain = gain;
      }
    }
    if (!best) break;
    picked[*best] = true;
    const LearningActivity& activity = *candidates[*best];
    std::vector<std::string> counted;
    Recommendation recommendation{activity.code, activity.title, activity.hours, gain_of(activity, needs, &counted), {}};
    for (const std::string& competency : counted) {
      Projection& projection = needs.find(competency)->second;
      const int raised = std::max(projection.projected, std::min(activity.level_to, projection.expected));
      if (raised > projection.projected) recommendation.closes.push_back({competency, projection.projected, raised});
      projection.projected = raised;
    }
    remaining -= activity.hours;
    list.total_hours += activity.hours;
    list.steps_closed += recommendation.gain;
    list.recommendations.push_back(std::move(recommendation));
  }
  for (const auto& [competency, projection] : needs) list.steps_open += projection.expected - projection.projected;
  return list;
}

}  // namespace trappa::core
