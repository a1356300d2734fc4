// Shared JSON text helpers for the io layer: reading a document with its error position,
// and writing a value in the canonical indented form used by every file Trappa writes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "core/base/result.hpp"

namespace trappa::io {

// Parses `text` (a leading byte-order mark is skipped). Bytes that are not UTF-8, raw control
// characters, syntax errors, nesting deeper than 32, text after the document and a key that
// appears twice in one object are refused as "FILE:LINE:COLUMN: reason".
[[nodiscard]] core::Result<boost::json::value> parse_json_text(std::string_view text, const std::string& file_name);

// Two-space indentation, ", " never at line ends, ": " after keys, empty containers as [] and
// {}, non-ASCII characters unescaped: the same bytes as Python's json.dumps(indent=2,
// ensure_ascii=False), so hand-made and exported files compare equal. Ends with a newline.
[[nodiscard]] std::string write_json_text(const boost::json::value& value);

// A number (integer or not) as double; nullopt for anything else (a string "3" included).
[[nodiscard]] std::optional<double> number_of(const boost::json::value& value);

}  // namespace trappa::io
