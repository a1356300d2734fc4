// Comparing words without regard to letter case, the way Swedish text needs it.
#pragma once

#include <string>
#include <string_view>

namespace trappa::core {

// `text` with ASCII and Latin-1 capitals (UTF-8; Å Ä Ö É Ü among them) turned into small
// letters; everything else is kept as it is.
[[nodiscard]] std::string fold_case(std::string_view text);

}  // namespace trappa::core
