#include "core/base/text_checks.hpp"

#include <fmt/format.h>

namespace trappa::core {

std::size_t utf8_sequence_length(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  std::size_t length = 0;
  unsigned int min_value = 0;
  unsigned int value = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) { length = 2; value = lead & 0x1Fu; min_value = 0x80; }
  else if ((lead & 0xF0) == 0xE0) { length = 3; value = lead & 0x0Fu; min_value = 0x800; }
  else if ((lead & 0xF8) == 0xF0) { length = 4; value = lead & 0x07u; min_value = 0x10000; }
  else return 0;
  if (offset + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[offset + k]);
    if ((next & 0xC0) != 0x80) return 0;
    value = (value << 6) | (next & 0x3Fu);
  }
  // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
  if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  return length;
}

std::optional<TextFlaw> find_text_flaw(std::string_view text, LineBreaks line_breaks) {
  std::size_t characters = 0;
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t length = utf8_sequence_length(text, offset);
    if (length == 0) return TextFlaw{TextFlaw::Kind::kInvalidUtf8, offset, characters, 0};
    if (length == 1) {
      const auto byte = static_cast<unsigned char>(text[offset]);
      const bool line_break = byte == '\t' || byte == '\n' || byte == '\r';
      if ((byte < 0x20 && !(line_break && line_breaks == LineBreaks::kAllowed)) || byte == 0x7F) {
        return TextFlaw{TextFlaw::Kind::kControlCharacter, offset, characters, static_cast<char32_t>(byte)};
      }
    }
    offset += length;
    ++characters;
  }
  return std::nullopt;
}

std::string describe(const TextFlaw& flaw) {
  if (flaw.kind == TextFlaw::Kind::kInvalidUtf8) return "is not valid UTF-8";
  return fmt::format("contains the control character U+{:04X}", static_cast<unsigned>(flaw.character));
}

std::string escape_for_terminal(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t length = utf8_sequence_length(text, offset);
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (length == 0) {
      escaped += fmt::format("\\x{:02X}", static_cast<unsigned>(byte));
      ++offset;
      continue;
    }
    if (length == 1) {
      switch (byte) {
        case '\\': escaped += "\\\\"; break;
        case '\t': escaped += "\\t"; break;
        case '\n': escaped += "\\n"; break;
        case '\r': escaped += "\\r"; break;
        default:
          if (byte < 0x20 || byte == 0x7F) {
            escaped += fmt::format("\\x{:02X}", static_cast<unsigned>(byte));
          } else {
            escaped += static_cast<char>(byte);
          }
      }
      ++offset;
      continue;
    }
    char32_t value = 0;
    if (length == 2) value = byte & 0x1Fu;
    if (length == 3) value = byte & 0x0Fu;
    if (length == 4) value = byte & 0x07u;
    for (std::size_t k = 1; k < length; ++k) {
      value = (value << 6) | (static_cast<unsigned char>(text[offset + k]) & 0x3Fu);
    }
    const bool c1 = value >= 0x80 && value <= 0x9F;
    const bool line_or_paragraph = value == 0x2028 || value == 0x2029;
    const bool bidi = (value >= 0x202A && value <= 0x202E) || (value >= 0x2066 && value <= 0x2069);
    if (c1 || line_or_paragraph || bidi) {
      escaped += fmt::format("\\u{:04X}", static_cast<unsigned>(value));
    } else {
      escaped.append(text.substr(offset, length));
    }
    offset += length;
  }
  return escaped;
}

}  // namespace trappa::core
