// Sign-in throttling counters of one scope ("account" or "address") kept in the store, so
// that every serving node counts the same failures (core/access/throttle_counter.hpp). Each
// call borrows one connection of the pool for its duration. Thread-safe.
#pragma once

#include <string>

#include "app/published/store_pool.hpp"
#include "core/access/throttle_counter.hpp"

namespace trappa::app {

class StoredThrottleCounters final : public core::ThrottleCounters {
 public:
  StoredThrottleCounters(StorePool& pool, std::string scope) : pool_(pool), scope_(std::move(scope)) {}

  core::Result<std::optional<core::ThrottleCounter>> find(const std::string& key) override;
  core::Result<void> change(const std::string& key, const Change& change) override;
  core::Result<std::size_t> forget_idle(std::int64_t now_ms, std::int64_t active_since_ms) override;

 private:
  StorePool& pool_;
  std::string scope_;
};

}  // namespace trappa::app
