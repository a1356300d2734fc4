// The text catalogue: every text of the interface, read once from the gettext catalogues
// (po/sv.po and po/en.po, compiled by the build to locale/<language>/LC_MESSAGES/trappa.mo)
// through Boost.Locale into one immutable table keyed by msgctxt. Texts may hold {{mustache}}
// tags of the template they are used in, and simple inline markup (they are written by the
// project's translators, never taken from users).
#include "i18n/ui_text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <locale>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/base/date.hpp"
#include "i18n/catalogue.hpp"

namespace trappa::i18n {

namespace {

constexpr const char* kDomain = "trappa";
constexpr std::array<Language, 2> kLanguages{Language::kSwedish, Language::kEnglish};

// One text in both languages, by key.
struct Texts {
  std::array<std::string, 2> by_language;
};

struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const noexcept { return std::hash<std::string_view>{}(key); }
};

struct Catalogue {
  std::filesystem::path directory;  // empty when no catalogue was found
  std::unordered_map<std::string, Texts, KeyHash, std::equal_to<>> texts;
};

std::filesystem::path mo_file(const std::filesystem::path& directory, Language language) {
  return directory / std::string(language_code(language)) / "LC_MESSAGES" / (std::string(kDomain) + ".mo");
}

bool has_catalogues(const std::filesystem::path& directory) {
  std::error_code ignored;
  return std::ranges::all_of(kLanguages, [&](Language language) { return std::filesystem::is_regular_file(mo_file(directory, language), ignored); });
}

// Where the compiled catalogues are, found as the shipped data is (cli data_directory()):
// $TRAPPA_LOCALE_DIR, $TRAPPA_DATA_DIR/locale, the installed share/trappa/locale beside the
// program, and last the build tree's locale/ (CMake compiles po/*.po there with msgfmt).
std::filesystem::path find_directory() {
  std::vector<std::filesystem::path> candidates;
  if (const char* configured = std::getenv("TRAPPA_LOCALE_DIR"); configured != nullptr && *configured != '\0') {
    candidates.emplace_back(configured);
  }
  if (const char* data = std::getenv("TRAPPA_DATA_DIR"); data != nullptr && *data != '\0') {
    candidates.push_back(std::filesystem::path(data) / "locale");
  }
  std::error_code ignored;
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", ignored);
  if (!ignored) candidates.push_back(executable.parent_path().parent_path() / "share" / "trappa" / "locale");
  candidates.emplace_back(TRAPPA_BUILD_LOCALE_DIR);
  for (const auto& candidate : candidates) {
    if (has_catalogues(candidate)) return candidate;
  }
  return {};
}

std::uint32_t read_u32(std::string_view bytes, std::size_t offset, bool swap) {
  if (offset + 4 > bytes.size()) throw std::runtime_error("truncated .mo file");
  std::uint32_t value = 0;
  std::memcpy(&value, bytes.data() + offset, 4);
  return swap ? std::byteswap(value) : value;
}

// The original strings of a .mo file (GNU gettext's format: a table of N (length, offset)
// pairs): "key\x04Swedish text" for each entry with a context. Boost.Locale translates a
// (context, msgid) pair but cannot list a catalogue, and callers look texts up by key alone,
// so the keys and their source texts are read here and translated once through Boost.Locale.
std::vector<std::pair<std::string, std::string>> entries_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::uint32_t magic = read_u32(bytes, 0, false);
  if (magic != 0x950412deU && magic != 0xde120495U) throw std::runtime_error(file.string() + " is not a .mo file");
  const bool swap = magic == 0xde120495U;
  const std::uint32_t count = read_u32(bytes, 8, swap);
  const std::uint32_t table = read_u32(bytes, 12, swap);
  std::vector<std::pair<std::string, std::string>> entries;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint32_t length = read_u32(bytes, table + 8 * i, swap);
    const std::uint32_t offset = read_u32(bytes, table + 8 * i + 4, swap);
    if (std::size_t{offset} + length > bytes.size()) throw std::runtime_error("truncated .mo file " + file.string());
    const std::string_view original(bytes.data() + offset, length);
    const auto separator = original.find('\x04');
    if (separator == std::string_view::npos) continue;  // the header, or a text without a key
    entries.emplace_back(original.substr(0, separator), original.substr(separator + 1));
  }
  return entries;
}

