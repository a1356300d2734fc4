#include <gtest/gtest.h>

#include "web/server/http_util.hpp"
#include "app/access/password.hpp"

namespace trappa::web {
namespace {

TEST(FormData, decodes_plus_and_percent_and_keeps_repeated_keys) {
  const FormData form = FormData::parse("name=Anna+Str%C3%B6m&priority=1.1&priority=2.3&empty=");
  EXPECT_EQ(form.get("name"), "Anna Ström");
  EXPECT_EQ(form.all("priority"), (std::vector<std::string>{"1.1", "2.3"}));
  EXPECT_TRUE(form.has("empty"));
  EXPECT_EQ(form.get("missing"), "");
}

TEST(FormData, undecodable_input_is_an_empty_form) {
  EXPECT_TRUE(FormData::parse("a=%zz").fields().empty());
}

TEST(Cookies, are_parsed_by_name) {
  Request request;
  request.headers["cookie"] = "trappa_session=abc; trappa_lang=en;x=1";
  const auto cookies = parse_cookies(request);
  EXPECT_EQ(cookies.at("trappa_session"), "abc");
  EXPECT_EQ(cookies.at("trappa_lang"), "en");
  EXPECT_EQ(cookies.at("x"), "1");
}

TEST(Cookies, are_http_only_and_same_site_lax_and_secure_behind_tls) {
  EXPECT_EQ(cookie_header("s", "v", false, CookieLifetime::kSession), "s=v; Path=/; HttpOnly; SameSite=Lax");
  EXPECT_EQ(cookie_header("s", "v", true, CookieLifetime::kPersistent, 60),
            "s=v; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=60");
  EXPECT_EQ(cookie_header("s", "", false, CookieLifetime::kExpired), "s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  Request proxied;
  proxied.headers["x-forwarded-proto"] = "https";
  EXPECT_TRUE(is_secure_request(proxied));
  EXPECT_FALSE(is_secure_request(Request{}));
}

TEST(Escaping, html_and_urls) {
  EXPECT_EQ(html_escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(url_encode("Kista bibliotek/ä"), "Kista%20bibliotek%2F%C3%A4");
  EXPECT_EQ(grouped_number(50000), "50\u202f000");
  EXPECT_EQ(grouped_number(999), "999");
}

TEST(Passwords, hash_and_verify_with_argon2id) {
  ASSERT_TRUE(app::initialise_crypto());
  auto hash = app::hash_password("korrekt häst batteri");
  ASSERT_TRUE(hash);
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(app::verify_password("korrekt häst batteri", *hash));
  EXPECT_FALSE(app::verify_password("korrekt hast batteri", *hash));
  EXPECT_FALSE(app::verify_password("x", "not a hash"));
}

TEST(Tokens, are_random_url_safe_and_stored_as_digests) {
  ASSERT_TRUE(app::initialise_crypto());
  const std::string a = app::random_token();
  const std::string b = app::random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), std::string::npos);
  EXPECT_EQ(app::token_digest(a).size(), 64u);
  EXPECT_EQ(app::token_digest(a), app::token_digest(a));
  EXPECT_TRUE(app::equal_in_constant_time(a, a));
  EXPECT_FALSE(app::equal_in_constant_time(a, b));
  EXPECT_FALSE(app::equal_in_constant_time("", ""));
  const std::string once = app::one_time_password();
  EXPECT_EQ(once.size(), 19u);
  EXPECT_EQ(once[4], '-');
}

}  // namespace
}  // namespace trappa::web
