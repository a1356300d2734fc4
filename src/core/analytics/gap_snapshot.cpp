#include "core/analytics/gap_snapshot.hpp"

#include <algorithm>
#include <set>

namespace trappa::core {

std::shared_ptr<const GapSnapshot> GapSnapshot::build(const Round& round, const Framework& framework,
                                                      std::shared_ptr<const UnitTree> tree,
                                                      const std::vector<Person>& people, const RoundFacts& facts) {
  auto snapshot = std::make_shared<GapSnapshot>();
  GapSnapshot& s = *snapshot;
  s.round_ = round;
  s.framework_ = framework;
  s.tree_ = std::move(tree);

  s.index_competencies();
  const std::size_t competency_count = s.competency_.size();
  auto add_role = [&s, competency_count](const std::string& role) {
    const RoleProfile* profile = s.framework_.profile_of(role);
    if (profile == nullptr || profile->empty()) return;
    s.role_names_.push_back(role);
    for (std::size_t c = 0; c < competency_count; ++c) {
      auto found = profile->find(s.competency_[c]->code);
      s.expected_.push_back(found == profile->end() ? 0 : static_cast<std::uint8_t>(found->second));
    }
  };
  for (const std::string& role : s.framework_.roles) add_role(role);
  // With a default profile every role takes part, also roles the framework does not list
  // (issue 13, item 6); they follow the framework's roles in name order, so the role indexes
  // do not depend on the order of people.
  if (s.framework_.default_role_profile() != nullptr) {
    std::set<std::string> unlisted;
    for (const Person& person : people) {
      if (!s.framework_.has_role(person.role)) unlisted.insert(person.role);
    }
    for (const std::string& role : unlisted) add_role(role);
  }

  // Who is in the round: in scope, with a profile. Ordered by unit (pre-order) with a
  // counting sort, so subtrees are contiguous and the order is stable.
  std::uint32_t scope_first = 0;
  auto scope_last = static_cast<std::uint32_t>(s.tree_->size());
  if (!round.scope_unit.empty()) {
    if (auto scope = s.tree_->index_of(round.scope_unit)) {
      scope_first = *scope;
      scope_last = s.tree_->subtree_end(*scope);
    } else {
      scope_last = 0;  // the scope unit is gone: nobody is in the round
    }
  }
  std::vector<bool> outside(people.size(), false);
  for (std::uint32_t person : facts.not_employed) {
    if (person < outside.size()) outside[person] = true;
  }
  std::vector<std::uint32_t> unit_of(people.size(), UINT32_MAX);
  std::vector<std::uint16_t> role_of(people.size(), 0);
  std::vector<std::uint32_t> per_unit(s.tree_->size() + 1, 0);
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (outside[i]) continue;
    auto unit = s.tree_->index_of(people[i].unit_code);
    if (!unit || *unit < scope_first || *unit >= scope_last) continue;
    auto role = s.role_index(people[i].role);
    if (!role) continue;
    unit_of[i] = *unit;
    role_of[i] = *role;
    ++per_unit[*unit + 1];
  }
  for (std::size_t u = 1; u < per_unit.size(); ++u) per_unit[u] += per_unit[u - 1];
  const std::size_t count = per_unit.back();
  s.unit_.resize(count);
  s.role_.resize(count);
  s.gender_.resize(count);
  s.source_.resize(count);
  s.status_.assign(count, AssessmentStatus::kNotStarted);
  std::vector<std::uint32_t> position(people.size(), UINT32_MAX);
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (unit_of[i] == UINT32_MAX) continue;
    const std::uint32_t p = per_unit[unit_of[i]]++;
    position[i] = p;
    s.unit_[p] = unit_of[i];
    s.role_[p] = role_of[i];
    s.gender_[p] = people[i].gender;
    s.source_[p] = static_cast<std::uint32_t>(i);
  }

  s.agreed_basis_.assign(competency_count * count, 0);
  s.self_basis_.assign(competency_count * count, 0);
  s.motivation_.assign(s.framework_.areas.size() * count, 0);
  s.fill_facts(facts, [&position](std::uint32_t person) {
    return person < position.size() ? position[person] : UINT32_MAX;
  });
  s.progress_.assign(count, Progress::kNotStarted);
  for (std::size_t p = 0; p < count; ++p) s.update_progress(p);
  return snapshot;
}

