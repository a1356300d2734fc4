// Issue 13, "Every text in the reader's language": what the pages build from codes and
// English problems — the audit trail's changes, the problems of a page's parameters, the
// marking of the framework's Swedish texts on English pages — in the reader's language.
#include <gtest/gtest.h>

#include "core/framework/framework.hpp"
#include "web/pages/people/audit_detail.hpp"
#include "web/ui/app_context.hpp"
#include "web/ui/parameter_problem.hpp"

namespace trappa::web {
namespace {

struct Pages {
  Request request;
  PageRequest swedish{request, Language::kSwedish, std::nullopt};
  PageRequest english{request, Language::kEnglish, std::nullopt};
};

TEST(AuditDetail, an_assessment_change_is_told_in_the_words_of_the_status_model) {
  Pages pages;
  const std::string stored = "round 2026: status self_assessed→conversation_held; 1.1 agreed 2→3; notes changed";
  EXPECT_EQ(audit_detail_text(pages.swedish, "assessment.save", stored),
            "Omgång 2026: status Självskattad → Samtal hållet; 1.1 överenskommen nivå 2 → 3; anteckningen ändrad");
  EXPECT_EQ(audit_detail_text(pages.english, "assessment.save", stored),
            "Round 2026: status Self-assessed → Conversation held; 1.1 agreed level 2 → 3; note changed");
  EXPECT_EQ(audit_detail_text(pages.english, "assessment.save", "round 2026: status –→self_assessed; 2.1 self –→4"),
            "Round 2026: status – → Self-assessed; 2.1 own level – → 4");
}

TEST(AuditDetail, account_changes_use_the_role_words_and_an_import_keeps_its_file_and_line) {
  Pages pages;
  EXPECT_EQ(audit_detail_text(pages.swedish, "account.update", "role employee→hr; scope –→KF"),
            "behörighet Medarbetare → HR; omfattning Hela organisationen → KF");
  EXPECT_EQ(audit_detail_text(pages.english, "account.create", "created: role employee, scope –, own password"),
            "created: access Employee, scope The whole organisation, own password");
  EXPECT_EQ(audit_detail_text(pages.english, "assessment.import", "round 2026: 1.1 self 2→3 (svar.csv:12)"),
            "Round 2026: 1.1 own level 2 → 3 (svar.csv:12)");
  EXPECT_EQ(audit_detail_text(pages.swedish, "person.update", "unit KF→KB; role Handläggare→Chef"),
            "enhet KF → KB; roll Handläggare → Chef");
}

TEST(AuditDetail, a_detail_of_a_form_the_catalogue_does_not_know_is_shown_as_stored) {
  Pages pages;
  const std::string employment = "2020-01-01– permanent Bibliotekarie 1.00 KF";
  EXPECT_EQ(audit_detail_text(pages.english, "employment.update", employment), employment);
}

TEST(ParameterProblems, a_page_names_the_field_in_the_readers_language_and_the_api_keeps_english) {
  Pages pages;
  const ParameterProblem swedish = not_a_date(pages.swedish, "at", "figures_date", "2099-13-45");
  EXPECT_EQ(swedish.shown, "Per datum: ”2099-13-45” är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD.");
  EXPECT_EQ(swedish.api, (core::Problem{"at", "'2099-13-45' is not a date (YYYY-MM-DD)"}));
  const ParameterProblem english = unknown_unit(pages.english, "unit", "FINNS-EJ");
  EXPECT_EQ(english.shown, "Unit: there is no unit with the code “FINNS-EJ”.");
  EXPECT_EQ(english.api, (core::Problem{"unit", "unknown unit 'FINNS-EJ'"}));
  // What the reader typed is put in last: a {placeholder} in it stays as typed.
  EXPECT_EQ(not_a_whole_number(pages.swedish, "years", "forecast_years", "{field}").shown,
            "Antal år: ”{field}” är inget heltal.");
}

TEST(FrameworkLanguage, swedish_framework_texts_are_marked_on_english_pages_only) {
  Pages pages;
  core::Framework framework;
  EXPECT_EQ(framework_lang_attribute(pages.swedish, framework), "");
  EXPECT_EQ(framework_lang_attribute(pages.english, framework), " lang=\"sv\"");
  framework.language = "en";
  EXPECT_EQ(framework_lang_attribute(pages.english, framework), "");
  EXPECT_EQ(framework_lang_attribute(pages.swedish, framework), " lang=\"en\"");
  framework.language = "sv\" onclick=\"x";
  EXPECT_EQ(framework_lang_attribute(pages.english, framework), " lang=\"sv\"");
}

}  // namespace
}  // namespace trappa::web
