// The audit trail.
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "store/store.hpp"

namespace trappa::store {

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // The audit trail is append-only: there is no method to change or delete an entry (the
  // one exception is erase_person's redaction, below).
  [[nodiscard]] virtual core::Result<void> append_audit(const AuditEntry& entry) = 0;
  [[nodiscard]] virtual core::Result<std::vector<AuditEntry>> load_audit(const std::string& subject) = 0;
};

}  // namespace trappa::store
