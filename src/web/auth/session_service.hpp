// Signing in and out, and finding the signed-in viewer of a request.
//
// A session is a random token in an HttpOnly cookie; the store keeps only its digest, the
// account, the session's CSRF token, when it began and when it expires. A session ends
// `session_hours` after sign-in (absolute lifetime) or `idle_minutes` after its last
// request (idle timeout), whichever comes first: the stored expiry is the idle deadline,
// moved forward as the session is used (at most once a minute per session) but never past
// the absolute end. Every sign-in starts a new session with a new token and CSRF token.
//
// Sessions and accounts are stored and read through the app layer (app/accounts:
// SessionRecords, Accounts, AccessLog). Looked-up sessions are cached for a short time so that a page view costs no store round
// trip; a sign-out elsewhere (another server node) is therefore honoured within
// kCacheSeconds. Failed sign-ins are throttled per account name and per client address
// (sign_in_throttle.hpp); a throttled attempt never reaches the password check.
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <expected>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/access/account.hpp"
#include "core/base/clock.hpp"
#include "core/base/result.hpp"
#include "app/access/signed_token.hpp"
#include "app/accounts/access_log.hpp"
#include "app/accounts/accounts.hpp"
#include "app/accounts/session_records.hpp"
#include "app/published/directory.hpp"
#include "web/server/http_types.hpp"
#include "web/auth/sign_in_options.hpp"
#include "web/auth/sign_in_throttle.hpp"
#include "web/server/trusted_proxies.hpp"
#include "web/auth/viewer.hpp"

namespace trappa::web {

inline constexpr std::string_view kSessionCookie = "trappa_session";
inline constexpr std::string_view kLoginCsrfCookie = "trappa_signin";

// Where sessions, accounts, sign-in events and failed sign-ins are kept (the app layer's use
// cases over the store).
struct SessionStores {
  app::SessionRecords& sessions;
  app::Accounts& accounts;
  app::AccessLog& access_log;
  core::ThrottleCounters& account_failures;
  core::ThrottleCounters& address_failures;
  const app::SignedTokenKey& sign_in_form_key;  // the same on every node (Accounts::sign_in_form_key)
};

class SessionService {
 public:
  // Validates `options` (see sign_in_options.hpp) first.
  [[nodiscard]] static core::Result<std::unique_ptr<SessionService>> create(
      const SessionStores& stores, std::shared_ptr<const app::Directory> directory, const SignInOptions& options,
      const core::Clock& clock);
  // `clock` gives the wall time of session records and throttling; it and the stores must
  // outlive the service.
  SessionService(const SessionStores& stores, std::shared_ptr<const app::Directory> directory,
                 const SignInOptions& options, TrustedProxies proxies, const core::Clock& clock);

  enum class Failure { kBadCredentials, kThrottled, kStorage };
  struct Refused {
    Failure failure = Failure::kBadCredentials;
    SignInThrottle::Blocked blocked = SignInThrottle::Blocked::kAccount;  // when throttled
    std::chrono::seconds retry_after{0};                                  // when throttled
  };
  struct SignedIn {
    std::string token;  // for the cookie; never stored
    core::SessionRecord record;
  };
  // `username` is an employee id or an e-mail address; `address` is the client's
  // (client_address()), which failures are counted against.
  [[nodiscard]] std::expected<SignedIn, Refused> sign_in(std::string_view username, std::string_view password,
                                                        std::string_view address);

  // The current-password check of a signed-in person (Mitt konto): throttled with the same
  // counters as sign_in (the account, and the client `address`), so a stolen session cannot
  // guess the password faster than the sign-in form could. A throttled check is refused
  // without looking at the password. Each check that runs is audited as
  // `account.password_check_failed` or `account.password_check_passed` (actor and subject:
  // the employee id; detail: the client address); refusals are logged, not audited, so a
  // flood of them cannot grow the append-only trail. kStorage when the audit cannot be
  // written: a check that cannot be recorded does not pass.
  [[nodiscard]] std::expected<void, Refused> check_password(const core::Account& account, std::string_view password,
                                                            std::string_view address);

  // The sign-in form's CSRF token (double submit: the same value in the cookie
  // kLoginCsrfCookie and in the form). It is signed by the server (app/access/signed_token.hpp,
  // a key made at start-up) and expires after kSignInTokenLifetime, so a client cannot make up
  // a pair. `existing` (the browser's cookie) is kept while it verifies and has more than
  // kSignInTokenRenewal left, so a second tab does not spoil the first one's form.
  [[nodiscard]] std::string sign_in_token(std::string_view existing) const;
  // Whether `token` was issued by this server (or one sharing its key), unchanged and unexpired.
  [[nodiscard]] bool sign_in_token_valid(std::string_view token) const;
  static constexpr std::chrono::seconds kSignInTokenLifetime{2 * 60 * 60};
  static constexpr std::chrono::seconds kSignInTokenRenewal{30 * 60};

