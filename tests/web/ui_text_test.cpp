#include <cctype>

#include <gtest/gtest.h>

#include "web/ui/template_engine.hpp"
#include "i18n/ui_text.hpp"

namespace trappa::web {
namespace {

TEST(UiText, every_template_placeholder_has_a_text_in_both_languages) {
  EXPECT_EQ(missing_template_texts(), std::vector<std::string>{});
}

TEST(UiText, swedish_is_the_default_and_english_is_chosen_by_query_cookie_or_header) {
  Request plain;
  EXPECT_EQ(request_language(plain), Language::kSwedish);
  Request query;
  query.query["lang"] = "en";
  EXPECT_EQ(request_language(query), Language::kEnglish);
  Request cookie;
  cookie.headers["cookie"] = "a=b; trappa_lang=en";
  EXPECT_EQ(request_language(cookie), Language::kEnglish);
  Request header;
  header.headers["accept-language"] = "en-GB,en;q=0.9,sv;q=0.8";
  EXPECT_EQ(request_language(header), Language::kEnglish);
  header.headers["accept-language"] = "de-DE, sv-SE;q=0.9, en;q=0.5";
  EXPECT_EQ(request_language(header), Language::kSwedish);
}

TEST(UiText, dates_are_written_as_people_read_them) {
  EXPECT_EQ(format_date(Language::kSwedish, "2026-03-31"), "31 mars 2026");
  EXPECT_EQ(format_date(Language::kEnglish, "2026-03-01T08:15:00Z"), "1 March 2026");
  EXPECT_EQ(format_date(Language::kSwedish, ""), "");
  EXPECT_EQ(format_date(Language::kSwedish, "not a date"), "not a date");
}

// Issue 13's wording findings: the motivation hint named 5 "mycket motiverad" while option 4
// is "Mycket" and 5 "Väldigt mycket"; "Genomsnittlig anställningstid i år" read as "this
// year"; "Så fungerar nivåerna" only repeated the level names.
TEST(UiText, the_motivation_hint_names_the_top_option_as_the_options_do) {
  for (Language language : {Language::kSwedish, Language::kEnglish}) {
    std::string top(text(language, "motivation_5"));
    top[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(top[0])));
    EXPECT_NE(std::string(text(language, "motivation_hint")).find("5 " + top), std::string::npos)
        << text(language, "motivation_hint");
  }
}

TEST(UiText, tenure_is_in_years_not_this_year_and_the_levels_are_explained_with_an_example) {
  EXPECT_EQ(std::string(text(Language::kSwedish, "figures_tenure")).find("i år"), std::string::npos);
  EXPECT_NE(std::string(text(Language::kSwedish, "scale_help_text")).find("exempel"), std::string::npos);
  EXPECT_NE(std::string(text(Language::kEnglish, "scale_help_text")).find("example"), std::string::npos);
}

TEST(UiText, a_missing_key_shows_itself) {
  EXPECT_EQ(text(Language::kSwedish, "no_such_key"), "no_such_key");
  EXPECT_EQ(text(Language::kSwedish, "nav_assessment"), "Min skattning");
  EXPECT_EQ(text(Language::kEnglish, "nav_assessment"), "My assessment");
}

TEST(Templates, view_data_is_escaped) {
  TemplateData data;
  data.set("heading", std::string("<script>alert(1)</script>"));
  data.set("message", std::string("a & b"));
  data.set("has_request_id", flag(false));
  const std::string html = render("error", Language::kSwedish, data);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("a &amp; b"), std::string::npos);
}

}  // namespace
}  // namespace trappa::web
