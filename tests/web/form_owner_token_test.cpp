// The form owner token of issue 13, item 1 (app/access/signed_token.hpp, issue_bound): answers
// posted after a session ended are saved only for the person the token was issued to, so the
// token must verify for that subject alone, never for another, never as an unbound sign-in
// token (and the reverse), and not once expired or changed.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "app/access/password.hpp"
#include "app/access/signed_token.hpp"

namespace trappa::app {
namespace {

using namespace std::chrono_literals;

const std::chrono::system_clock::time_point kNow = std::chrono::sys_days{std::chrono::year(2026) / 12 / 4} + 9h;

class SignedToken : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(initialise_crypto()); }
};

TEST_F(SignedToken, a_bound_token_verifies_for_its_subject_only_until_it_expires) {
  const SignedTokenKey key = SignedTokenKey::generate();
  const std::string token = key.issue_bound("form-owner:E000009", kNow, 24h);
  EXPECT_TRUE(key.verify_bound(token, "form-owner:E000009", kNow));
  EXPECT_TRUE(key.verify_bound(token, "form-owner:E000009", kNow + 24h - 1s));
  EXPECT_FALSE(key.verify_bound(token, "form-owner:E000009", kNow + 24h)) << "expired";
  EXPECT_FALSE(key.verify_bound(token, "form-owner:E000005", kNow)) << "another person";
  EXPECT_FALSE(key.verify_bound(token, "form-owner:E00000", kNow)) << "a prefix of the subject";
  EXPECT_FALSE(key.verify_bound(token, "", kNow)) << "no subject";
  EXPECT_EQ(token.find("E000009"), std::string::npos) << "the token names nobody";
}

TEST_F(SignedToken, bound_and_unbound_tokens_never_pass_for_each_other) {
  const SignedTokenKey key = SignedTokenKey::generate();
  const std::string sign_in = key.issue(kNow, 2h);
  const std::string bound = key.issue_bound("form-owner:E000009", kNow, 2h);
  EXPECT_FALSE(key.verify(bound, kNow)) << "a form owner token is no sign-in token";
  EXPECT_FALSE(key.verify_bound(sign_in, "form-owner:E000009", kNow)) << "a sign-in token owns no form";
}

TEST_F(SignedToken, a_changed_bound_token_or_another_key_is_refused) {
  const SignedTokenKey key = SignedTokenKey::generate();
  const std::string token = key.issue_bound("form-owner:E000009", kNow, 2h);
  for (std::size_t at = 0; at < token.size(); ++at) {
    std::string changed = token;
    changed[at] = changed[at] == 'a' ? 'b' : 'a';
    EXPECT_FALSE(key.verify_bound(changed, "form-owner:E000009", kNow)) << "changed at " << at;
  }
  EXPECT_FALSE(SignedTokenKey::generate().verify_bound(token, "form-owner:E000009", kNow));
}

}  // namespace
}  // namespace trappa::app
