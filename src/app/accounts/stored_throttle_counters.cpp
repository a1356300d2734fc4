#include "app/accounts/stored_throttle_counters.hpp"

#include "store/access/access_store.hpp"

namespace trappa::app {

core::Result<std::optional<core::ThrottleCounter>> StoredThrottleCounters::find(const std::string& key) {
  auto lease = pool_.borrow();
  return lease->access().load_throttle_counter(scope_, key);
}

core::Result<void> StoredThrottleCounters::change(const std::string& key, const Change& change) {
  auto lease = pool_.borrow();
  return lease->access().change_throttle_counter(scope_, key, change);
}

core::Result<std::size_t> StoredThrottleCounters::forget_idle(std::int64_t now_ms, std::int64_t active_since_ms) {
  auto lease = pool_.borrow();
  return lease->access().delete_idle_throttle_counters(scope_, now_ms, active_since_ms);
}

}  // namespace trappa::app
