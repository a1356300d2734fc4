// Comparing words without regard to letter case, the way Swedish text needs it.
#pragma once

#include <string>
#include <string_view>

namespace trappa::core {

// `text` with ASCII and Latin-1 capitals (UTF-8; Å Ä Ö É Ü among them) turned into small
// letters; everything else is kept as it is.
[[nodiscard]] std::string fold_case(std::string_view text);

// `text` with only the ASCII capitals A–Z turned into small letters: for names that are
// ASCII by definition or compare as mail systems do (column headers, sheet names, e-mail
// addresses), where folding Å to å would make two different names equal.
[[nodiscard]] std::string ascii_lower(std::string_view text);

}  // namespace trappa::core
