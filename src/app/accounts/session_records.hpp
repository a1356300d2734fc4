// The stored sessions of the web application: what web/auth's SessionService keeps beyond
// its cache. A session is stored by the digest of its token (core/access/account.hpp); its
// expiry is ISO 8601 UTC text and compares as text.
//
// The session rules (lifetimes, the idle deadline, caching, throttling) are the caller's;
// this use case stores and reads. Each call borrows one connection of the pool for its
// duration. Errors are the store's (kStorage). Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "app/published/store_pool.hpp"
#include "core/access/account.hpp"
#include "core/base/result.hpp"

namespace trappa::app {

// A stored session with the account it belongs to.
struct StoredSession {
  core::SessionRecord record;
  core::Account account;
};

class SessionRecords {
 public:
  explicit SessionRecords(StorePool& pool) : pool_(pool) {}

  // Stores a new session; then, as housekeeping, deletes the sessions that expired before
  // `now` (a failure of that is logged, not returned: the new session stands).
  [[nodiscard]] core::Result<void> start(const core::SessionRecord& session, const std::string& now);

  // The session of `token_digest` with its account; nullopt when there is no such session or
  // its account is gone. Expiry is not checked here.
  [[nodiscard]] core::Result<std::optional<StoredSession>> find(const std::string& token_digest);

  // Moves the session's expiry to `expires_at`. false when the session is gone (signed out or
  // swept meanwhile): it is never brought back.
  [[nodiscard]] core::Result<bool> extend(const std::string& token_digest, const std::string& expires_at);

  // Ends one session (sign-out); ending a session that is gone is no error.
  [[nodiscard]] core::Result<void> end(const std::string& token_digest);

  // Ends every session of `employee_id` (after a password change). Returns how many went.
  [[nodiscard]] core::Result<std::size_t> end_all_of(const std::string& employee_id);

 private:
  StorePool& pool_;
};

}  // namespace trappa::app
