#include "app/published/disclosure_cache.hpp"

#include <algorithm>

namespace trappa::app {

namespace {

// What differs of the person at `now` in `current` from `before` in `previous`:
// core::kChangedSelf and/or core::kChangedAgreed (the levels of that basis; status and
// motivation show on both).
std::uint8_t facts_differ(const core::GapSnapshot& current, std::size_t now, const core::GapSnapshot& previous,
                          std::size_t before) {
  constexpr std::uint8_t both = core::kChangedSelf | core::kChangedAgreed;
  if (current.status()[now] != previous.status()[before]) return both;
  if (current.competencies() != previous.competencies() || current.areas() != previous.areas()) return both;
  for (std::size_t a = 0; a < current.areas(); ++a) {
    if (current.motivation(a)[now] != previous.motivation(a)[before]) return both;
  }
  std::uint8_t changed = 0;
  for (std::size_t c = 0; c < current.competencies(); ++c) {
    if (current.levels(core::LevelBasis::kSelf, c)[now] != previous.levels(core::LevelBasis::kSelf, c)[before]) {
      changed |= core::kChangedSelf;
    }
    if (current.levels(core::LevelBasis::kAgreed, c)[now] != previous.levels(core::LevelBasis::kAgreed, c)[before]) {
      changed |= core::kChangedAgreed;
    }
  }
  return changed;
}

}  // namespace

DisclosureCache::Decided DisclosureCache::decided(const std::shared_ptr<const RoundView>& current) {
  std::unique_lock lock(mutex_);
  Entry& entry = rounds_[current->round.name];
  const bool open = current->round.state == core::RoundState::kOpen;
  for (;;) {
    if (entry.ready.view) {
      if (entry.ready.view->version >= current->version) return entry.ready;
      // An open round is published at most once per interval.
      if (open && clock_->now() - entry.published_at < interval_) return entry.ready;
    }
    if (!entry.deciding) break;
    if (entry.ready.view) return entry.ready;  // a newer publication is being decided: serve the last one
    changed_.wait(lock);
  }
  entry.deciding = true;
  const Decided previous = entry.ready;
  std::vector<std::uint8_t> pending = entry.pending;
  std::vector<std::vector<std::uint8_t>> ever_shown = entry.ever_shown;
  lock.unlock();

  std::shared_ptr<const core::GapDisclosure> disclosure;
  try {
    const core::GapSnapshot& snapshot = *current->snapshot;
    const auto source = snapshot.source_person();
    // Changed since the previous publication, or withheld before: one more measure.
    std::vector<std::uint8_t> changed;
    if (previous.view) {
      changed.assign(snapshot.people(), 0);
      const RoundView& before = *previous.view;
      for (std::size_t p = 0; p < snapshot.people(); ++p) {
        const std::uint32_t person = source[p];
        const bool was_there = before.includes(person);
        constexpr std::uint8_t both = core::kChangedSelf | core::kChangedAgreed;
        if (!was_there || (person < pending.size() && pending[person] != 0)) {
          changed[p] = both;  // new in the round, or a change withheld before
        } else {
          changed[p] = facts_differ(snapshot, p, *before.snapshot, static_cast<std::size_t>(before.position[person]));
        }
      }
    }
    disclosure = core::GapDisclosure::build(snapshot, min_group_, {}, changed, ever_shown);

    // Bookkeeping: which cells were ever shown, and whose change is withheld (in a cell that
    // was shown once and is hidden now).
    const core::UnitTree& tree = snapshot.tree();
    std::vector<std::optional<std::uint32_t>> parent(tree.size());
    for (std::uint32_t u = 0; u < tree.size(); ++u) parent[u] = tree.index_of(tree.unit(u).parent_code);
    std::vector<std::uint8_t> withheld(current->position.size(), 0);
    std::size_t d = 0;
    const bool first = ever_shown.empty();
    disclosure->for_each_decision([&](const core::DisclosureControl& decision) {
      if (first) ever_shown.emplace_back(decision.cells(), 0);
      std::vector<std::uint8_t>& ever = ever_shown[d++];
      if (ever.size() != decision.cells()) ever.assign(decision.cells(), 0);  // another framework: start over
      if (!changed.empty()) {
        for (std::size_t p = 0; p < snapshot.people(); ++p) {
          if (changed[p] == 0) continue;
          bool hold = false;
          for (std::optional<std::uint32_t> unit = snapshot.unit_index()[p]; !hold; unit = parent[*unit]) {
            for (std::optional<std::uint16_t> role : {std::optional<std::uint16_t>(snapshot.role()[p]), std::optional<std::uint16_t>()}) {
              for (std::optional<core::Gender> gender : {std::optional<core::Gender>(snapshot.gender()[p]), std::optional<core::Gender>()}) {
                const auto cell = decision.cell_index(unit, role, gender);
                hold = hold || (cell && ever[*cell] != 0 && !decision.shown(*cell));
              }
            }
            if (!unit) break;
          }
          if (hold) withheld[source[p]] = 1;
        }
      }
      for (std::size_t cell = 0; cell < decision.cells(); ++cell) ever[cell] = ever[cell] || decision.shown(cell);
    });
    pending = std::move(withheld);
  } catch (...) {
    lock.lock();
    entry.deciding = false;
    changed_.notify_all();
    throw;
  }
  lock.lock();
  entry.deciding = false;
  entry.ready = Decided{current, disclosure};
  entry.published_at = clock_->now();
  entry.pending = std::move(pending);
  entry.ever_shown = std::move(ever_shown);
  entry.managers.clear();
  changed_.notify_all();
  return entry.ready;
}

std::shared_ptr<const core::GapDisclosure> DisclosureCache::for_manager(const Decided& decided,
                                                                        const std::vector<core::Person>& people,
                                                                        const std::string& manager_id) {
  {
    std::lock_guard lock(mutex_);
    Entry& entry = rounds_[decided.view->round.name];
    if (entry.ready.view == decided.view) {
      const auto found = entry.managers.find(manager_id);
      if (found != entry.managers.end()) return found->second;
    }
  }
  const auto known = core::GapDisclosure::known_to_manager(*decided.view->snapshot, people, manager_id);
  auto reader = core::GapDisclosure::build(*decided.view->snapshot, min_group_, known);
  std::lock_guard lock(mutex_);
  Entry& entry = rounds_[decided.view->round.name];
  if (entry.ready.view == decided.view) entry.managers.emplace(manager_id, reader);
  return reader;
}

}  // namespace trappa::app