std::shared_ptr<const GapSnapshot> GapSnapshot::with_person_replaced(std::uint32_t person,
                                                                     const RoundFacts& facts_of_person) const {
  const auto found = std::find(source_.begin(), source_.end(), person);
  if (found == source_.end()) return nullptr;
  const auto position = static_cast<std::uint32_t>(found - source_.begin());

  auto snapshot = std::make_shared<GapSnapshot>();
  GapSnapshot& s = *snapshot;
  s.round_ = round_;
  s.framework_ = framework_;
  s.index_competencies();
  s.tree_ = tree_;
  s.role_names_ = role_names_;
  s.expected_ = expected_;
  s.unit_ = unit_;
  s.role_ = role_;
  s.gender_ = gender_;
  s.status_ = status_;
  s.progress_ = progress_;
  s.source_ = source_;
  s.agreed_basis_ = agreed_basis_;
  s.self_basis_ = self_basis_;
  s.motivation_ = motivation_;

  // The person's earlier assessment goes entirely; then the new facts are written as build does.
  const std::size_t count = people();
  s.status_[position] = AssessmentStatus::kNotStarted;
  for (std::size_t c = 0; c < competencies(); ++c) {
    s.agreed_basis_[c * count + position] = 0;
    s.self_basis_[c * count + position] = 0;
  }
  for (std::size_t a = 0; a < areas(); ++a) s.motivation_[a * count + position] = 0;
  s.fill_facts(facts_of_person, [person, position](std::uint32_t of) { return of == person ? position : UINT32_MAX; });
  s.update_progress(position);
  return snapshot;
}

void GapSnapshot::update_progress(std::size_t p) {
  const std::size_t count = people();
  bool answered = false;
  for (std::size_t c = 0; c < competencies() && !answered; ++c) answered = self_basis_[c * count + p] != 0;
  for (std::size_t a = 0; a < areas() && !answered; ++a) answered = motivation_[a * count + p] != 0;
  progress_[p] = progress_of(status_[p], answered);
}

bool GapSnapshot::has_rating(std::size_t p) const {
  const std::size_t count = people();
  const std::uint16_t role = role_[p];
  for (std::size_t c = 0; c < competencies(); ++c) {
    if (expected(role, c) != 0 && agreed_basis_[c * count + p] != 0) return true;
  }
  return false;
}

void GapSnapshot::index_competencies() {
  competency_.clear();
  competency_area_.clear();
  for (std::size_t a = 0; a < framework_.areas.size(); ++a) {
    for (const Competency& competency : framework_.areas[a].competencies) {
      competency_.push_back(&competency);
      competency_area_.push_back(static_cast<std::uint8_t>(a));
    }
  }
}

template <class PositionOf>
void GapSnapshot::fill_facts(const RoundFacts& facts, PositionOf position_of) {
  const std::size_t count = people();
  const std::size_t competency_count = competencies();
  for (const RoundFacts::StatusFact& fact : facts.statuses) {
    const std::uint32_t p = position_of(fact.person);
    if (p != UINT32_MAX) status_[p] = fact.status;
  }
  const int scale_min = framework_.scale.min;
  const int scale_max = framework_.scale.max;
  auto in_scale = [&](std::uint8_t level) -> std::uint8_t {
    return (level >= scale_min && level <= scale_max) ? level : 0;
  };
  for (const RoundFacts::RatingFact& fact : facts.ratings) {
    if (fact.competency >= competency_count) continue;
    const std::uint32_t p = position_of(fact.person);
    if (p == UINT32_MAX) continue;
    const std::size_t cell = fact.competency * count + p;
    const std::uint8_t self = in_scale(fact.self_level);
    const std::uint8_t agreed = in_scale(fact.agreed_level);
    self_basis_[cell] = self;
    agreed_basis_[cell] = agreed != 0 ? agreed : self;
  }
  for (const RoundFacts::MotivationFact& fact : facts.motivations) {
    if (fact.area >= areas()) continue;
    const std::uint32_t p = position_of(fact.person);
    if (p == UINT32_MAX || fact.value < kMotivationMin || fact.value > kMotivationMax) continue;
    motivation_[fact.area * count + p] = fact.value;
  }
}

std::optional<std::uint16_t> GapSnapshot::role_index(std::string_view role) const {
  for (std::size_t r = 0; r < role_names_.size(); ++r) {
    if (role_names_[r] == role) return static_cast<std::uint16_t>(r);
  }
  return std::nullopt;
}

std::span<const std::uint8_t> GapSnapshot::levels(LevelBasis basis, std::size_t c) const {
  const auto& data = basis == LevelBasis::kAgreed ? agreed_basis_ : self_basis_;
  return std::span<const std::uint8_t>(data).subspan(c * people(), people());
}

std::span<const std::uint8_t> GapSnapshot::motivation(std::size_t a) const {
  return std::span<const std::uint8_t>(motivation_).subspan(a * people(), people());
}

std::pair<std::size_t, std::size_t> GapSnapshot::people_in_subtree(std::uint32_t unit) const {
  const std::uint32_t end_unit = tree_->subtree_end(unit);
  const auto first = std::lower_bound(unit_.begin(), unit_.end(), unit);
  const auto last = std::lower_bound(first, unit_.end(), end_unit);
  return {static_cast<std::size_t>(first - unit_.begin()), static_cast<std::size_t>(last - unit_.begin())};
}

std::size_t GapSnapshot::memory_bytes() const {
  return unit_.size() * sizeof(std::uint32_t) + role_.size() * sizeof(std::uint16_t) + gender_.size() +
         status_.size() + progress_.size() + source_.size() * sizeof(std::uint32_t) + agreed_basis_.size() + self_basis_.size() +
         motivation_.size() + expected_.size();
}

}  // namespace trappa::core
