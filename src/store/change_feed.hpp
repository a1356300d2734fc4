// The change feed: what every committed write changed, in commit order, so that each
// `trappa serve` node can refresh what it holds (app/published/change_watcher.hpp).
//
// Every write of the store appends one change in its own transaction (a bulk import appends
// one for the whole import), so a change is visible exactly when its write is. On PostgreSQL
// the write also sends NOTIFY trappa_changes, which wait_for_changes() listens for; SQLite
// has no notifications and waiting is a plain sleep. Part of the Store (store/store.hpp); not
// thread-safe, one per connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace trappa::store {

// What a change is about, and what a node refreshes for it.
enum class ChangeKind : std::uint8_t {
  kOrganisation,  // units or people (imports, erasure): everything is rebuilt
  kEmployments,   // employment history: the key figures and every round's people
  kFrameworks,    // a framework revision was added: nothing published depends on it yet
  kRound,         // a round was created or changed state: that round is re-read
  kAssessments,   // many assessments of a round at once (an import): that round is re-read
  kAssessment,    // one person's assessment in a round: that person's part is replaced
  kAccounts,      // an account: the session cache forgets it
  kLearning,      // learning activities or participation: the learning inputs are read again
  kSettings,      // the organisation's settings (learning targets): the learning inputs are read again
  kPlans,         // a development plan: nothing published holds plans (pages read them from the store)
};

[[nodiscard]] std::string_view to_code(ChangeKind kind);
[[nodiscard]] std::optional<ChangeKind> parse_change_kind(std::string_view code);

struct Change {
  long long id = 0;          // increases with every change; the feed's position
  ChangeKind kind = ChangeKind::kOrganisation;
  std::string round;         // kRound, kAssessments, kAssessment
  std::string subject;       // kAssessment, kAccounts: the employee id
};

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  // The id of the newest change, 0 when there is none.
  [[nodiscard]] virtual core::Result<long long> latest_change() = 0;
  // At most `limit` changes with an id above `after`, oldest first.
  [[nodiscard]] virtual core::Result<std::vector<Change>> changes_after(long long after, std::size_t limit) = 0;
  // Returns when another connection may have committed a change, or after `timeout`
  // (PostgreSQL: LISTEN trappa_changes, set up on the first call; SQLite: sleeps).
  [[nodiscard]] virtual core::Result<void> wait_for_changes(std::chrono::milliseconds timeout) = 0;
};

}  // namespace trappa::store
