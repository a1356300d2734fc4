// Writing CSV that the readers here (and spreadsheets) read back: ',' separated, fields
// quoted only when they hold a separator, quote or line break or begin or end with a space or
// tab, LF line ends, UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trappa::io {

[[nodiscard]] std::string csv_field(std::string_view text);
[[nodiscard]] std::string csv_line(const std::vector<std::string>& fields);

}  // namespace trappa::io
