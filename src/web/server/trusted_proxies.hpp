// Which peers may speak for a client: the reverse proxies named by --trusted-proxy.
//
// A trusted proxy's X-Forwarded-For says who the client is, and (with
// --trust-proxy-user-header) its user header says who signed in. Anything else sends those
// headers in vain. Addresses are compared as 16-byte IPv6 values, IPv4 ones mapped into
// ::ffff:0:0/96, so "127.0.0.1" also matches a dual-stack socket's "::ffff:127.0.0.1".
// Immutable after parsing; thread-safe to share.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "web/server/http_types.hpp"

namespace trappa::web {

using IpBytes = std::array<std::uint8_t, 16>;

// An IPv4 or IPv6 address in text ("10.0.0.1", "::1", "::ffff:10.0.0.1"), or nullopt.
[[nodiscard]] std::optional<IpBytes> parse_ip_address(std::string_view text);
// Text of an address; IPv4-mapped ones are written as IPv4.
[[nodiscard]] std::string format_ip_address(const IpBytes& address);

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Each entry is an address or a CIDR range ("127.0.0.1", "10.0.0.0/8", "fd00::/8"). An
  // error names --trusted-proxy and the entry.
  [[nodiscard]] static core::Result<TrustedProxies> parse(const std::vector<std::string>& entries);

  [[nodiscard]] bool empty() const { return ranges_.empty(); }
  [[nodiscard]] bool contains(std::string_view address) const;
  [[nodiscard]] bool contains(const IpBytes& address) const;

 private:
  struct Range {
    IpBytes network{};
    int prefix_bits = 128;
  };
  std::vector<Range> ranges_;
};

// The address a request comes from. The socket's peer, unless the peer is a trusted proxy
// and sent X-Forwarded-For: then the nearest address in that list (from the right) that is
// not itself a trusted proxy. A malformed list entry ends the walk at the last good one.
[[nodiscard]] std::string client_address(const Request& request, const TrustedProxies& proxies);

// What failed sign-ins are counted against for `address`: IPv4 as is, IPv6 by its /64
// network (one subscriber usually holds a whole /64).
[[nodiscard]] std::string throttle_key_of_address(std::string_view address);

}  // namespace trappa::web
