#include "web/ui/texts.hpp"

#include <optional>
#include <string>

#include "web/server/http_util.hpp"

namespace trappa::web {

Language request_language(const Request& request) {
  auto parse = [](std::string_view code) -> std::optional<Language> {
    if (code == "sv") return Language::kSwedish;
    if (code == "en") return Language::kEnglish;
    return std::nullopt;
  };
  if (auto query = request.query.find("lang"); query != request.query.end()) {
    if (auto language = parse(query->second)) return *language;
  }
  const auto cookies = parse_cookies(request);
  if (auto cookie = cookies.find(std::string(kLanguageCookie)); cookie != cookies.end()) {
    if (auto language = parse(cookie->second)) return *language;
  }
  // Accept-Language: the first of sv or en in the listed order decides ("en-GB,en;q=0.9").
  const std::string accept = header(request, "accept-language");
  for (std::size_t position = 0; position < accept.size();) {
    std::size_t end = accept.find(',', position);
    if (end == std::string::npos) end = accept.size();
    std::string_view item(accept.data() + position, end - position);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    if (item.starts_with("sv")) return Language::kSwedish;
    if (item.starts_with("en")) return Language::kEnglish;
    position = end + 1;
  }
  return Language::kSwedish;
}

}  // namespace trappa::web
