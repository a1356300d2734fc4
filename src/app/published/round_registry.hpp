// The assessment rounds and their analytics snapshots, as request threads read them.
//
// Each round is published as an immutable RoundView (the round, its snapshot and an index
// from person to snapshot position). Readers take a shared_ptr to the current list with one
// atomic load and never wait for a writer. A writer (an assessment save, a round created or
// changing state) builds the new view beside the old one and publishes it with an atomic
// store; writers are serialised by a mutex. A saved assessment replaces the person's part of
// the current snapshot (GapSnapshot::with_person_replaced) instead of re-reading or
// rebuilding the whole round.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment/assessment.hpp"
#include "core/analytics/gap_snapshot.hpp"
#include "core/base/result.hpp"
#include "core/assessment/round_facts.hpp"
#include "store/store.hpp"
#include "app/published/directory.hpp"

namespace trappa::app {

struct RoundView {
  core::Round round;
  std::uint64_t version = 0;  // unique per published view: a cache key for derived results
  std::shared_ptr<const core::GapSnapshot> snapshot;
  std::vector<std::int32_t> position;  // people index → snapshot position, −1 when not in the round

  // Whether the person (index into Directory::people()) takes part in the round.
  [[nodiscard]] bool includes(std::uint32_t person) const { return person < position.size() && position[person] >= 0; }
};

using RoundList = std::vector<std::shared_ptr<const RoundView>>;  // in creation order

class RoundRegistry {
 public:
  RoundRegistry(std::shared_ptr<const Directory> directory);

  // Loads every round of the store (facts and snapshots).
  [[nodiscard]] core::Result<void> load_all(store::Store& store);
  // Re-reads one round from the store (after it was created or changed state).
  [[nodiscard]] core::Result<void> reload(store::Store& store, const std::string& round);

  [[nodiscard]] std::shared_ptr<const RoundList> rounds() const { return rounds_.load(); }
  [[nodiscard]] std::shared_ptr<const RoundView> find(const std::string& name) const;
  // The newest open round that includes the person; else the newest open round; else null.
  [[nodiscard]] std::shared_ptr<const RoundView> current_open_round(std::optional<std::uint32_t> person) const;
  // Every open round that includes the person, oldest first (issue 13, item 5: opening a new
  // round must not hide an unfinished one).
  [[nodiscard]] std::vector<std::shared_ptr<const RoundView>> open_rounds_including(std::uint32_t person) const;
  // The newest round created before `round` with the same framework, for comparisons.
  [[nodiscard]] std::shared_ptr<const RoundView> previous_round(const std::string& round) const;

  // Publishes a new snapshot of the assessment's round with the assessment as saved.
  void record_assessment(const core::Assessment& assessment);

 private:
  static std::uint64_t next_version();
  core::Result<std::shared_ptr<const RoundView>> load_view(store::Store& store, const core::Round& round);
  std::shared_ptr<const RoundView> build_view(const core::Round& round, const core::Framework& framework,
                                              const core::RoundFacts& facts) const;
  void publish(std::shared_ptr<const RoundView> view);

  std::shared_ptr<const Directory> directory_;
  std::atomic<std::shared_ptr<const RoundList>> rounds_;
  std::mutex writer_mutex_;                       // serialises writers; guards `numberings_`
  std::map<std::string, core::FrameworkNumbering> numberings_;  // per round, to turn saves into facts
};

}  // namespace trappa::web
