// The small-group decisions of each round (core/gap_disclosure.hpp), made once per published
// snapshot, for viewers who see aggregates with small groups suppressed (observers, and
// managers with `trappa serve --manager-overview`). Shared by every request thread.
//
// Deciding a round takes a while at city scale (docs/performance.md), so requests do not wait
// for it after each saved assessment: while a newer snapshot of a round is being decided,
// suppressed viewers are served the newest snapshot whose decisions exist, figures and
// decisions together, never a mix. Only the first request for a round waits.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/analytics/gap_disclosure.hpp"
#include "app/published/round_registry.hpp"

namespace trappa::app {

class DisclosureCache {
 public:
  explicit DisclosureCache(std::size_t min_group) : min_group_(min_group) {}

  struct Decided {
    std::shared_ptr<const RoundView> view;                    // the snapshot the decisions belong to
    std::shared_ptr<const core::GapDisclosure> disclosure;
  };

  // The round as suppressed viewers see it: `current` when its decisions exist or this call
  // makes them, else (while another request decides `current`) the newest earlier view of
  // the same round that has them. Thread-safe.
  [[nodiscard]] Decided decided(const std::shared_ptr<const RoundView>& current);

  [[nodiscard]] std::size_t min_group() const { return min_group_; }

 private:
  struct Entry {
    Decided ready;
    bool deciding = false;
  };

  std::size_t min_group_;
  std::mutex mutex_;                     // guards rounds_
  std::condition_variable changed_;      // an entry's decisions were made (or failed)
  std::map<std::string, Entry> rounds_;  // by round name
};

}  // namespace trappa::web
