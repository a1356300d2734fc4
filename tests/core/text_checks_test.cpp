#include <gtest/gtest.h>

#include "core/assessment/assessment_rules.hpp"
#include "core/base/text_checks.hpp"

namespace trappa::core {
namespace {

TEST(TextChecks, accept_utf8_text_with_tabs_and_line_breaks) {
  EXPECT_FALSE(find_text_flaw("Åsa Öberg – ☃ 𝄞\tnotes\r\nrad två").has_value());
  EXPECT_FALSE(find_text_flaw("'; DROP TABLE people;-- \"\\ % _").has_value());
  EXPECT_FALSE(find_text_flaw("").has_value());
}

struct FlawCase {
  const char* name;
  std::string text;
  TextFlaw::Kind kind;
  std::size_t offset;
  std::size_t characters;
};

class TextFlaws : public testing::TestWithParam<FlawCase> {};

TEST_P(TextFlaws, are_found_at_their_byte_offset_and_character) {
  const FlawCase& flaw_case = GetParam();
  const auto flaw = find_text_flaw(flaw_case.text);
  ASSERT_TRUE(flaw.has_value()) << flaw_case.name;
  EXPECT_EQ(flaw->kind, flaw_case.kind) << flaw_case.name;
  EXPECT_EQ(flaw->offset, flaw_case.offset) << flaw_case.name;
  EXPECT_EQ(flaw->characters, flaw_case.characters) << flaw_case.name;
}

INSTANTIATE_TEST_SUITE_P(
    TextChecks, TextFlaws,
    testing::Values(FlawCase{"latin1", "Å\xC5sa", TextFlaw::Kind::kInvalidUtf8, 2, 1},
                    FlawCase{"lone continuation", "a\x80", TextFlaw::Kind::kInvalidUtf8, 1, 1},
                    FlawCase{"overlong slash", "\xC0\xAF", TextFlaw::Kind::kInvalidUtf8, 0, 0},
                    FlawCase{"surrogate", "ab\xED\xA0\x80", TextFlaw::Kind::kInvalidUtf8, 2, 2},
                    FlawCase{"beyond U+10FFFF", "\xF4\x90\x80\x80", TextFlaw::Kind::kInvalidUtf8, 0, 0},
                    FlawCase{"truncated", "ö\xE2\x82", TextFlaw::Kind::kInvalidUtf8, 2, 1},
                    FlawCase{"nul", std::string("ab\0c", 4), TextFlaw::Kind::kControlCharacter, 2, 2},
                    FlawCase{"escape", "åäö\x1B[2J", TextFlaw::Kind::kControlCharacter, 6, 3},
                    FlawCase{"delete", "x\x7F", TextFlaw::Kind::kControlCharacter, 1, 1},
                    FlawCase{"vertical tab", "\v", TextFlaw::Kind::kControlCharacter, 0, 0}),
    [](const auto& info) {
      std::string name = info.param.name;
      for (char& c : name) c = (c == ' ' || c == '+') ? '_' : c;
      return name;
    });

TEST(TextChecks, refuse_tabs_and_line_breaks_in_one_line_values_when_asked) {
  EXPECT_FALSE(find_text_flaw("a\tb").has_value());
  const auto flaw = find_text_flaw("a\tb", LineBreaks::kRefused);
  ASSERT_TRUE(flaw.has_value());
  EXPECT_EQ(flaw->character, U'\t');
  EXPECT_EQ(describe(*flaw), "contains the control character U+0009");
  EXPECT_EQ(describe(*find_text_flaw("\xFF")), "is not valid UTF-8");
}

TEST(RoundNames, must_fit_in_an_address) {
  EXPECT_FALSE(round_name_problem("2026").has_value());
  EXPECT_FALSE(round_name_problem("2027'; DROP TABLE rounds;--").has_value());
  EXPECT_FALSE(round_name_problem("Höst 2026").has_value());
  EXPECT_FALSE(round_name_problem(std::string(20, 'x') + "åäöåäöåäöåäöåäöåäöåä").has_value());  // 40 characters, 60 bytes
  EXPECT_TRUE(round_name_problem("").has_value());
  EXPECT_TRUE(round_name_problem(std::string(41, 'x')).has_value());
  EXPECT_TRUE(round_name_problem("a/b").has_value());
  EXPECT_TRUE(round_name_problem("a\tb").has_value());
  EXPECT_TRUE(round_name_problem("a\nb").has_value());
  EXPECT_TRUE(round_name_problem("\xFF").has_value());
}

// Issue 12: audited texts printed by `trappa audit` start no line and carry no escape.
TEST(EscapeForTerminal, escapes_line_breaks_controls_and_backslashes_and_keeps_letters) {
  EXPECT_EQ(escape_for_terminal("Åsa Öberg"), "Åsa Öberg");
  EXPECT_EQ(escape_for_terminal("cli:x\n2026-01-01 admin person.erase"), "cli:x\\n2026-01-01 admin person.erase");
  EXPECT_EQ(escape_for_terminal("a\r\tb"), "a\\r\\tb");
  EXPECT_EQ(escape_for_terminal("\x1b[2J\x07\x7f"), "\\x1B[2J\\x07\\x7F");
  EXPECT_EQ(escape_for_terminal("back\\slash"), "back\\\\slash");
  EXPECT_EQ(escape_for_terminal("\xC2\x9B" "31m"), "\\u009B31m");                        // C1 CSI
  EXPECT_EQ(escape_for_terminal("x\xE2\x80\xA8y\xE2\x80\xAEz"), "x\\u2028y\\u202Ez");   // line separator, RLO
  EXPECT_EQ(escape_for_terminal("\xFF\xC3"), "\\xFF\\xC3");                             // not UTF-8
  const std::string forged = escape_for_terminal("a\nb\x1b]0;t\x07\r");
  EXPECT_EQ(forged.find_first_of("\n\r\x1b\x07"), std::string::npos);
}

}  // namespace
}  // namespace trappa::core
