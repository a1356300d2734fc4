#include "web/session_service.hpp"

#include <cctype>
#include <ctime>

#include <spdlog/spdlog.h>

#include "store/store.hpp"
#include "web/http_util.hpp"
#include "web/password.hpp"

namespace trappa::web {

namespace {

std::string iso_utc(std::chrono::system_clock::time_point at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

SessionService::SessionService(StorePool& pool, std::shared_ptr<const Directory> directory,
                               std::chrono::seconds lifetime)
    : pool_(pool), directory_(std::move(directory)), lifetime_(lifetime) {
  dummy_hash_ = hash_password(random_token(16)).value_or("");
}

std::expected<SessionService::SignedIn, SessionService::Failure> SessionService::sign_in(std::string_view username,
                                                                                       std::string_view password) {
  std::string name = trimmed(username);
  std::optional<std::uint32_t> person = directory_->index_of(name);
  if (!person) {
    // Employee ids are usually written in capitals; accept them in any case.
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    person = directory_->index_of(upper);
  }
  if (!person && name.find('@') != std::string::npos) person = directory_->index_of_email(name);
  const std::string key = person ? directory_->people()[*person].employee_id : name;

  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    auto& attempts = attempts_[key];
    if (attempts.locked_until > now) return std::unexpected(Failure::kLocked);
  }

  std::optional<core::Account> account;
  if (person) {
    auto lease = pool_.borrow();
    auto loaded = lease->load_account(key);
    if (!loaded) {
      spdlog::error("sign-in: {}", loaded.error().describe());
      return std::unexpected(Failure::kStorage);
    }
    account = std::move(*loaded);
  }
  const bool valid = account ? verify_password(password, account->password_hash)
                             : (static_cast<void>(verify_password(password, dummy_hash_)), false);
  if (!valid) {
    std::lock_guard lock(mutex_);
    auto& attempts = attempts_[key];
    if (attempts.failures == 0 || now - attempts.first_failure > std::chrono::minutes(kLockMinutes)) {
      attempts.failures = 0;
      attempts.first_failure = now;
    }
    if (++attempts.failures >= kMaxFailures) {
      attempts.locked_until = now + std::chrono::minutes(kLockMinutes);
      attempts.failures = 0;
      spdlog::warn("sign-in: '{}' locked for {} minutes after {} failures", key, kLockMinutes, kMaxFailures);
    }
    return std::unexpected(Failure::kBadCredentials);
  }
  {
    std::lock_guard lock(mutex_);
    attempts_.erase(key);
  }

  return start_session(key);
}

std::expected<SessionService::SignedIn, SessionService::Failure> SessionService::start_session(
    const std::string& employee_id) {
  SignedIn signed_in;
  signed_in.token = random_token(32);
  const auto wall = std::chrono::system_clock::now();
  signed_in.record = core::SessionRecord{token_digest(signed_in.token), employee_id, random_token(24), iso_utc(wall),
                                         iso_utc(wall + lifetime_)};
  auto lease = pool_.borrow();
  if (auto created = lease->create_session(signed_in.record); !created) {
    spdlog::error("sign-in: {}", created.error().describe());
    return std::unexpected(Failure::kStorage);
  }
  // Housekeeping: sessions past their expiry go when someone signs in.
  if (auto swept = lease->delete_sessions(iso_utc(wall)); !swept) spdlog::warn("{}", swept.error().describe());
  return signed_in;
}

std::optional<Viewer> SessionService::make_viewer(const core::SessionRecord& record, const core::Account& account) const {
  auto person = directory_->index_of(account.employee_id);
  if (!person) return std::nullopt;  // the person left the organisation data
  Viewer viewer;
  viewer.account = account;
  viewer.person_index = *person;
  viewer.person = &directory_->people()[*person];
  viewer.csrf_token = record.csrf_token;
  viewer.session_digest = record.token_digest;
  viewer.manages_anyone = directory_->manages_anyone(*person);
  return viewer;
}

std::optional<Viewer> SessionService::resolve(const Request& request) {
  const auto cookies = parse_cookies(request);
  auto cookie = cookies.find(std::string(kSessionCookie));
  if (cookie == cookies.end() || cookie->second.empty() || cookie->second.size() > 128) return std::nullopt;
  const std::string digest = token_digest(cookie->second);
  const auto now = std::chrono::steady_clock::now();
  const std::string wall_now = iso_utc(std::chrono::system_clock::now());
  {
    std::lock_guard lock(mutex_);
    auto found = cache_.find(digest);
    if (found != cache_.end() && now - found->second.fetched < std::chrono::seconds(kCacheSeconds)) {
      if (found->second.record.expires_at <= wall_now) {
        cache_.erase(found);
        return std::nullopt;
      }
      return make_viewer(found->second.record, found->second.account);
    }
  }
  auto lease = pool_.borrow();
  auto record = lease->load_session(digest);
  if (!record) {
    spdlog::error("session lookup: {}", record.error().describe());
    return std::nullopt;
  }
  if (!*record || (*record)->expires_at <= wall_now) return std::nullopt;
  auto account = lease->load_account((*record)->employee_id);
  if (!account || !*account) return std::nullopt;
  {
    std::lock_guard lock(mutex_);
    if (cache_.size() > 100000) cache_.clear();  // bounded: a flood of tokens cannot grow it
    cache_[digest] = Cached{**record, **account, now};
  }
  return make_viewer(**record, **account);
}

void SessionService::sign_out(const std::string& digest) {
  {
    std::lock_guard lock(mutex_);
    cache_.erase(digest);
  }
  auto lease = pool_.borrow();
  if (auto deleted = lease->delete_session(digest); !deleted) spdlog::error("sign-out: {}", deleted.error().describe());
}

void SessionService::end_sessions_of(const std::string& employee_id) {
  forget_cached(employee_id);
  auto lease = pool_.borrow();
  if (auto deleted = lease->delete_sessions(iso_utc(std::chrono::system_clock::now()), employee_id); !deleted) {
    spdlog::error("ending sessions: {}", deleted.error().describe());
  }
}

void SessionService::forget_cached(const std::string& employee_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(cache_, [&](const auto& entry) { return entry.second.record.employee_id == employee_id; });
}

}  // namespace trappa::web
