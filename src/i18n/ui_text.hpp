// Every text the pages and reports show, in Swedish (first) and English, in the gettext
// catalogues po/sv.po and po/en.po (i18n/catalogue.hpp; docs/web.md "Texts and languages"), so
// that translators' tools can work on them. Templates refer to texts as [[key]]; code uses
// text(). Thread-safe: the catalogue is read once and immutable after.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace trappa::i18n {

enum class Language { kSwedish = 0, kEnglish = 1 };

[[nodiscard]] std::string_view language_code(Language language);  // "sv", "en"

// The text for `key`, or nullopt when the catalogue has no such key.
[[nodiscard]] std::optional<std::string_view> find_text(Language language, std::string_view key);
// The text for `key`; the key itself when missing (visible in the page, caught by tests).
[[nodiscard]] std::string_view text(Language language, std::string_view key);


// The message `pattern` with each {name} placeholder replaced by its value.
[[nodiscard]] std::string format_text(std::string_view pattern,
                                      std::initializer_list<std::pair<std::string_view, std::string>> values);

// "2026-03-31" (or a timestamp starting so) → "31 mars 2026" / "31 March 2026".
// Unparseable text is returned as it is; empty stays empty.
[[nodiscard]] std::string format_date(Language language, std::string_view iso);

}  // namespace trappa::i18n
