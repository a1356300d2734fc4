// The audit entries of signing in that no store write records by itself: a current-password
// check on Mitt konto ("account.password_check_passed", "account.password_check_failed") and
// a sign-in through the trusted proxy ("session.proxy_sign_in"). Saving an account or a
// session audits itself in the store.
//
// Entries are appended to the append-only audit trail, stamped with the clock's time. Each
// call borrows one connection of the pool for its duration. Thread-safe.
#pragma once

#include <string>

#include "app/published/store_pool.hpp"
#include "core/base/clock.hpp"
#include "core/base/result.hpp"

namespace trappa::app {

class AccessLog {
 public:
  // `clock` must outlive the log.
  AccessLog(StorePool& pool, const core::Clock& clock) : pool_(pool), clock_(clock) {}

  // Appends {now, employee_id, action, employee_id, detail}: the person acts on their own
  // account. `detail` names where from (a client address, a proxy), never a password.
  // kStorage when the entry cannot be written.
  [[nodiscard]] core::Result<void> record(const std::string& employee_id, const std::string& action,
                                          const std::string& detail);

 private:
  StorePool& pool_;
  const core::Clock& clock_;
};

}  // namespace trappa::app
