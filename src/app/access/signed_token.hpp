// Stateless signed tokens: the sign-in form's CSRF token, which exists before any session,
// and tokens bound to a subject (a form's owner, see web/pages/assessment/held_answers.hpp).
//
// A token is "v1.NONCE.EXPIRY.MAC": 16 random bytes (URL-safe base64), the expiry in seconds
// since 1970, and the HMAC (libsodium crypto_auth, HMAC-SHA-512-256) of "v1.NONCE.EXPIRY"
// under the key, in hex. The server verifies it without keeping anything: a token it did not
// issue, a changed one or an expired one fails. Every node that shares the key accepts every
// other node's tokens (docs/security.md says how nodes would share it). Thread-safe: the key
// is immutable after construction.
#pragma once

#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace trappa::app {

class SignedTokenKey {
 public:
  static constexpr std::size_t kKeyBytes = 32;  // crypto_auth_KEYBYTES

  // A new random key (at start-up). initialise_crypto() must have run.
  [[nodiscard]] static SignedTokenKey generate();
  // A key from its bytes (kKeyBytes of them), e.g. one that several nodes share.
  [[nodiscard]] static core::Result<SignedTokenKey> from_bytes(std::string_view bytes);
  // A key derived (BLAKE2b) from a secret text, e.g. the one every node reads from the store.
  [[nodiscard]] static SignedTokenKey from_secret(std::string_view secret);

  // A token valid until `now + lifetime`.
  [[nodiscard]] std::string issue(std::chrono::system_clock::time_point now, std::chrono::seconds lifetime) const;
  // Whether `token` was issued under this key, unchanged, and has not expired at `now`.
  [[nodiscard]] bool verify(std::string_view token, std::chrono::system_clock::time_point now) const;
  // The time left before `token` expires at `now`; zero for a token that does not verify.
  [[nodiscard]] std::chrono::seconds remaining(std::string_view token, std::chrono::system_clock::time_point now) const;

  // A token bound to `subject` (not empty; e.g. "held-form:E000123"): the same shape, but the
  // MAC also covers the subject, which the token does not carry. It verifies only against the
  // same subject, so it names nobody to whoever reads it, and a token of one subject (or an
  // unbound one) never passes for another.
  [[nodiscard]] std::string issue_bound(std::string_view subject, std::chrono::system_clock::time_point now,
                                        std::chrono::seconds lifetime) const;
  [[nodiscard]] bool verify_bound(std::string_view token, std::string_view subject,
                                  std::chrono::system_clock::time_point now) const;

 private:
  SignedTokenKey() = default;
  // `remaining` with the MAC taken over the token's body followed by `bound` (empty: unbound).
  [[nodiscard]] std::chrono::seconds remaining_with(std::string_view token, std::string_view bound,
                                                    std::chrono::system_clock::time_point now) const;
  std::array<unsigned char, kKeyBytes> key_{};
};

}  // namespace trappa::app
