#include "app/published/key_figure_inputs.hpp"
#include "store/org/organisation_store.hpp"
#include "store/workforce/employment_store.hpp"

#include <algorithm>
#include <string>

namespace trappa::app {

core::Result<std::shared_ptr<const KeyFigureInputs>> KeyFigureInputs::load(store::Store& store,
                                                                           std::shared_ptr<const Directory> directory) {
  ASSIGN_OR_RETURN(auto employments, store.employments().load_employments());
  ASSIGN_OR_RETURN(auto units, store.organisation().load_units());
  return std::make_shared<const KeyFigureInputs>(std::move(directory), std::move(employments), std::move(units));
}

KeyFigureInputs::KeyFigureInputs(std::shared_ptr<const Directory> directory, std::vector<core::Employment> employments,
                                 std::vector<core::Unit> units)
    : directory_(std::move(directory)), employments_(std::move(employments)), units_(std::move(units)) {}

namespace {

// Drops the least recently used entry of `kept` when it holds `limit` entries.
template <typename Map>
void make_room(Map& kept, std::size_t limit) {
  if (kept.size() < limit) return;
  kept.erase(std::min_element(kept.begin(), kept.end(),
                              [](const auto& a, const auto& b) { return a.second.used < b.second.used; }));
}

}  // namespace

std::string KeyFigureInputs::figures_key(const core::KeyFigureQuery& query) {
  return core::to_iso(query.at) + "|" + (query.from ? core::to_iso(*query.from) : std::string()) + "|" +
         std::to_string(query.retirement_age) + "|" + query.unit_code;
}

bool KeyFigureInputs::has_figures(const core::KeyFigureQuery& query) const {
  std::lock_guard lock(mutex_);
  return figures_.contains(figures_key(query));
}

core::Result<std::shared_ptr<const core::KeyFigures>> KeyFigureInputs::figures(const core::KeyFigureQuery& query) const {
  const std::string key = figures_key(query);
  {
    std::lock_guard lock(mutex_);
    if (auto found = figures_.find(key); found != figures_.end()) {
      found->second.used = ++uses_;
      return found->second.figures;
    }
  }
  // Computed outside the lock (a pure function of immutable inputs); errors are not kept.
  ASSIGN_OR_RETURN(auto computed, core::compute_key_figures(people(), employments_, units_, query));
  auto shared = std::make_shared<const core::KeyFigures>(std::move(computed));
  std::lock_guard lock(mutex_);
  if (!figures_.contains(key)) make_room(figures_, kKeptFigures);
  auto [slot, inserted] = figures_.try_emplace(key, KeptFigures{shared, 0});
  slot->second.used = ++uses_;
  return slot->second.figures;
}

bool KeyFigureInputs::has_disclosure(core::Date at, std::size_t min_group) const {
  std::lock_guard lock(mutex_);
  return decisions_.contains(Key{core::day_number(at), min_group});
}

std::shared_ptr<const core::KeyFigureDisclosure> KeyFigureInputs::disclosure(core::Date at, std::size_t min_group) const {
  const Key key{core::day_number(at), min_group};
  {
    std::lock_guard lock(mutex_);
    if (auto found = decisions_.find(key); found != decisions_.end()) {
      found->second.used = ++uses_;
      return found->second.decision;
    }
  }
  // Decided outside the lock: other dates are served meanwhile. Two requests for a new date
  // at once may both decide it; the decision is a pure function, so either result is the same.
  auto decision = std::make_shared<const core::KeyFigureDisclosure>(
      core::KeyFigureDisclosure::decide(people(), employments_, directory_->tree(), at, min_group));
  std::lock_guard lock(mutex_);
  if (!decisions_.contains(key)) make_room(decisions_, kKeptDecisions);
  auto [slot, inserted] = decisions_.try_emplace(key, Kept{decision, 0});
  slot->second.used = ++uses_;
  return slot->second.decision;
}

}  // namespace trappa::app
