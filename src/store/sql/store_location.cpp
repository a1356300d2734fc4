// Where a store lives: which backend a location selects, and how it may be shown.
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace trappa::store {

bool is_postgresql_location(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string location_without_password(std::string_view location) {
  std::string text(location);
  if (!is_postgresql_location(text)) return text;
  const std::size_t authority = text.find("://") + 3;
  const std::size_t path = text.find_first_of("/?", authority);
  const std::size_t at = text.rfind('@', path == std::string::npos ? text.size() : path);
  if (at != std::string::npos && at >= authority) {
    const std::size_t colon = text.find(':', authority);
    if (colon != std::string::npos && colon < at) text.erase(colon, at - colon);
  }
  const std::size_t query = text.find('?');
  if (query == std::string::npos) return text;
  std::string kept;
  std::size_t position = query + 1;
  while (position <= text.size()) {
    std::size_t end = text.find('&', position);
    if (end == std::string::npos) end = text.size();
    const std::string pair = text.substr(position, end - position);
    if (!pair.empty() && !pair.starts_with("password=")) kept += (kept.empty() ? "" : "&") + pair;
    position = end + 1;
  }
  return text.substr(0, query) + (kept.empty() ? "" : "?" + kept);
}

}  // namespace trappa::store
