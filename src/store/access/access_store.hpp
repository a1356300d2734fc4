// Accounts of the web application and their sessions.
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/account.hpp"
#include "core/base/result.hpp"
#include "store/store.hpp"

namespace trappa::store {

class AccessStore {
 public:
  virtual ~AccessStore() = default;

  // Accounts of the web application (one per person) and their sessions. Saving an account
  // upserts it and audits the change (never the password hash). Sessions are looked up by the
  // digest of their token; deleting the expired ones is the caller's housekeeping.
  [[nodiscard]] virtual core::Result<void> save_account(const core::Account& account, const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<std::optional<core::Account>> load_account(const std::string& employee_id) = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::Account>> list_accounts() = 0;
  [[nodiscard]] virtual core::Result<void> create_session(const core::SessionRecord& session) = 0;
  [[nodiscard]] virtual core::Result<std::optional<core::SessionRecord>> load_session(const std::string& token_digest) = 0;
  [[nodiscard]] virtual core::Result<void> delete_session(const std::string& token_digest) = 0;
  // Moves a session's expiry (the idle timeout slides with use). Returns false when the
  // session is gone (signed out or swept meanwhile): it is never brought back.
  [[nodiscard]] virtual core::Result<bool> touch_session(const std::string& token_digest,
                                                         const std::string& expires_at) = 0;
  // Deletes sessions that expired before `now` (ISO 8601 UTC), or every session of
  // `employee_id` when it is given (after a password change). Returns how many went.
  [[nodiscard]] virtual core::Result<std::size_t> delete_sessions(const std::string& now,
                                                                 const std::string& employee_id = {}) = 0;
};

}  // namespace trappa::store
