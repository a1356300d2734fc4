#include "app/published/change_watcher.hpp"

#include <spdlog/spdlog.h>

#include <utility>

namespace trappa::app {

core::Result<std::unique_ptr<ChangeWatcher>> ChangeWatcher::start(const std::string& location, long long after,
                                                                  std::chrono::milliseconds poll_interval, Apply apply) {
  ASSIGN_OR_RETURN(auto store, store::Store::open(location));
  return std::unique_ptr<ChangeWatcher>(new ChangeWatcher(std::move(store), after, poll_interval, std::move(apply)));
}

ChangeWatcher::ChangeWatcher(std::unique_ptr<store::Store> store, long long after,
                             std::chrono::milliseconds poll_interval, Apply apply)
    : store_(std::move(store)), position_(after), poll_interval_(poll_interval), apply_(std::move(apply)) {
  thread_ = std::thread([this] { run(); });
}

ChangeWatcher::~ChangeWatcher() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void ChangeWatcher::run() {
  bool more = false;  // the last batch was full: read on without waiting
  while (!stopping_) {
    if (!more) {
      if (auto waited = store_->changes().wait_for_changes(poll_interval_); !waited) {
        spdlog::warn("change feed: {}", waited.error().describe());
        std::this_thread::sleep_for(poll_interval_);
        continue;
      }
    }
    auto changes = store_->changes().changes_after(position_.load(), kBatch);
    if (!changes) {
      spdlog::warn("change feed: {}", changes.error().describe());
      more = false;
      continue;
    }
    more = changes->size() == kBatch;
    if (changes->empty() || stopping_) continue;
    if (auto applied = apply_(*store_, *changes); !applied) {
      spdlog::warn("change feed: refreshing after change {} failed, retried at the next poll: {}",
                   changes->front().id, applied.error().describe());
      more = false;
      continue;
    }
    position_ = changes->back().id;
  }
}

}  // namespace trappa::app
