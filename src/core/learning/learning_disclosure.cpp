#include "core/learning/learning_disclosure.hpp"

#include <limits>

namespace trappa::core {

namespace {

bool small(std::size_t count, std::size_t k) { return count > 0 && count < k; }

// Hides the smallest shown non-zero cell of `counts`; false when there is none.
template <typename Hidden>
bool hide_smallest(const std::vector<std::size_t>& counts, Hidden& hidden) {
  std::size_t best = counts.size();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (hidden[i] || counts[i] == 0) continue;
    if (best == counts.size() || counts[i] < counts[best]) best = i;
  }
  if (best == counts.size()) return false;
  hidden[best] = true;
  return true;
}

}  // namespace

LearningDisclosure decide_learning_disclosure(const LearningStats& stats, LearningGrouping by, std::size_t min_group) {
  LearningDisclosure disclosure;
  disclosure.min_group = min_group;
  const std::size_t k = min_group;
  const std::size_t total = stats.total.participants;
  disclosure.total.suppressed = small(total, k);

  // The total's genders: primary, then until the hidden ones are 0 or ≥ K.
  {
    const std::vector<std::size_t> counts(stats.total.participants_by_gender.begin(),
                                          stats.total.participants_by_gender.end());
    std::array<bool, 3>& hidden = disclosure.total.gender_suppressed;
    for (std::size_t g = 0; g < counts.size(); ++g) hidden[g] = disclosure.total.suppressed || small(counts[g], k);
    for (;;) {
      std::size_t hidden_people = 0;
      for (std::size_t g = 0; g < counts.size(); ++g) hidden_people += hidden[g] ? counts[g] : 0;
      if (!small(hidden_people, k) || !hide_smallest(counts, hidden)) break;
    }
  }

  // The groups.
  std::vector<std::size_t> counts;
  for (const LearningFigures& group : stats.groups) counts.push_back(group.participants);
  std::vector<bool> hidden(counts.size(), false);
  for (std::size_t i = 0; i < counts.size(); ++i) hidden[i] = disclosure.total.suppressed || small(counts[i], k);
  const bool partition = by == LearningGrouping::kGender || by == LearningGrouping::kUnit;
  if (partition) {
    for (;;) {
      std::size_t shown = 0;
      for (std::size_t i = 0; i < counts.size(); ++i) shown += hidden[i] ? 0 : counts[i];
      const std::size_t rest = total > shown ? total - shown : 0;
      if (!small(rest, k) || !hide_smallest(counts, hidden)) break;
    }
  } else {
    bool any_hidden = false;
    for (std::size_t i = 0; i < counts.size(); ++i) any_hidden = any_hidden || (hidden[i] && counts[i] > 0);
    if (any_hidden) {
      // One shown group hidden as well unless one of the hidden already holds ≥ K people.
      bool large_hidden = false;
      for (std::size_t i = 0; i < counts.size(); ++i) large_hidden = large_hidden || (hidden[i] && counts[i] >= k);
      if (!large_hidden) static_cast<void>(hide_smallest(counts, hidden));
    }
  }
  for (std::size_t i = 0; i < counts.size(); ++i) disclosure.groups.push_back({hidden[i], {}});
  return disclosure;
}

}  // namespace trappa::core
