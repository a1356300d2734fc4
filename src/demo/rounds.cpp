#include "demo/rounds.hpp"

#include <algorithm>

#include "core/assessment/assessment_rules.hpp"
#include "demo/random.hpp"

namespace trappa::demo {

namespace {

std::uint64_t mix(std::uint64_t value) { return mix64(value + kGoldenGamma); }

// Counter-based: the n-th draw of a person's dice is mix(state + n), so each person's
// numbers depend on their own seed only.
class Dice {
 public:
  explicit Dice(std::uint64_t state) : state_(state) {}
  double uniform() { return static_cast<double>(mix(state_++) >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// Areas where the project concentrated its activities, so needs there fall most.
bool is_focus_area(const std::string& area) { return area == "1" || area == "4" || area == "6"; }

struct PersonPlan {
  bool takes_part[2];
  std::vector<std::pair<std::string, int>> levels[2];  // competency, final level
  std::map<std::string, int> motivation[2];
};

// Both rounds of one person, from the person's own dice: chunked calls agree.
PersonPlan plan_person(const core::Framework& framework, const core::Person& person, const core::RoleProfile& profile,
                       std::uint64_t seed, std::size_t person_index) {
  Dice dice(mix(seed * 0x100000001b3ULL + person_index));
  PersonPlan plan;
  plan.takes_part[0] = dice.uniform() < 0.79;
  plan.takes_part[1] = dice.uniform() < 0.87;

  struct Item {
    std::string code;
    std::string area;
    int expected;
  };
  std::vector<Item> items;
  for (const core::Area& area : framework.areas) {
    for (const core::Competency& competency : area.competencies) {
      auto found = profile.find(competency.code);
      if (found != profile.end()) items.push_back({competency.code, area.code, found->second});
    }
  }
  const int top = framework.scale.max;
  const int bottom = framework.scale.min;

  // 2025: about 29 % have one to three needs, more often in the focus areas.
  std::vector<int> gap2025(items.size(), 0);
  if (dice.uniform() < 0.28) {
    int needs = 1 + (dice.uniform() < 0.35 ? 1 : 0) + (dice.uniform() < 0.10 ? 1 : 0);
    for (int attempt = 0; attempt < 20 && needs > 0; ++attempt) {
      const auto pick = static_cast<std::size_t>(dice.uniform() * static_cast<double>(items.size()));
      const double weight = is_focus_area(items[pick].area) ? 1.0 : 0.45;
      if (gap2025[pick] == 0 && items[pick].expected > bottom && dice.uniform() < weight) {
        gap2025[pick] = dice.uniform() < 0.15 && items[pick].expected - 2 >= bottom ? 2 : 1;
        --needs;
      }
    }
  }
  // 2026: focus-area needs are mostly met; a few new needs appear elsewhere.
  std::vector<int> gap2026(items.size(), 0);
  const bool new_need = dice.uniform() < 0.05;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (gap2025[i] > 0) {
      const double keep = is_focus_area(items[i].area) ? 0.5 : 0.88;
      if (dice.uniform() < keep) gap2026[i] = 1;
    }
  }
  if (new_need && !items.empty()) {
    const auto pick = static_cast<std::size_t>(dice.uniform() * static_cast<double>(items.size()));
    if (!is_focus_area(items[pick].area) && items[pick].expected > bottom) gap2026[pick] = 1;
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const double above = dice.uniform();
    int level2025 = gap2025[i] > 0 ? items[i].expected - gap2025[i]
                                   : std::min(top, items[i].expected + (above < 0.35 ? 1 : 0));
    int level2026 = gap2026[i] > 0 ? items[i].expected - 1
                                   : std::max(items[i].expected, std::min(top, level2025 + (dice.uniform() < 0.12 ? 1 : 0)));
    plan.levels[0].emplace_back(items[i].code, std::max(bottom, level2025));
    plan.levels[1].emplace_back(items[i].code, std::max(bottom, level2026));
  }
  for (const core::Area* area : core::assessed_areas(framework, person.role)) {
    const bool high2025 = dice.uniform() < 0.64;
    const bool high2026 = high2025 ? dice.uniform() < 0.86 : dice.uniform() < 0.45;
    plan.motivation[0][area->code] = high2025 ? 4 + (dice.uniform() < 0.4 ? 1 : 0) : 2 + (dice.uniform() < 0.6 ? 1 : 0);
    plan.motivation[1][area->code] = high2026 ? 4 + (dice.uniform() < 0.45 ? 1 : 0) : 2 + (dice.uniform() < 0.6 ? 1 : 0);
  }
  return plan;
}

}  // namespace

const std::vector<DemoRoundSpec>& demo_round_specs() {
  static const std::vector<DemoRoundSpec> specs{
      {"2025", "2025-03-03", "2025-05-30", core::RoundState::kClosed},
      {"2026", "2026-01-12", "2026-12-18", core::RoundState::kOpen},
  };
  return specs;
}

std::vector<core::Assessment> build_demo_assessments(const core::Framework& framework, const std::vector<core::Person>& people,
                                               const std::vector<bool>& in_round, std::size_t begin, std::size_t end, std::size_t round_index,
                                               std::uint64_t seed) {
  std::vector<core::Assessment> assessments;
  const DemoRoundSpec& spec = demo_round_specs().at(round_index);
  for (std::size_t index = begin; index < end && index < people.size(); ++index) {
    if (index >= in_round.size() || !in_round[index]) continue;
    const core::Person& person = people[index];
    // Only roles with a profile of their own answer: the demo's history predates the default
    // profile, so people it newly brings into a round (e.g. arbetsmarknadsanställda under
    // `medarbetare`) are there but have not started.
    const core::RoleProfile* profile = framework.own_profile_of(person.role);
    if (profile == nullptr || profile->empty()) continue;
    PersonPlan plan = plan_person(framework, person, *profile, seed, index);
    if (!plan.takes_part[round_index]) continue;

    Dice dice(mix(seed ^ (0xa5a5a5a5ULL + index * 7 + round_index)));
    core::Assessment assessment;
    assessment.round = spec.name;
    assessment.employee_id = person.employee_id;
    assessment.status = core::AssessmentStatus::kSelfAssessed;
    assessment.self_assessed_at = spec.opens + "T09:00:00Z";
    // In the closed round nearly everyone who answered also had the conversation; in the
    // open one, about two thirds so far.
    const double conversation_share = spec.state == core::RoundState::kClosed ? 0.92 : 0.65;
    const bool conversation = dice.uniform() < conversation_share;
    if (conversation) {
      assessment.status = core::AssessmentStatus::kConversationHeld;
      assessment.conversation_at = spec.opens + "T14:00:00Z";
      if (spec.state == core::RoundState::kClosed && dice.uniform() < 0.4) {
        assessment.status = core::AssessmentStatus::kFollowedUp;
        assessment.followed_up_at = spec.closes + "T10:00:00Z";
      }
    }
    for (const auto& [code, level] : plan.levels[round_index]) {
      core::Rating rating;
      rating.competency = code;
      // People tend to rate themselves a little differently from what is agreed; the
      // manager adjusts in the conversation.
      const double drift = dice.uniform();
      int self = level;
      if (drift < 0.08) self = std::min(framework.scale.max, level + 1);
      else if (drift < 0.13) self = std::max(framework.scale.min, level - 1);
      rating.self_level = conversation ? self : level;
      if (conversation) {
        rating.agreed_level = level;
        rating.agreed_by = person.manager_id;
        rating.agreed_at = assessment.conversation_at;
      }
      assessment.ratings.push_back(std::move(rating));
    }
    assessment.motivation = plan.motivation[round_index];
    if (!plan.levels[round_index].empty()) {
      // Prioritise the competencies furthest below expectations, then the first ones.
      std::vector<std::pair<int, std::string>> gaps;
      for (const auto& [code, level] : plan.levels[round_index]) gaps.emplace_back(level - profile->at(code), code);
      std::stable_sort(gaps.begin(), gaps.end());
      for (std::size_t i = 0; i < gaps.size() && i < 2 && gaps[i].first < 0; ++i) {
        assessment.priorities.push_back(gaps[i].second);
      }
    }
    assessments.push_back(std::move(assessment));
  }
  return assessments;
}

}  // namespace trappa::demo
