// Checks that text from outside (files, forms, URLs, JSON) is something Trappa can store and
// show: well-formed UTF-8 without control characters. Pure functions over bytes.
//
// Control characters are refused because nothing a person types needs them and several
// places cannot carry them: PostgreSQL refuses U+0000, SQLite's text functions stop at it,
// XML (and so XLSX) forbids most of them, and a terminal obeys them when a CLI prints a name.
// Tab, line feed and carriage return are the exceptions: they are ordinary in notes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace trappa::core {

// Length of the UTF-8 sequence that starts at text[offset] (1–4), or 0 when the bytes there
// are not a valid, shortest-form UTF-8 encoding of a scalar value. `offset` < text.size().
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view text, std::size_t offset);

// Where a text stops being acceptable, and why.
struct TextFlaw {
  enum class Kind { kInvalidUtf8, kControlCharacter };
  Kind kind = Kind::kInvalidUtf8;
  std::size_t offset = 0;      // byte offset of the offending sequence
  std::size_t characters = 0;  // characters before it (a column is characters + 1)
  char32_t character = 0;      // the control character (kControlCharacter only)
};

// Whether tab, line feed and carriage return are accepted (notes, descriptions) or refused
// too (names, codes and other one-line values).
enum class LineBreaks { kAllowed, kRefused };

// The first invalid UTF-8 sequence or control character (U+0000–U+001F except the allowed
// line breaks and tab, and U+007F), or nullopt when the whole text is acceptable.
[[nodiscard]] std::optional<TextFlaw> find_text_flaw(std::string_view text,
                                                     LineBreaks line_breaks = LineBreaks::kAllowed);

// "is not valid UTF-8" or "contains the control character U+0000", for messages.
[[nodiscard]] std::string describe(const TextFlaw& flaw);

// The text made safe to print on one line of a terminal: a backslash becomes "\\", tab, line
// feed and carriage return "\t", "\n", "\r", any other C0 control or DEL "\xHH", C1
// controls, U+2028/U+2029 and the bidirectional overrides and isolates "\uHHHH", and each
// byte that is not UTF-8 "\xHH". Everything else (å, ä, ö, …) is kept, so the result starts
// no new line and carries no terminal escape, and the original can be read back from it.
[[nodiscard]] std::string escape_for_terminal(std::string_view text);

}  // namespace trappa::core
