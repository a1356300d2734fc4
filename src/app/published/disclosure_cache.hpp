// The small-group decisions of each round (core/gap_disclosure.hpp), made once per published
// snapshot, for viewers who see aggregates with small groups suppressed (observers, and
// managers with `trappa serve --manager-overview`). Shared by every request thread.
//
// Deciding a round takes a while at city scale (docs/performance.md), so requests do not wait
// for it after each saved assessment: while a newer snapshot of a round is being decided,
// suppressed viewers are served the newest snapshot whose decisions exist, figures and
// decisions together, never a mix. Only the first request for a round waits.
//
// Time (docs/security.md, "Small groups over time"). Someone who reads a round before and
// after one person's save sees that person's change. So suppressed viewers see a round as a
// series of *publications*:
//   - an open round is published at most once per `publication_interval` (a day): until the
//     next publication is due, they get the last one, however many saves came in between;
//   - every publication after the first counts, in each of its decisions, the people whose
//     facts changed since the previous publication as one more measure, so a cell whose
//     change comes from 1..K-1 people is hidden, and so is any cell that would let such a
//     change be computed from others (the same primary and secondary rule);
//   - a withheld change stays counted as changed in the following publications until every
//     cell of that person that was ever shown and is now hidden shows again, so a cell
//     hidden at one publication cannot be compared between the publications around it: it
//     shows again only when the change accumulated in it since it was last shown comes from
//     0 or >= K people.
// Closed rounds are published when they change (at closing, and after any later edit), with
// the same measure relative to the previous publication.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/analytics/gap_disclosure.hpp"
#include "core/base/clock.hpp"
#include "app/published/round_registry.hpp"

namespace trappa::app {

class DisclosureCache {
 public:
  explicit DisclosureCache(std::size_t min_group, const core::Clock& clock = core::system_clock(),
                           std::chrono::seconds publication_interval = std::chrono::hours(24))
      : min_group_(min_group), clock_(&clock), interval_(publication_interval) {}

  struct Decided {
    std::shared_ptr<const RoundView> view;                    // the snapshot the decisions belong to
    std::shared_ptr<const core::GapDisclosure> disclosure;
  };

  // The round as suppressed viewers see it: its current publication (see above). A new
  // publication of `current` is made when it is newer than the last one and, for an open
  // round, the last one is at least the publication interval old; while it is being decided
  // other requests get the last one. Thread-safe.
  [[nodiscard]] Decided decided(const std::shared_ptr<const RoundView>& current);

  // Decisions for a manager with --manager-overview over the people of `decided`'s snapshot
  // they cannot read one by one (core::GapDisclosure::known_to_manager); pass as
  // GapQuery::reader next to decided.disclosure. `people` is the directory's people vector the
  // snapshot was built from. Cached per publication and manager. Thread-safe.
  [[nodiscard]] std::shared_ptr<const core::GapDisclosure> for_manager(const Decided& decided,
                                                                       const std::vector<core::Person>& people,
                                                                       const std::string& manager_id);

  [[nodiscard]] std::size_t min_group() const { return min_group_; }

 private:
  struct Entry {
    Decided ready;
    bool deciding = false;
    core::Clock::TimePoint published_at{};
    std::vector<std::uint8_t> pending;                  // per directory person: a withheld change
    std::vector<std::vector<std::uint8_t>> ever_shown;  // per decision, per cell: shown in some publication
    std::map<std::string, std::shared_ptr<const core::GapDisclosure>> managers;  // for_manager, this publication
  };

  std::size_t min_group_;
  const core::Clock* clock_;
  std::chrono::seconds interval_;
  std::mutex mutex_;                     // guards rounds_
  std::condition_variable changed_;      // an entry's decisions were made (or failed)
  std::map<std::string, Entry> rounds_;  // by round name
};

}  // namespace trappa::app
