// Passwords and secret tokens, over libsodium.
//
// Passwords are hashed with argon2id (crypto_pwhash_str, "interactive" limits: about 64 MiB
// and a tenth of a second per hash); tokens come from the operating system's CSPRNG. All
// functions are thread-safe once initialise_crypto() has returned.
#pragma once

#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace trappa::app {

// Initialises libsodium; safe to call more than once. Fails only when the system offers no
// randomness.
[[nodiscard]] core::Result<void> initialise_crypto();

// The argon2id hash of `password` in the self-describing format that holds salt and limits.
[[nodiscard]] core::Result<std::string> hash_password(std::string_view password);
// Constant-time check of `password` against a stored hash; false for a malformed hash.
[[nodiscard]] bool verify_password(std::string_view password, const std::string& hash);

// `bytes` random bytes as unpadded URL-safe base64 (cookie and form safe).
[[nodiscard]] std::string random_token(std::size_t bytes = 32);
// The hex BLAKE2b digest of a token: what the store keeps instead of the token.
[[nodiscard]] std::string token_digest(std::string_view token);
// Constant-time comparison of two strings (length may leak, content does not).
[[nodiscard]] bool equal_in_constant_time(std::string_view left, std::string_view right);

// A one-time password people can type: four groups of four letters and digits without
// look-alikes, e.g. "k7rm-2xqd-9fth-w4pn" (about 80 bits).
[[nodiscard]] std::string one_time_password();

// Passwords must be at least this long.
inline constexpr std::size_t kMinPasswordLength = 10;

}  // namespace trappa::app
