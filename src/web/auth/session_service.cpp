#include "web/auth/session_service.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>

#include <spdlog/spdlog.h>

#include "app/access/password.hpp"
#include "web/server/http_util.hpp"

namespace trappa::web {

namespace {

using WallClock = std::chrono::system_clock;

std::string iso_utc(WallClock::time_point at) { return core::utc_timestamp(at); }

// The inverse of iso_utc(); nullopt for anything else.
std::optional<WallClock::time_point> parse_iso_utc(const std::string& text) {
  std::tm parts{};
  char zone = 0;
  if (text.size() != 20 || std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &parts.tm_year, &parts.tm_mon,
                                       &parts.tm_mday, &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &zone) != 7 ||
      zone != 'Z') {
    return std::nullopt;
  }
  // The clock counts nanoseconds in 64 bits and ends in 2262; a stored year outside this
  // range was not written by Trappa and must not overflow the conversion below.
  if (parts.tm_year < 1970 || parts.tm_year > 2200) return std::nullopt;
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  const std::time_t seconds = timegm(&parts);
  if (seconds == static_cast<std::time_t>(-1)) return std::nullopt;
  return WallClock::from_time_t(seconds);
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

std::string lower_case(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::chrono::seconds whole_seconds(double amount, double seconds_per_unit) {
  return std::chrono::seconds(std::max(1LL, std::llround(amount * seconds_per_unit)));
}

}  // namespace

core::Result<std::unique_ptr<SessionService>> SessionService::create(
    const SessionStores& stores, std::shared_ptr<const app::Directory> directory, const SignInOptions& options,
    const core::Clock& clock) {
  TRY(validate(options));
  ASSIGN_OR_RETURN(auto proxies, TrustedProxies::parse(options.trusted_proxies));
  return std::make_unique<SessionService>(stores, std::move(directory), options, std::move(proxies), clock);
}

SessionService::SessionService(const SessionStores& stores, std::shared_ptr<const app::Directory> directory,
                               const SignInOptions& options, TrustedProxies proxies, const core::Clock& clock)
    : sessions_(stores.sessions),
      accounts_(stores.accounts),
      access_log_(stores.access_log),
      clock_(clock),
      directory_(std::move(directory)),
      options_(options),
      proxies_(std::move(proxies)),
      absolute_lifetime_(whole_seconds(options.session_hours, 3600)),
      idle_timeout_(whole_seconds(options.idle_minutes, 60)),
      // A quarter of the idle time, at most a minute: the deadline is never more than that
      // behind the last request, and a busy session costs one store write a minute.
      touch_step_(std::clamp(idle_timeout_ / 4, std::chrono::seconds{1}, std::chrono::seconds{60})),
      throttle_(options.throttle, stores.account_failures, stores.address_failures, [&clock] { return clock.now(); }),
      sign_in_key_(stores.sign_in_form_key) {
  dummy_hash_ = app::hash_password(app::random_token(16)).value_or("");
}

std::optional<std::string> SessionService::find_person(std::string_view text) const {
  const std::string name = trimmed(text);
  if (name.empty()) return std::nullopt;
  const std::shared_ptr<const app::Directory> directory = directory_.load();
  std::optional<std::uint32_t> person = directory->index_of(name);
  if (!person) {
    // Employee ids are usually written in capitals; accept them in any case.
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    person = directory->index_of(upper);
  }
  if (!person && name.find('@') != std::string::npos) {
    person = directory->index_of_email(name);
    // Several people with this address: refused as an unknown name, never one of them.
    if (directory->email_is_shared(name)) spdlog::warn("sign-in: an e-mail address several people share was refused");
  }
  if (!person) return std::nullopt;
  return directory->people()[*person].employee_id;
}

std::expected<SessionService::SignedIn, SessionService::Refused> SessionService::sign_in(std::string_view username,
                                                                                       std::string_view password,
                                                                                       std::string_view address) {
  const std::optional<std::string> person = find_person(username);
  // Unknown names are counted too, case-folded, so "e1" and "E1" share a counter.
  const std::string account_key = person ? *person : lower_case(trimmed(username));
  const std::string address_key = throttle_key_of_address(address);

  // Refused before the password is looked at: a blocked guesser learns nothing, and costs
  // the server no hashing.
  if (auto refusal = throttle_.check(account_key, address_key)) {
    spdlog::warn("sign-in: refused for {} s ({} throttled): account {} from {}", refusal->retry_after.count(),
                 refusal->reason == SignInThrottle::Blocked::kAccount ? "account" : "address",
                 person ? account_key : std::string("(unknown name)"), address_key);
    return std::unexpected(Refused{Failure::kThrottled, refusal->reason, refusal->retry_after});
  }

  std::optional<core::Account> account;
  if (person) {
    auto loaded = accounts_.find(account_key);
    if (!loaded) {
      spdlog::error("sign-in: {}", loaded.error().describe());
      return std::unexpected(Refused{Failure::kStorage});
    }
    account = std::move(*loaded);
  }
  const bool valid = account ? app::verify_password(password, account->password_hash)
                             : (static_cast<void>(app::verify_password(password, dummy_hash_)), false);
  if (!valid) {
    throttle_.record_failure(account_key, address_key);
    spdlog::info("sign-in: wrong password or name: account {} from {}",
                 person ? account_key : std::string("(unknown name)"), address_key);
    return std::unexpected(Refused{Failure::kBadCredentials});
  }
  throttle_.record_success(account_key);
  auto started = start_session(account_key);
  if (!started) return std::unexpected(Refused{started.error()});
  return std::move(*started);
}

std::string SessionService::sign_in_token(std::string_view existing) const {
  if (sign_in_key_.remaining(existing, clock_.now()) > kSignInTokenRenewal) return std::string(existing);
  return sign_in_key_.issue(clock_.now(), kSignInTokenLifetime);
}

bool SessionService::sign_in_token_valid(std::string_view token) const { return sign_in_key_.verify(token, clock_.now()); }

namespace {
std::string form_owner_subject(std::string_view employee_id) { return "form-owner:" + std::string(employee_id); }
}  // namespace

std::string SessionService::form_owner_token(std::string_view employee_id) const {
  return sign_in_key_.issue_bound(form_owner_subject(employee_id), clock_.now(), kFormOwnerLifetime);
}

bool SessionService::form_owner_valid(std::string_view token, std::string_view employee_id) const {
  return !employee_id.empty() && sign_in_key_.verify_bound(token, form_owner_subject(employee_id), clock_.now());
}

std::expected<void, SessionService::Refused> SessionService::check_password(const core::Account& account,
                                                                          std::string_view password,
                                                                          std::string_view address) {
  const std::string& account_key = account.employee_id;
  const std::string address_key = throttle_key_of_address(address);
  if (auto refusal = throttle_.check(account_key, address_key)) {
    spdlog::warn("password check: refused for {} s ({} throttled): account {} from {}", refusal->retry_after.count(),
                 refusal->reason == SignInThrottle::Blocked::kAccount ? "account" : "address", account_key, address_key);
    return std::unexpected(Refused{Failure::kThrottled, refusal->reason, refusal->retry_after});
  }
  const bool valid = app::verify_password(password, account.password_hash);
  if (valid) {
    throttle_.record_success(account_key);
  } else {
    throttle_.record_failure(account_key, address_key);
    spdlog::info("password check: wrong password: account {} from {}", account_key, address_key);
  }
  auto audited = access_log_.record(
      account_key, valid ? "account.password_check_passed" : "account.password_check_failed", "from " + address_key);
  if (!audited) {
    spdlog::error("password check audit: {}", audited.error().describe());
    return std::unexpected(Refused{Failure::kStorage});
  }
  if (!valid) return std::unexpected(Refused{Failure::kBadCredentials});
  return {};
}

std::expected<SessionService::SignedIn, SessionService::Failure> SessionService::start_session(
    const std::string& employee_id) {
  SignedIn signed_in;
  signed_in.token = app::random_token(32);
  const auto wall = clock_.now();
  // The stored expiry is the idle deadline (never past the absolute end); resolve() moves it.
  const auto expires = wall + std::min(idle_timeout_, absolute_lifetime_);
  signed_in.record = core::SessionRecord{app::token_digest(signed_in.token), employee_id, app::random_token(24), iso_utc(wall),
                                         iso_utc(expires)};
  // Housekeeping: sessions past their expiry and forgotten failure counters go when someone
  // signs in.
  if (auto created = sessions_.start(signed_in.record, iso_utc(wall)); !created) {
    spdlog::error("sign-in: {}", created.error().describe());
    return std::unexpected(Failure::kStorage);
  }
  throttle_.forget_idle();
  return signed_in;
}

std::optional<Viewer> SessionService::make_viewer(const core::SessionRecord& record, const core::Account& account,
                                                 const app::Directory& directory) const {
  auto person = directory.index_of(account.employee_id);
  if (!person) return std::nullopt;  // the person left the organisation data
  Viewer viewer;
  viewer.account = account;
  viewer.person_index = *person;
  viewer.person = &directory.people()[*person];
  viewer.csrf_token = record.csrf_token;
  viewer.session_digest = record.token_digest;
  viewer.manages_anyone = directory.manages_anyone(*person);
  return viewer;
}

std::optional<core::SessionRecord> SessionService::keep_alive(core::SessionRecord record, WallClock::time_point now) {
  const std::string now_text = iso_utc(now);
  if (record.expires_at <= now_text) return std::nullopt;  // idle too long (or past its end)
  const auto began = parse_iso_utc(record.created_at);
  const auto expires = parse_iso_utc(record.expires_at);
  if (!began || !expires) return std::nullopt;
  // A shorter --session-hours than the one the session began under applies at once.
  const auto absolute_end = *began + absolute_lifetime_;
  if (absolute_end <= now) return std::nullopt;
  const auto wanted = std::min(absolute_end, now + idle_timeout_);
  if (wanted - *expires < touch_step_) return record;
  auto touched = sessions_.extend(record.token_digest, iso_utc(wanted));
  if (!touched) {
    // The session still stands; it is extended on a later request.
    spdlog::error("session keep-alive: {}", touched.error().describe());
    return record;
  }
  if (!*touched) return std::nullopt;  // signed out meanwhile
  record.expires_at = iso_utc(wanted);
  return record;
}

std::optional<Viewer> SessionService::resolve(const Request& request, const app::Directory& directory) {
  const auto cookies = parse_cookies(request);
  auto cookie = cookies.find(std::string(kSessionCookie));
  if (cookie == cookies.end() || cookie->second.empty() || cookie->second.size() > 128) return std::nullopt;
  const std::string digest = app::token_digest(cookie->second);
  const auto now = std::chrono::steady_clock::now();
  const auto wall_now = clock_.now();
  const std::string wall_text = iso_utc(wall_now);

  std::optional<Cached> found;
  {
    std::lock_guard lock(mutex_);
    auto hit = cache_.find(digest);
    // A cached expiry in the past may be stale (another node moved it): ask the store.
    if (hit != cache_.end() && now - hit->second.fetched < std::chrono::seconds(kCacheSeconds) &&
        hit->second.record.expires_at > wall_text) {
      found = hit->second;
    }
  }
  if (!found) {
    auto stored = sessions_.find(digest);
    if (!stored) {
      spdlog::error("session lookup: {}", stored.error().describe());
      return std::nullopt;
    }
    if (!*stored) return std::nullopt;
    found = Cached{std::move((*stored)->record), std::move((*stored)->account), now};
  }
  const std::string previous_expiry = found->record.expires_at;
  auto kept = keep_alive(found->record, wall_now);
  std::lock_guard lock(mutex_);
  if (!kept) {
    cache_.erase(digest);
    return std::nullopt;
  }
  if (found->fetched == now || kept->expires_at != previous_expiry) {
    if (cache_.size() > 100000) cache_.clear();  // bounded: a flood of tokens cannot grow it
    found->record = *kept;
    cache_[digest] = *found;
  }
  auto viewer = make_viewer(*kept, found->account, directory);
  if (viewer) {
    if (const auto ends = parse_iso_utc(kept->expires_at)) {
      viewer->session_left = std::max(std::chrono::seconds{0},
                                      std::chrono::duration_cast<std::chrono::seconds>(*ends - wall_now));
    }
  }
  return viewer;
}

void SessionService::sign_out(const std::string& digest) {
  {
    std::lock_guard lock(mutex_);
    cache_.erase(digest);
  }
  if (auto deleted = sessions_.end(digest); !deleted) spdlog::error("sign-out: {}", deleted.error().describe());
}

void SessionService::sign_out_cookie_of(const Request& request) {
  const auto cookies = parse_cookies(request);
  auto cookie = cookies.find(std::string(kSessionCookie));
  if (cookie == cookies.end() || cookie->second.empty() || cookie->second.size() > 128) return;
  sign_out(app::token_digest(cookie->second));
}

void SessionService::end_sessions_of(const std::string& employee_id) {
  forget_cached(employee_id);
  if (auto deleted = sessions_.end_all_of(employee_id); !deleted) {
    spdlog::error("ending sessions: {}", deleted.error().describe());
  }
}

void SessionService::forget_cached(const std::string& employee_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(cache_, [&](const auto& entry) { return entry.second.record.employee_id == employee_id; });
}

bool SessionService::secure_cookies(const Request& request) const {
  return options_.secure_cookies || is_secure_request(request);
}

std::string SessionService::session_cookie(const Request& request, std::string_view token) const {
  return cookie_header(kSessionCookie, token, secure_cookies(request), CookieLifetime::kPersistent,
                       static_cast<long>(absolute_lifetime_.count()));
}

std::string SessionService::client_address(const Request& request) const {
  return web::client_address(request, proxies_);
}

}  // namespace trappa::web
