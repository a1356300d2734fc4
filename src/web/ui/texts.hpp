// The message catalogue as the web layer uses it: i18n's names brought into trappa::web (every
// page and handler speaks of Language and text()), and the language a request asks for.
#pragma once

#include <string_view>

#include "i18n/ui_text.hpp"
#include "web/server/http_types.hpp"

namespace trappa::web {

using i18n::find_text;
using i18n::format_date;
using i18n::Language;
using i18n::language_code;
using i18n::text;

// The request's language: ?lang=, else the trappa_lang cookie, else Accept-Language, else
// Swedish.
[[nodiscard]] Language request_language(const Request& request);
inline constexpr std::string_view kLanguageCookie = "trappa_lang";

}  // namespace trappa::web