  // A form's owner token: signed like the sign-in token and bound to the person
  // (SignedTokenKey::issue_bound), valid for kFormOwnerLifetime. A form carries it so that
  // what it posts after its session ended can be saved once the same person has signed in
  // again, and by nobody else (web/pages/assessment/held_answers.hpp). It names nobody.
  [[nodiscard]] std::string form_owner_token(std::string_view employee_id) const;
  // Whether `token` is a form owner token of `employee_id`, unchanged and unexpired.
  [[nodiscard]] bool form_owner_valid(std::string_view token, std::string_view employee_id) const;
  static constexpr std::chrono::seconds kFormOwnerLifetime{24 * 60 * 60};

  // The viewer of the request's session cookie, or nullopt (no cookie, unknown, expired,
  // idle too long). Moves the session's idle deadline forward. The viewer's person is looked
  // up in `directory`, which must be the one the request works with and outlive the viewer.
  [[nodiscard]] std::optional<Viewer> resolve(const Request& request, const app::Directory& directory);

  // The organisation that sign-ins look people up in, after the change feed brought new
  // people (app/published/change_watcher.hpp).
  void set_directory(std::shared_ptr<const app::Directory> directory) { directory_.store(std::move(directory)); }

  void sign_out(const std::string& digest);
  // Ends the session whose token the request's cookie carries, if any (before a sign-in, so
  // a session planted in the browser beforehand is never carried over).
  void sign_out_cookie_of(const Request& request);
  // A new session for an already verified person (after a password change, or a sign-in
  // through the trusted proxy).
  [[nodiscard]] std::expected<SignedIn, Failure> start_session(const std::string& employee_id);
  // Ends every session of the person (after a password change).
  void end_sessions_of(const std::string& employee_id);
  // Drops the cached account of the person so the next request re-reads it.
  void forget_cached(const std::string& employee_id);

  // The employee id of the person an employee id (any case) or e-mail address names, if any.
  [[nodiscard]] std::optional<std::string> find_person(std::string_view name) const;

  // The Set-Cookie value that hands `token` to the browser for the session's lifetime.
  [[nodiscard]] std::string session_cookie(const Request& request, std::string_view token) const;
  // Whether cookies get the Secure attribute: --secure-cookies, or the request came through
  // a TLS-terminating proxy (X-Forwarded-Proto: https).
  [[nodiscard]] bool secure_cookies(const Request& request) const;
  // The client's address: the socket peer, or X-Forwarded-For from a trusted proxy.
  [[nodiscard]] std::string client_address(const Request& request) const;

  [[nodiscard]] const SignInOptions& options() const { return options_; }
  [[nodiscard]] const TrustedProxies& trusted_proxies() const { return proxies_; }
  [[nodiscard]] std::chrono::seconds absolute_lifetime() const { return absolute_lifetime_; }
  [[nodiscard]] std::chrono::seconds idle_timeout() const { return idle_timeout_; }

  static constexpr int kCacheSeconds = 30;

 private:
  struct Cached {
    core::SessionRecord record;
    core::Account account;
    std::chrono::steady_clock::time_point fetched;
  };
  std::optional<Viewer> make_viewer(const core::SessionRecord& record, const core::Account& account,
                                    const app::Directory& directory) const;
  // The session's stored expiry, moved to min(now + idle, absolute end) when that gained
  // enough; nullopt when the session has ended (expired, past its absolute end, or gone).
  std::optional<core::SessionRecord> keep_alive(core::SessionRecord record, std::chrono::system_clock::time_point now);

  app::SessionRecords& sessions_;
  app::Accounts& accounts_;
  app::AccessLog& access_log_;
  const core::Clock& clock_;
  std::atomic<std::shared_ptr<const app::Directory>> directory_;
  SignInOptions options_;
  TrustedProxies proxies_;
  std::chrono::seconds absolute_lifetime_;
  std::chrono::seconds idle_timeout_;
  std::chrono::seconds touch_step_;  // the least gain worth a store write
  SignInThrottle throttle_;
  app::SignedTokenKey sign_in_key_;  // signs the sign-in form's CSRF tokens; every node has the same
  std::string dummy_hash_;  // verified against for unknown names, so timing reveals nothing
  std::mutex mutex_;        // guards `cache_`
  std::unordered_map<std::string, Cached> cache_;
};

}  // namespace trappa::web
