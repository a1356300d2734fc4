// The text catalogues (po/sv.po, po/en.po; docs/web.md "Texts and languages"): both hold the
// same keys and source texts, every text is translated in both, the program reads what the
// files say, and every key a template or the code asks for is in both. The golden pages
// (tests/web/golden) check the rendered pages: no key or [[placeholder]] left, and no Swedish
// text on an English page outside an element marked lang="sv".
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/access/account.hpp"
#include "core/assessment/assessment_progress.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "i18n/catalogue.hpp"
#include "io/exports/forecast_output.hpp"
#include "io/exports/key_figures_json.hpp"
#include "po_file.hpp"
#include "report/supply_plan/supply_plan_texts.hpp"
#include "web/ui/texts.hpp"

namespace trappa::web {
namespace {

using test::po_by_key;
using test::po_directory;
using test::read_po;

const std::filesystem::path kSourceDir = std::filesystem::path(TRAPPA_DATA_DIR).parent_path();

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Catalogues, both_languages_hold_the_same_keys_and_source_texts_each_translated) {
  const auto swedish = read_po(po_directory() / "sv.po");
  const auto english = read_po(po_directory() / "en.po");
  ASSERT_GT(swedish.size(), 400U);
  for (const auto* entries : {&swedish, &english}) {
    std::set<std::string> keys;
    for (const auto& entry : *entries) {
      EXPECT_FALSE(entry.context.empty()) << "line " << entry.line << ": every text needs a key (msgctxt)";
      EXPECT_TRUE(keys.insert(entry.context).second) << "line " << entry.line << ": key " << entry.context << " twice";
      EXPECT_FALSE(entry.text.empty()) << "line " << entry.line << ": " << entry.context << " is not translated";
      EXPECT_FALSE(entry.fuzzy) << "line " << entry.line << ": " << entry.context << " is marked fuzzy: review it";
    }
  }
  const auto english_by_key = po_by_key(english);
  const auto swedish_by_key = po_by_key(swedish);
  for (const auto& entry : swedish) {
    const auto found = english_by_key.find(entry.context);
    if (found == english_by_key.end()) {
      ADD_FAILURE() << "en.po lacks " << entry.context;
      continue;
    }
    // Same source text, or the English text was made for an earlier Swedish one (run msgmerge).
    EXPECT_EQ(found->second.id, entry.id) << entry.context << ": en.po's msgid differs from sv.po's";
  }
  for (const auto& entry : english) EXPECT_TRUE(swedish_by_key.contains(entry.context)) << "sv.po lacks " << entry.context;
}

TEST(Catalogues, the_program_reads_every_text_as_the_files_say) {
  const i18n::CatalogueInfo info = i18n::catalogue_info();
  ASSERT_FALSE(info.directory.empty()) << "no compiled catalogue found";
  const auto swedish = read_po(po_directory() / "sv.po");
  const auto english = po_by_key(read_po(po_directory() / "en.po"));
  EXPECT_EQ(info.texts, swedish.size());
  for (const auto& entry : swedish) {
    EXPECT_EQ(find_text(Language::kSwedish, entry.context).value_or("(missing)"), entry.text) << entry.context;
    EXPECT_EQ(find_text(Language::kEnglish, entry.context).value_or("(missing)"), english.at(entry.context).text)
        << entry.context;
  }
  EXPECT_EQ(find_text(Language::kEnglish, "no_such_key"), std::nullopt);
}

void expect_key(std::string_view key, const std::string& where) {
  for (const Language language : {Language::kSwedish, Language::kEnglish}) {
    const auto found = find_text(language, key);
    EXPECT_TRUE(found && !found->empty()) << where << ": key " << key << " has no " << language_code(language) << " text";
  }
}

std::vector<std::filesystem::path> source_files(std::initializer_list<const char*> folders,
                                                std::initializer_list<const char*> extensions) {
  std::vector<std::filesystem::path> files;
  for (const char* folder : folders) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kSourceDir / "src" / folder)) {
      if (!entry.is_regular_file()) continue;
      const std::string extension = entry.path().extension().string();
      if (std::ranges::find(extensions, extension) != extensions.end()) files.push_back(entry.path());
    }
  }
  std::ranges::sort(files);
  return files;
}

TEST(Catalogues, every_text_a_template_names_is_in_both) {
  const std::regex placeholder(R"(\[\[([a-zA-Z0-9_]+)\]\])");
  std::size_t count = 0;
  for (const auto& file : source_files({"web"}, {".mustache"})) {
    const std::string text = read_text(file);
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
      expect_key((*it)[1].str(), file.filename().string());
      ++count;
    }
  }
  EXPECT_GT(count, 200U);
}

