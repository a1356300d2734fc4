// Turning a CSV file's bytes into UTF-8 before it is parsed: UTF-8 as it is (a byte-order mark
// is dropped by the CSV parser), UTF-16 LE or BE by its byte-order mark, and Windows-1252 when
// the caller names it. Conversion with iconv (glibc), not by hand.
#pragma once

#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace trappa::io {

enum class TextEncoding { kUtf8, kUtf16, kCp1252 };

// "utf-8" (or "utf8"), "utf-16" (or "utf16"), "cp1252" (or "windows-1252"), any case; the empty
// text is UTF-8. Anything else is a kInvalidInput error naming the parameter `encoding`.
[[nodiscard]] core::Result<TextEncoding> parse_text_encoding(std::string_view name);

// The file's text as UTF-8. A UTF-16 byte-order mark decides by itself (whatever `encoding`
// says); UTF-16 named without one is an error, as are bytes the encoding cannot hold.
// `file` names the file in messages.
[[nodiscard]] core::Result<std::string> decode_to_utf8(std::string bytes, TextEncoding encoding, const std::string& file);

}  // namespace trappa::io
