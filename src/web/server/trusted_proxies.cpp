#include "web/server/trusted_proxies.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace trappa::web {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_ipv4_mapped(const IpBytes& address) {
  for (int i = 0; i < 10; ++i) {
    if (address[static_cast<std::size_t>(i)] != 0) return false;
  }
  return address[10] == 0xff && address[11] == 0xff;
}

}  // namespace

std::optional<IpBytes> parse_ip_address(std::string_view text) {
  text = trimmed(text);
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  // "[::1]" as some proxies write IPv6 peers.
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  char buffer[INET6_ADDRSTRLEN] = {};
  std::memcpy(buffer, text.data(), text.size());
  IpBytes address{};
  in_addr v4{};
  if (inet_pton(AF_INET, buffer, &v4) == 1) {
    address[10] = 0xff;
    address[11] = 0xff;
    std::memcpy(address.data() + 12, &v4, 4);
    return address;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, buffer, &v6) == 1) {
    std::memcpy(address.data(), &v6, 16);
    return address;
  }
  return std::nullopt;
}

std::string format_ip_address(const IpBytes& address) {
  char buffer[INET6_ADDRSTRLEN] = {};
  if (is_ipv4_mapped(address)) {
    inet_ntop(AF_INET, address.data() + 12, buffer, sizeof buffer);
  } else {
    inet_ntop(AF_INET6, address.data(), buffer, sizeof buffer);
  }
  return buffer;
}

core::Result<TrustedProxies> TrustedProxies::parse(const std::vector<std::string>& entries) {
  TrustedProxies proxies;
  std::vector<core::Problem> problems;
  for (const std::string& entry : entries) {
    const std::string_view text = trimmed(entry);
    const auto slash = text.find('/');
    const auto address = parse_ip_address(text.substr(0, slash));
    if (!address) {
      problems.push_back({"--trusted-proxy", "'" + entry + "' is not an IP address or CIDR range"});
      continue;
    }
    const bool v4 = is_ipv4_mapped(*address) && text.substr(0, slash).find(':') == std::string_view::npos;
    int bits = v4 ? 32 : 128;
    if (slash != std::string_view::npos) {
      const std::string_view prefix = text.substr(slash + 1);
      const auto [end, error] = std::from_chars(prefix.data(), prefix.data() + prefix.size(), bits);
      if (error != std::errc{} || end != prefix.data() + prefix.size() || prefix.empty() || bits < 0 ||
          bits > (v4 ? 32 : 128)) {
        problems.push_back({"--trusted-proxy", "'" + entry + "' has an invalid prefix length (0-" +
                                                   std::to_string(v4 ? 32 : 128) + ")"});
        continue;
      }
    }
    Range range{*address, v4 ? bits + 96 : bits};
    // Keep the network part only, so "10.1.2.3/8" means 10.0.0.0/8.
    for (int bit = range.prefix_bits; bit < 128; ++bit) {
      range.network[static_cast<std::size_t>(bit / 8)] &= static_cast<std::uint8_t>(~(0x80u >> (bit % 8)));
    }
    proxies.ranges_.push_back(range);
  }
  if (!problems.empty()) return core::invalid("invalid --trusted-proxy", std::move(problems));
  return proxies;
}

bool TrustedProxies::contains(const IpBytes& address) const {
  for (const Range& range : ranges_) {
    bool inside = true;
    for (int bit = 0; bit < range.prefix_bits && inside; bit += 8) {
      const std::size_t byte = static_cast<std::size_t>(bit / 8);
      const int bits_here = std::min(8, range.prefix_bits - bit);
      const auto mask = static_cast<std::uint8_t>(0xffu << (8 - bits_here));
      inside = (address[byte] & mask) == (range.network[byte] & mask);
    }
    if (inside) return true;
  }
  return false;
}

bool TrustedProxies::contains(std::string_view address) const {
  if (ranges_.empty()) return false;
  const auto parsed = parse_ip_address(address);
  return parsed && contains(*parsed);
}

std::string client_address(const Request& request, const TrustedProxies& proxies) {
  auto peer = parse_ip_address(request.remote_address);
  if (!peer) return request.remote_address;
  IpBytes current = *peer;
  auto forwarded = request.headers.find("x-forwarded-for");
  if (forwarded != request.headers.end() && proxies.contains(current)) {
    std::string_view list = forwarded->second;
    // Walk from the nearest hop outwards while the hop that reported it is trusted.
    while (!list.empty() && proxies.contains(current)) {
      const auto comma = list.rfind(',');
      const std::string_view entry = comma == std::string_view::npos ? list : list.substr(comma + 1);
      list = comma == std::string_view::npos ? std::string_view{} : list.substr(0, comma);
      const auto hop = parse_ip_address(entry);
      if (!hop) break;
      current = *hop;
    }
  }
  return format_ip_address(current);
}

std::string throttle_key_of_address(std::string_view address) {
  auto parsed = parse_ip_address(address);
  if (!parsed) return std::string(address.substr(0, 64));
  if (is_ipv4_mapped(*parsed)) return format_ip_address(*parsed);
  for (std::size_t i = 8; i < 16; ++i) (*parsed)[i] = 0;
  return format_ip_address(*parsed) + "/64";
}

}  // namespace trappa::web
