#include "app/access/password.hpp"

#include <sodium.h>

#include <array>

namespace trappa::app {

core::Result<void> initialise_crypto() {
  if (sodium_init() < 0) return core::fail(core::ErrorKind::kInternal, "libsodium could not be initialised");
  return {};
}

core::Result<std::string> hash_password(std::string_view password) {
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (crypto_pwhash_str(hash.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return core::fail(core::ErrorKind::kInternal, "hashing the password ran out of memory");
  }
  return std::string(hash.data());
}

bool verify_password(std::string_view password, const std::string& hash) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string encoded(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(std::char_traits<char>::length(encoded.c_str()));
  sodium_memzero(raw.data(), raw.size());
  return encoded;
}

std::string token_digest(std::string_view token) {
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

bool equal_in_constant_time(std::string_view left, std::string_view right) {
  if (left.size() != right.size() || left.empty()) return false;
  return sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

std::string one_time_password() {
  // No 0/o, 1/l/i: nothing to misread from a printout.
  static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  std::string password;
  for (int group = 0; group < 4; ++group) {
    if (group > 0) password += '-';
    for (int i = 0; i < 4; ++i) {
      password += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
  }
  return password;
}

}  // namespace trappa::app
