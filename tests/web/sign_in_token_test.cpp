// The sign-in form's CSRF token (issue 12): signed by the server with an expiry
// (app/access/signed_token.hpp), so a made-up, changed, foreign or expired token is refused.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "app/access/password.hpp"
#include "app/access/signed_token.hpp"

namespace trappa::app {
namespace {

using namespace std::chrono_literals;

const std::chrono::system_clock::time_point kNow = std::chrono::sys_days{std::chrono::year(2026) / 12 / 3} + 9h;

class SignInToken : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(initialise_crypto()); }
};

TEST_F(SignInToken, an_issued_token_verifies_until_it_expires) {
  const SignedTokenKey key = SignedTokenKey::generate();
  const std::string token = key.issue(kNow, 2h);
  EXPECT_TRUE(token.starts_with("v1."));
  EXPECT_TRUE(key.verify(token, kNow));
  EXPECT_TRUE(key.verify(token, kNow + 2h - 1s));
  EXPECT_EQ(key.remaining(token, kNow + 1h), 1h);
  EXPECT_FALSE(key.verify(token, kNow + 2h)) << "expired";
  EXPECT_FALSE(key.verify(token, kNow + 24h)) << "expired";
}

TEST_F(SignInToken, made_up_tokens_are_refused) {
  const SignedTokenKey key = SignedTokenKey::generate();
  const std::vector<std::string> made_up_tokens{"",      "abc", "abcdefghijklmnopqrstuvwxyz012345", random_token(24),
                                                "v1.",   "v1.x.9999999999.", "v1...", std::string(300, 'a')};
  for (const std::string& made_up : made_up_tokens) {
    EXPECT_FALSE(key.verify(made_up, kNow)) << made_up;
  }
}

TEST_F(SignInToken, a_changed_token_is_refused) {
  const SignedTokenKey key = SignedTokenKey::generate();
  const std::string token = key.issue(kNow, 2h);
  // A later expiry written into the token: the MAC no longer matches.
  const std::size_t expiry_at = token.find('.', 3) + 1;
  std::string later = token;
  later[expiry_at] = later[expiry_at] == '9' ? '8' : '9';
  EXPECT_FALSE(key.verify(later, kNow));
  // Every single character changed, one at a time.
  for (std::size_t i = 0; i < token.size(); ++i) {
    std::string changed = token;
    changed[i] = changed[i] == 'a' ? 'b' : 'a';
    EXPECT_FALSE(key.verify(changed, kNow)) << "position " << i;
  }
  EXPECT_FALSE(key.verify(token + "0", kNow));
  EXPECT_FALSE(key.verify(token.substr(0, token.size() - 1), kNow));
}

TEST_F(SignInToken, another_key_refuses_it_and_a_shared_key_accepts_it) {
  const SignedTokenKey key = SignedTokenKey::generate();
  const std::string token = key.issue(kNow, 2h);
  EXPECT_FALSE(SignedTokenKey::generate().verify(token, kNow));
  const std::string shared(SignedTokenKey::kKeyBytes, 'k');
  auto node_a = SignedTokenKey::from_bytes(shared);
  auto node_b = SignedTokenKey::from_bytes(shared);
  ASSERT_TRUE(node_a && node_b);
  EXPECT_TRUE(node_b->verify(node_a->issue(kNow, 2h), kNow));
  EXPECT_FALSE(SignedTokenKey::from_bytes("short"));
}

}  // namespace
}  // namespace trappa::app