// Literals in the code that look like keys of the catalogue (a word of a key family, "_", more
// words) in files that look texts up (t(, text(, words(): each must be a key of both. These
// are literals of that form that are no texts: template names, form fields, status codes.
const std::set<std::string> kNotTexts = {
    "account_admin", "account_issued", "account_revoke", "accounts_admin",  // templates
    "assessment_areas", "assessment_outcome", "people_search", "held_form",  // templates
    "not_started", "reminder_preview", "reminder_sent",                      // templates
    "learning_activity",                                                     // a template
    "held_path",                                                             // a form field
    "conversation_held", "followed_up",                                      // form fields, status codes
    "plan",                                                                  // a template
    "import_preview", "import_status",                                       // templates
    "registration_", "registration_refused_",                                // prefixes of registration outcomes
};

TEST(Catalogues, every_key_the_code_names_is_in_both) {
  const auto swedish = read_po(po_directory() / "sv.po");
  std::set<std::string> families;
  for (const auto& entry : swedish) families.insert(entry.context.substr(0, entry.context.find('_')));
  const std::regex looks_up(R"(\b(t|text|words|given_or_words|find_text)\()");
  const std::regex literal(R"re("([a-z][a-z0-9]*(_[a-z0-9]+)+)")re");
  std::size_t count = 0;
  for (const auto& file : source_files({"web", "report", "app"}, {".cpp", ".hpp"})) {
    const std::string text = read_text(file);
    if (!std::regex_search(text, looks_up)) continue;
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
      const std::string key = (*it)[1].str();
      if (!families.contains(key.substr(0, key.find('_'))) || kNotTexts.contains(key)) continue;
      const auto at = static_cast<std::size_t>(it->position());
      if (at >= 5 && text.compare(at - 5, 5, ".set(") == 0) continue;  // a template's name for a value
      expect_key(key, file.filename().string());
      ++count;
    }
  }
  EXPECT_GT(count, 300U);
}

// Keys the code puts together from a family and a code.
TEST(Catalogues, every_key_made_from_a_code_is_in_both) {
  for (std::size_t i = 0; i < core::kProgressStates; ++i) {
    expect_key("status_" + std::string(core::to_code(static_cast<core::Progress>(i))), "status_label");
  }
  for (const char* gender : {"K", "M", "X"}) expect_key(std::string("gender_") + gender, "gap_charts.cpp");
  for (int value = 1; value <= 5; ++value) expect_key("motivation_" + std::to_string(value), "assessment_page.cpp");
  for (const char* role : {"employee", "manager", "hr", "admin", "observer"}) {
    expect_key(std::string("role_") + role, "account_role_label");
    EXPECT_TRUE(role == std::string_view("manager") || core::parse_account_role(role)) << role;
  }
  for (std::string_view column : io::kKeyFiguresCsvColumns) expect_key("csv_" + std::string(column), "figures_csv");
  for (std::string_view column : io::kForecastCsvColumns) expect_key("csv_" + std::string(column), "forecast_csv");
  // Läraktiviteter (learning_page.cpp): groupings, statuses, fields and their errors.
  for (const char* by : {"none", "gender", "unit", "activity", "format", "area", "month"}) {
    expect_key(std::string("learning_by_") + by, "learning_page.cpp");
  }
  for (std::size_t i = 0; i < core::kParticipationStatuses; ++i) {
    expect_key("learning_participation_" + std::string(core::to_code(static_cast<core::ParticipationStatus>(i))),
               "learning_page.cpp");
  }
  for (const char* status : {"planned", "open", "closed", "cancelled"}) {
    EXPECT_TRUE(core::parse_activity_status(status)) << status;
    expect_key(std::string("learning_status_") + status, "learning_page.cpp");
  }
  for (const char* field : {"code", "title", "description", "format", "provider", "framework", "competencies",
                            "level_from", "level_to", "hours", "starts", "ends", "capacity", "audience_roles", "theme"}) {
    expect_key(std::string("learning_field_") + field, "learning_page.cpp");
    expect_key(std::string("learning_error_") + field, "learning_page.cpp");
  }
  expect_key("learning_error_status", "learning_page.cpp");
  for (const char* by : {"kod", "namn"}) expect_key(std::string("import_units_by_") + by, "import_page.cpp");
  // The supply plan's report (report/supply_plan/supply_plan_texts.hpp): every code's label.
  for (int ubara = 0; ubara < 6; ++ubara) expect_key(report::ubara_key(static_cast<core::supply::Ubara>(ubara)), "supply_plan_texts");
  for (int status = 0; status < 8; ++status) {
    expect_key(report::shown_status_key(static_cast<core::supply::ShownStatus>(status)), "supply_plan_texts");
  }
  for (int state = 0; state < 3; ++state) {
    expect_key(report::indicator_state_key(static_cast<core::supply::IndicatorState>(state)), "supply_plan_texts");
  }
  for (int checkpoint = 0; checkpoint < 3; ++checkpoint) {
    expect_key(report::checkpoint_key(static_cast<core::supply::Checkpoint>(checkpoint)), "supply_plan_texts");
  }
}

}  // namespace
}  // namespace trappa::web
