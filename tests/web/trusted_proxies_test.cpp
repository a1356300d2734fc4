#include "web/server/trusted_proxies.hpp"

#include <gtest/gtest.h>

#include "web/auth/sign_in_options.hpp"

namespace trappa::web {
namespace {

TrustedProxies proxies(const std::vector<std::string>& entries) {
  auto parsed = TrustedProxies::parse(entries);
  EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().describe());
  return parsed ? *parsed : TrustedProxies{};
}

Request from(std::string peer, std::string forwarded_for = {}) {
  Request request;
  request.remote_address = std::move(peer);
  if (!forwarded_for.empty()) request.headers["x-forwarded-for"] = std::move(forwarded_for);
  return request;
}

TEST(TrustedProxies, addresses_and_cidr_ranges_match_what_they_name) {
  const TrustedProxies trusted = proxies({"127.0.0.1", "10.20.0.0/16", "fd00:1::/32"});
  EXPECT_TRUE(trusted.contains("127.0.0.1"));
  EXPECT_FALSE(trusted.contains("127.0.0.2"));
  EXPECT_TRUE(trusted.contains("10.20.255.1"));
  EXPECT_FALSE(trusted.contains("10.21.0.1"));
  EXPECT_TRUE(trusted.contains("fd00:1:abcd::5"));
  EXPECT_FALSE(trusted.contains("fd00:2::5"));
  EXPECT_FALSE(trusted.contains("not an address"));
  // A dual-stack socket reports IPv4 peers as mapped IPv6 addresses.
  EXPECT_TRUE(trusted.contains("::ffff:127.0.0.1"));
  EXPECT_TRUE(trusted.contains("::ffff:10.20.3.4"));
}

TEST(TrustedProxies, host_bits_of_a_range_are_ignored_and_odd_prefixes_work) {
  const TrustedProxies trusted = proxies({"192.168.7.9/8", "172.16.0.0/12"});
  EXPECT_TRUE(trusted.contains("192.1.1.1"));
  EXPECT_TRUE(trusted.contains("172.31.255.255"));
  EXPECT_FALSE(trusted.contains("172.32.0.0"));
}

TEST(TrustedProxies, nothing_is_trusted_without_entries) {
  const TrustedProxies none = proxies({});
  EXPECT_TRUE(none.empty());
  EXPECT_FALSE(none.contains("127.0.0.1"));
}

TEST(TrustedProxies, bad_entries_are_named_in_the_error) {
  auto parsed = TrustedProxies::parse({"127.0.0.1", "localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/"});
  ASSERT_FALSE(parsed);
  ASSERT_EQ(parsed.error().problems.size(), 4u);
  EXPECT_EQ(parsed.error().problems[0].where, "--trusted-proxy");
  EXPECT_NE(parsed.error().problems[0].what.find("'localhost'"), std::string::npos);
  EXPECT_NE(parsed.error().problems[1].what.find("'10.0.0.0/33'"), std::string::npos);
}

TEST(ClientAddress, is_the_socket_peer_when_the_peer_is_no_trusted_proxy) {
  const TrustedProxies trusted = proxies({"127.0.0.1"});
  // Anyone can write X-Forwarded-For; an untrusted peer's is ignored.
  EXPECT_EQ(client_address(from("203.0.113.5", "198.51.100.1"), trusted), "203.0.113.5");
  EXPECT_EQ(client_address(from("203.0.113.5"), trusted), "203.0.113.5");
  EXPECT_EQ(client_address(from("::ffff:203.0.113.5"), trusted), "203.0.113.5");
}

TEST(ClientAddress, comes_from_x_forwarded_for_when_the_peer_is_a_trusted_proxy) {
  const TrustedProxies trusted = proxies({"127.0.0.1", "10.0.0.0/8"});
  EXPECT_EQ(client_address(from("127.0.0.1", "198.51.100.1"), trusted), "198.51.100.1");
  // The nearest untrusted hop wins: what the client itself wrote further left is not believed.
  EXPECT_EQ(client_address(from("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.1.1.1"), trusted), "198.51.100.1");
  // Every hop trusted: the leftmost one.
  EXPECT_EQ(client_address(from("127.0.0.1", "10.9.9.9,10.1.1.1"), trusted), "10.9.9.9");
  // A malformed entry stops the walk at the last good address.
  EXPECT_EQ(client_address(from("127.0.0.1", "198.51.100.1, junk"), trusted), "127.0.0.1");
  EXPECT_EQ(client_address(from("127.0.0.1", "2001:db8::7"), trusted), "2001:db8::7");
}

TEST(ClientAddress, ipv6_clients_are_throttled_by_their_64_network) {
  EXPECT_EQ(throttle_key_of_address("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
  EXPECT_EQ(throttle_key_of_address("2001:db8:1:2::9"), "2001:db8:1:2::/64");
  EXPECT_EQ(throttle_key_of_address("192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(throttle_key_of_address("::ffff:192.0.2.1"), "192.0.2.1");
}

TEST(SignInOptions, the_proxy_header_without_a_trusted_proxy_is_refused) {
  SignInOptions options;
  options.proxy_user_header = "X-Remote-User";
  auto checked = validate(options);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().problems.at(0).where, "--trust-proxy-user-header");
  options.trusted_proxies = {"127.0.0.1"};
  EXPECT_TRUE(validate(options));
}

TEST(SignInOptions, lifetimes_must_be_positive_and_header_names_tokens) {
  SignInOptions options;
  EXPECT_TRUE(validate(options));
  options.session_hours = 0;
  options.idle_minutes = -1;
  options.proxy_user_header = "X Remote: User";
  options.trusted_proxies = {"127.0.0.1"};
  auto checked = validate(options);
  ASSERT_FALSE(checked);
  ASSERT_EQ(checked.error().problems.size(), 3u);
  EXPECT_EQ(checked.error().problems[0].where, "--session-hours");
  EXPECT_EQ(checked.error().problems[1].where, "--idle-minutes");
  EXPECT_EQ(checked.error().problems[2].where, "--trust-proxy-user-header");
}

}  // namespace
}  // namespace trappa::web
