// Accounts of the web application and their sessions.
//
// Part of the Store (store/store.hpp hands it out as one of its capabilities); the same
// rules hold: not thread-safe, one per connection, driver errors returned as kStorage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access/account.hpp"
#include "core/access/throttle_counter.hpp"
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
  // Removes the person's account and every session of it, audited as "account.revoke" by
  // `actor`. False when the person had no account (nothing written then).
  [[nodiscard]] virtual core::Result<bool> revoke_account(const std::string& employee_id, const Actor& actor) = 0;
  // API clients (core::ApiClient). create_api_client writes the client and audits
  // "client.create" as done by `actor`; false (nothing written) when the name is taken, also by
  // a revoked client. revoke_api_client stamps revoked_at and audits "client.revoke"; false
  // when there is no such client or it is revoked already.
  [[nodiscard]] virtual core::Result<bool> create_api_client(const core::ApiClient& client, const Actor& actor) = 0;
  [[nodiscard]] virtual core::Result<std::optional<core::ApiClient>> load_api_client(const std::string& name) = 0;
  [[nodiscard]] virtual core::Result<std::vector<core::ApiClient>> list_api_clients() = 0;  // by name
  [[nodiscard]] virtual core::Result<bool> revoke_api_client(const std::string& name, const Actor& actor) = 0;
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

  // Failed sign-ins (core/access/throttle_counter.hpp), per `scope` ("account", "address")
  // and key. Changing a counter locks it for the transaction, so nodes count every failure.
  // Deleting idle counters spares those blocked at `now_ms` or active after `active_since_ms`.
  // Not audited: the password checks themselves are.
  [[nodiscard]] virtual core::Result<std::optional<core::ThrottleCounter>> load_throttle_counter(
      const std::string& scope, const std::string& key) = 0;
  [[nodiscard]] virtual core::Result<void> change_throttle_counter(const std::string& scope, const std::string& key,
                                                                   const core::ThrottleCounters::Change& change) = 0;
  [[nodiscard]] virtual core::Result<std::size_t> delete_idle_throttle_counters(const std::string& scope,
                                                                               std::int64_t now_ms,
                                                                               std::int64_t active_since_ms) = 0;

  // The secret named `name` that every node shares: the stored one, or `candidate`, stored
  // now, when there is none yet (the first node to ask wins). Not audited; never logged.
  [[nodiscard]] virtual core::Result<std::string> shared_secret(const std::string& name,
                                                                const std::string& candidate) = 0;
};

}  // namespace trappa::store
