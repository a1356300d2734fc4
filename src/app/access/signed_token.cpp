#include "app/access/signed_token.hpp"

#include <charconv>
#include <cstring>

#include <sodium.h>

#include "app/access/password.hpp"

namespace trappa::app {

static_assert(SignedTokenKey::kKeyBytes == crypto_auth_KEYBYTES);

namespace {

constexpr std::string_view kVersion = "v1.";

std::string mac_hex(const std::array<unsigned char, SignedTokenKey::kKeyBytes>& key, std::string_view message) {
  std::array<unsigned char, crypto_auth_BYTES> mac{};
  crypto_auth(mac.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(), key.data());
  std::string hex(mac.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  hex.pop_back();
  return hex;
}

long long seconds_since_epoch(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

}  // namespace

SignedTokenKey SignedTokenKey::generate() {
  SignedTokenKey key;
  crypto_auth_keygen(key.key_.data());
  return key;
}

core::Result<SignedTokenKey> SignedTokenKey::from_bytes(std::string_view bytes) {
  if (bytes.size() != kKeyBytes) {
    return core::invalid("a token key has " + std::to_string(kKeyBytes) + " bytes, not " + std::to_string(bytes.size()), {});
  }
  SignedTokenKey key;
  std::memcpy(key.key_.data(), bytes.data(), kKeyBytes);
  return key;
}

SignedTokenKey SignedTokenKey::from_secret(std::string_view secret) {
  SignedTokenKey key;
  crypto_generichash(key.key_.data(), kKeyBytes, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                     nullptr, 0);
  return key;
}

std::string SignedTokenKey::issue(std::chrono::system_clock::time_point now, std::chrono::seconds lifetime) const {
  std::string body = std::string(kVersion) + random_token(16) + "." + std::to_string(seconds_since_epoch(now + lifetime));
  return body + "." + mac_hex(key_, body);
}

std::chrono::seconds SignedTokenKey::remaining(std::string_view token, std::chrono::system_clock::time_point now) const {
  return remaining_with(token, {}, now);
}

// The bound MAC is over "BODY\nSUBJECT": a body never holds a line break, so no unbound
// token's message equals a bound one's.
std::string SignedTokenKey::issue_bound(std::string_view subject, std::chrono::system_clock::time_point now,
                                        std::chrono::seconds lifetime) const {
  std::string body = std::string(kVersion) + random_token(16) + "." + std::to_string(seconds_since_epoch(now + lifetime));
  return body + "." + mac_hex(key_, body + "\n" + std::string(subject));
}

bool SignedTokenKey::verify_bound(std::string_view token, std::string_view subject,
                                  std::chrono::system_clock::time_point now) const {
  return !subject.empty() && remaining_with(token, subject, now) > std::chrono::seconds{0};
}

std::chrono::seconds SignedTokenKey::remaining_with(std::string_view token, std::string_view bound,
                                                    std::chrono::system_clock::time_point now) const {
  if (token.size() > 200 || !token.starts_with(kVersion)) return std::chrono::seconds{0};
  const std::size_t mac_dot = token.rfind('.');
  if (mac_dot == std::string_view::npos || mac_dot < kVersion.size()) return std::chrono::seconds{0};
  const std::string_view body = token.substr(0, mac_dot);
  const std::string_view mac = token.substr(mac_dot + 1);
  // Constant time over the MAC, so its bytes cannot be found one at a time.
  const std::string message = bound.empty() ? std::string(body) : std::string(body) + "\n" + std::string(bound);
  if (!equal_in_constant_time(mac, mac_hex(key_, message))) return std::chrono::seconds{0};
  const std::size_t expiry_dot = body.rfind('.');
  if (expiry_dot == std::string_view::npos || expiry_dot < kVersion.size()) return std::chrono::seconds{0};
  const std::string_view expiry_text = body.substr(expiry_dot + 1);
  long long expiry = 0;
  const auto [end, error] = std::from_chars(expiry_text.data(), expiry_text.data() + expiry_text.size(), expiry);
  if (error != std::errc{} || end != expiry_text.data() + expiry_text.size()) return std::chrono::seconds{0};
  const long long left = expiry - seconds_since_epoch(now);
  return std::chrono::seconds{left > 0 ? left : 0};
}

bool SignedTokenKey::verify(std::string_view token, std::chrono::system_clock::time_point now) const {
  return remaining(token, now) > std::chrono::seconds{0};
}

}  // namespace trappa::app
