// One table per enum for its codes: the code each value is written as (in files, the store,
// the API), and the extra spellings accepted when reading (Swedish words, other letter case).
// A table lists every value's code first, in any order; aliases follow. to_code() takes the
// first entry of a value; parse() accepts every entry.
//
//   constexpr EnumCodes<Gender, 6> kGenderCodes{{{Gender::kWoman, "K"}, ..., {Gender::kWoman, "k"}}};
//   kGenderCodes.code(Gender::kMan) == "M";  kGenderCodes.parse("k") == Gender::kWoman
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace trappa::core {

enum class CodeCase { kExact, kIgnoreAsciiCase };

template <typename Enum, std::size_t N>
struct EnumCodes {
  struct Entry {
    Enum value;
    std::string_view code;
  };
  std::array<Entry, N> entries;

  // The value's code: its first entry. Every value has one, so the fallback is never reached
  // for a well-formed table (enum_codes_test checks the shipped tables).
  [[nodiscard]] constexpr std::string_view code(Enum value) const {
    for (const Entry& entry : entries) {
      if (entry.value == value) return entry.code;
    }
    return {};
  }

  [[nodiscard]] constexpr std::optional<Enum> parse(std::string_view text, CodeCase match = CodeCase::kExact) const {
    for (const Entry& entry : entries) {
      if (match == CodeCase::kExact ? entry.code == text : equal_ignoring_case(entry.code, text)) return entry.value;
    }
    return std::nullopt;
  }

 private:
  static constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  static constexpr bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
  }
};

}  // namespace trappa::core
