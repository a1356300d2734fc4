// Follows the store's change feed (store/change_feed.hpp) on a thread of its own, so
// that what a `trappa serve` node publishes follows writes made elsewhere: another node, a
// command-line import, the nightly HR import.
//
// The thread holds its own store connection. It waits for a notification (PostgreSQL
// LISTEN/NOTIFY) or at most `poll_interval` (SQLite always polls; a PostgreSQL node that
// missed a notification catches up at the next poll), reads the changes after the last one
// it handed on, and hands them to `apply` in commit order, in batches. `apply` runs on the
// watcher's thread with the watcher's connection, so rebuilds happen beside the requests,
// which keep reading what is published until the new state replaces it. A failing read or
// `apply` is logged and retried at the next poll from the same position.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/base/result.hpp"
#include "store/change_feed.hpp"
#include "store/store.hpp"

namespace trappa::app {

class ChangeWatcher {
 public:
  using Apply = std::function<core::Result<void>(store::Store& store, const std::vector<store::Change>& changes)>;

  // Opens the watcher's connection to `location` and starts following the changes after
  // `after` (the position read before the published state was loaded).
  [[nodiscard]] static core::Result<std::unique_ptr<ChangeWatcher>> start(const std::string& location, long long after,
                                                                         std::chrono::milliseconds poll_interval,
                                                                         Apply apply);
  ~ChangeWatcher();  // stops the thread (within one poll interval) and closes the connection
  ChangeWatcher(const ChangeWatcher&) = delete;
  ChangeWatcher& operator=(const ChangeWatcher&) = delete;

  // The id of the last change handed to `apply` successfully.
  [[nodiscard]] long long position() const { return position_.load(); }

 private:
  ChangeWatcher(std::unique_ptr<store::Store> store, long long after, std::chrono::milliseconds poll_interval,
                Apply apply);
  void run();

  static constexpr std::size_t kBatch = 10000;

  std::unique_ptr<store::Store> store_;
  std::atomic<long long> position_;
  std::chrono::milliseconds poll_interval_;
  Apply apply_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace trappa::app