std::locale messages_locale(const std::filesystem::path& directory, Language language) {
  boost::locale::gnu_gettext::messages_info info;
  info.language = std::string(language_code(language));
  info.encoding = "UTF-8";
  info.paths.push_back(directory.string());
  info.domains.emplace_back(kDomain);
  return {std::locale::classic(), boost::locale::gnu_gettext::create_messages_facet<char>(info)};
}

Catalogue load() {
  Catalogue catalogue;
  catalogue.directory = find_directory();
  if (catalogue.directory.empty()) {
    std::fprintf(stderr, "trappa: no text catalogue (locale/*/LC_MESSAGES/%s.mo) found; pages show text keys\n", kDomain);
    return catalogue;
  }
  // Every key of either catalogue; an entry without a translation shows its msgid, the
  // Swedish source text, as gettext does (the catalogue test fails on it).
  std::map<std::string, std::string> sources;
  for (Language language : kLanguages) {
    for (auto& [key, source] : entries_of(mo_file(catalogue.directory, language))) sources.emplace(std::move(key), std::move(source));
  }
  const std::array<std::locale, 2> locales{messages_locale(catalogue.directory, Language::kSwedish),
                                           messages_locale(catalogue.directory, Language::kEnglish)};
  for (const auto& [key, source] : sources) {
    Texts texts;
    for (Language language : kLanguages) {
      const auto& messages = std::use_facet<boost::locale::message_format<char>>(locales[static_cast<std::size_t>(language)]);
      const char* translated = messages.get(0, key.c_str(), source.c_str());
      texts.by_language[static_cast<std::size_t>(language)] = translated != nullptr && *translated != '\0' ? translated : source;
    }
    catalogue.texts.emplace(key, std::move(texts));
  }
  return catalogue;
}

// Loaded on first use (thread-safe static initialisation), immutable afterwards.
const Catalogue& catalogue() {
  static const Catalogue* loaded = new Catalogue(load());
  return *loaded;
}

constexpr std::array<std::string_view, 12> kSwedishMonths{"januari", "februari", "mars",      "april",   "maj",      "juni",
                                                          "juli",    "augusti",  "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kEnglishMonths{"January", "February", "March",     "April",   "May",      "June",
                                                          "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string_view language_code(Language language) { return language == Language::kEnglish ? "en" : "sv"; }

std::optional<std::string_view> find_text(Language language, std::string_view key) {
  const auto& texts = catalogue().texts;
  auto found = texts.find(key);
  if (found == texts.end()) return std::nullopt;
  return found->second.by_language[static_cast<std::size_t>(language)];
}

CatalogueInfo catalogue_info() {
  const Catalogue& loaded = catalogue();
  return {.directory = loaded.directory.string(), .texts = loaded.texts.size()};
}

std::string_view text(Language language, std::string_view key) {
  auto found = find_text(language, key);
  return found ? *found : key;
}

std::string format_text(std::string_view pattern,
                        std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string result(pattern);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + std::string(name) + "}";
    for (std::size_t at = result.find(placeholder); at != std::string::npos;
         at = result.find(placeholder, at + value.size())) {
      result.replace(at, placeholder.size(), value);
    }
  }
  return result;
}

std::string format_date(Language language, std::string_view iso) {
  if (iso.size() < 10) return std::string(iso);
  const auto date = core::parse_iso_date(iso.substr(0, 10));
  if (!date) return std::string(iso);
  const int year = std::stoi(std::string(iso.substr(0, 4)));
  const int month = std::stoi(std::string(iso.substr(5, 2)));
  const int day = std::stoi(std::string(iso.substr(8, 2)));
  const auto& months = language == Language::kEnglish ? kEnglishMonths : kSwedishMonths;
  // Timestamps are stored in UTC; the day is what people need, so the time is left out.
  std::string text = std::to_string(day) + " " + std::string(months[static_cast<std::size_t>(month - 1)]) + " " +
                     std::to_string(year);
  return text;
}

}  // namespace trappa::i18n
