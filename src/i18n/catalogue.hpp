// The text catalogues behind ui_text.hpp: the gettext files po/sv.po and po/en.po (msgctxt =
// the key, msgid = the Swedish source text, msgstr = the text shown; docs/web.md "Texts and
// languages"), compiled by the build to locale/<language>/LC_MESSAGES/trappa.mo and read once,
// on first use, through Boost.Locale into one immutable table.
#pragma once

#include <cstddef>
#include <string>

namespace trappa::i18n {

// Where the compiled catalogues were read from, and how many keys they hold (an empty
// directory and 0 when none was found: then every text() is its key, and `trappa serve`
// refuses to start).
struct CatalogueInfo {
  std::string directory;
  std::size_t texts = 0;
};
[[nodiscard]] CatalogueInfo catalogue_info();

}  // namespace trappa::i18n
