// The failed sign-ins of one key (an account name or a client address), as every serving
// node sees them: the counters live in the store, so a client cannot try five passwords on
// each node (docs/operations.md, "Several nodes"). The rule that reads and moves a counter is
// web/auth/sign_in_throttle.hpp; this is only its state and where it is kept.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/base/result.hpp"

namespace trappa::core {

struct ThrottleCounter {
  int failures = 0;
  int blocks = 0;                     // blocks so far: the next lasts first_block * 2^blocks
  std::int64_t last_activity_ms = 0;  // last failure or end of the block (ms since 1970, UTC)
  std::int64_t blocked_until_ms = 0;  // no attempt before this (ms since 1970, UTC)

  friend bool operator==(const ThrottleCounter&, const ThrottleCounter&) = default;
};

// The counters of one kind of key. Thread-safe; `change` is atomic across every node.
class ThrottleCounters {
 public:
  // Gets the key's counter (nullopt: none) and returns the one to keep (nullopt: forget it).
  using Change = std::function<std::optional<ThrottleCounter>(const std::optional<ThrottleCounter>&)>;

  virtual ~ThrottleCounters() = default;
  [[nodiscard]] virtual Result<std::optional<ThrottleCounter>> find(const std::string& key) = 0;
  // Applies `change` to the key's counter while no other change of that key can run.
  [[nodiscard]] virtual Result<void> change(const std::string& key, const Change& change) = 0;
  // Forgets every counter that is not blocked at `now_ms` and saw no activity after
  // `active_since_ms`; returns how many went.
  [[nodiscard]] virtual Result<std::size_t> forget_idle(std::int64_t now_ms, std::int64_t active_since_ms) = 0;
};

}  // namespace trappa::core
