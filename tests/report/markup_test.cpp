#include "report/charts/markup.hpp"

#include <string>

#include <gtest/gtest.h>

namespace trappa::report {
namespace {

struct EscapeCase {
  std::string input;
  std::string expected;
};

class EscapeCases : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(EscapeCases, hostile_text_becomes_inert_markup) {
  EXPECT_EQ(escape_markup(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, EscapeCases,
    ::testing::Values(EscapeCase{"Vård & omsorg", "Vård &amp; omsorg"},
                      EscapeCase{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
                      EscapeCase{"\"><svg onload=x>", "&quot;&gt;&lt;svg onload=x&gt;"},
                      EscapeCase{"O'Brien", "O&#39;Brien"},
                      EscapeCase{"Åsa Öberg – Ängelholm", "Åsa Öberg – Ängelholm"},
                      EscapeCase{"bell\x07" "tab\tnl\n", "belltab\tnl\n"},
                      EscapeCase{"bad \xC3 byte", "bad \xEF\xBF\xBD byte"},
                      EscapeCase{"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
                      EscapeCase{"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
                      EscapeCase{"emoji \xF0\x9F\x93\x8A", "emoji \xF0\x9F\x93\x8A"}));

struct IdCase {
  std::string prefix;
  std::string expected;
};

class IdCases : public ::testing::TestWithParam<IdCase> {};

TEST_P(IdCases, ids_are_valid_xml_names_built_from_the_prefix) {
  EXPECT_EQ(sanitize_id(GetParam().prefix), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Table, IdCases,
                         ::testing::Values(IdCase{"gap-areas", "gap-areas"}, IdCase{"", "chart"},
                                           IdCase{"2025 omgång", "c-2025-omg--ng"},
                                           IdCase{"a\" onload=\"x", "a--onload--x"}, IdCase{"_x", "c-_x"}));

TEST(FitText, keeps_text_that_fits_and_cuts_the_rest_with_an_ellipsis) {
  EXPECT_EQ(fit_text("Kort", 14, 200), "Kort");
  const std::string cut = fit_text("Avdelningen för digital utveckling och innovation", 14, 120);
  EXPECT_TRUE(cut.ends_with("…")) << cut;
  EXPECT_LE(estimated_text_width(cut, 14), 120);
}

TEST(FitText, never_cuts_inside_a_multibyte_letter) {
  for (double width = 10; width < 120; width += 3) {
    const std::string cut = fit_text("ÅÄÖåäöÅÄÖåäöÅÄÖåäö", 14, width);
    EXPECT_EQ(escape_markup(cut), cut) << "width " << width;  // no U+FFFD: valid UTF-8
  }
}

TEST(Coordinate, prints_at_most_two_decimals_without_trailing_zeros) {
  EXPECT_EQ(coordinate(12), "12");
  EXPECT_EQ(coordinate(12.5), "12.5");
  EXPECT_EQ(coordinate(1.0 / 3.0), "0.33");
  EXPECT_EQ(coordinate(-0.001), "0");
}

TEST(NiceTicks, steps_are_round_numbers_that_cover_the_maximum) {
  struct Case {
    double maximum;
    double step;
    double end;
  };
  for (const Case c : {Case{1, 0.2, 1}, Case{5, 1, 5}, Case{612, 200, 800}, Case{47, 10, 50}, Case{0.3, 0.1, 0.3},
                       Case{1021, 250, 1250}}) {
    const detail::Ticks ticks = detail::nice_ticks(c.maximum);
    EXPECT_DOUBLE_EQ(ticks.step, c.step) << c.maximum;
    EXPECT_NEAR(ticks.end, c.end, 1e-9) << c.maximum;
  }
}

TEST(TickValues, end_at_a_maximum_that_is_not_a_whole_number_of_steps) {
  EXPECT_EQ(detail::tick_values(0, 5, 2), (std::vector<double>{0, 2, 4, 5}));
  EXPECT_EQ(detail::tick_values(0, 1, 0.25), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
}

}  // namespace
}  // namespace trappa::report
