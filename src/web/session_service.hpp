// Signing in and out, and finding the signed-in viewer of a request.
//
// A session is a random token in an HttpOnly cookie; the store keeps only its digest, the
// account and the session's CSRF token. Looked-up sessions are cached for a short time so
// that a page view costs no store round trip; a sign-out elsewhere (another server node) is
// therefore honoured within kCacheSeconds. Repeated failed sign-ins lock the account name
// for a while. Thread-safe.
#pragma once

#include <chrono>
#include <expected>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/account.hpp"
#include "web/directory.hpp"
#include "web/http_types.hpp"
#include "web/store_pool.hpp"
#include "web/viewer.hpp"

namespace trappa::web {

inline constexpr std::string_view kSessionCookie = "trappa_session";
inline constexpr std::string_view kLoginCsrfCookie = "trappa_signin";

class SessionService {
 public:
  SessionService(StorePool& pool, std::shared_ptr<const Directory> directory, std::chrono::seconds lifetime);

  enum class Failure { kBadCredentials, kLocked, kStorage };
  struct SignedIn {
    std::string token;  // for the cookie; never stored
    core::SessionRecord record;
  };
  // `username` is an employee id or an e-mail address.
  [[nodiscard]] std::expected<SignedIn, Failure> sign_in(std::string_view username, std::string_view password);

  // The viewer of the request's session cookie, or nullopt (no cookie, unknown, expired).
  [[nodiscard]] std::optional<Viewer> resolve(const Request& request);

  void sign_out(const std::string& digest);
  // A new session for an already verified person (after a password change).
  [[nodiscard]] std::expected<SignedIn, Failure> start_session(const std::string& employee_id);
  // Ends every session of the person (after a password change).
  void end_sessions_of(const std::string& employee_id);
  // Drops the cached account of the person so the next request re-reads it.
  void forget_cached(const std::string& employee_id);

  [[nodiscard]] std::chrono::seconds lifetime() const { return lifetime_; }

  static constexpr int kCacheSeconds = 30;
  static constexpr int kMaxFailures = 5;
  static constexpr int kLockMinutes = 15;

 private:
  struct Cached {
    core::SessionRecord record;
    core::Account account;
    std::chrono::steady_clock::time_point fetched;
  };
  struct Attempts {
    int failures = 0;
    std::chrono::steady_clock::time_point first_failure;
    std::chrono::steady_clock::time_point locked_until;
  };
  std::optional<Viewer> make_viewer(const core::SessionRecord& record, const core::Account& account) const;

  StorePool& pool_;
  std::shared_ptr<const Directory> directory_;
  std::chrono::seconds lifetime_;
  std::string dummy_hash_;  // verified against for unknown names, so timing reveals nothing
  std::mutex mutex_;        // guards `cache_` and `attempts_`
  std::unordered_map<std::string, Cached> cache_;
  std::unordered_map<std::string, Attempts> attempts_;
};

}  // namespace trappa::web
