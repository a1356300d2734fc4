// The template engine: embedded .mustache files found by name, and the check mode that makes a
// misspelt {{name}} fail a test instead of rendering as nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "web/ui/embedded_templates.hpp"
#include "web/ui/template_engine.hpp"

namespace trappa::web {
namespace {

const std::filesystem::path kWebSources = std::filesystem::path(TRAPPA_DATA_DIR) / ".." / "src" / "web";

// Check mode on for one test, and off again whatever happens.
struct Checking {
  Checking() {
    (void)take_template_problems();
    set_template_checking(true);
  }
  ~Checking() {
    set_template_checking(false);
    (void)take_template_problems();
  }
};

TemplateData error_data() {
  TemplateData data;
  data.set("heading", std::string("Rubrik"));
  data.set("message", std::string("Text"));
  data.set("has_request_id", flag(false));
  return data;
}

TEST(Templates, every_mustache_file_under_src_web_is_embedded_byte_for_byte) {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kWebSources)) {
    if (entry.path().extension() != ".mustache") continue;
    const std::string name = entry.path().stem().string();
    EXPECT_TRUE(files.insert(name).second) << "two templates named " << name;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    EXPECT_EQ(template_source(name), content.str()) << entry.path();
  }
  std::set<std::string> embedded;
  for (const EmbeddedTemplate& entry : embedded_templates()) embedded.emplace(entry.name);
  EXPECT_EQ(embedded, files);
  EXPECT_TRUE(files.contains("layout"));
  EXPECT_TRUE(files.contains("assessment_areas"));
}

TEST(Templates, an_unknown_name_is_an_error_not_an_empty_page) {
  EXPECT_TRUE(template_source("no_such_template").empty());
  EXPECT_THROW((void)render("no_such_template", Language::kSwedish, TemplateData{}), std::invalid_argument);
}

TEST(Templates, a_misspelt_variable_renders_as_nothing_without_check_mode) {
  // The reason for check mode: Mustache itself says nothing.
  const std::string html =
      render_text("typo", "<h1>{{heading}}</h1><p>{{mesage}}</p>", Language::kSwedish, error_data());
  EXPECT_EQ(html, "<h1>Rubrik</h1><p></p>");
  EXPECT_EQ(take_template_problems(), std::vector<std::string>{});
}

TEST(Templates, check_mode_reports_a_misspelt_variable) {
  const Checking checking;
  (void)render_text("typo", "<h1>{{heading}}</h1><p>{{{mesage}}}</p>", Language::kSwedish, error_data());
  EXPECT_EQ(take_template_problems(), std::vector<std::string>{"typo: {{mesage}} resolved to nothing"});
}

TEST(Templates, check_mode_reports_a_flag_or_list_used_as_text) {
  const Checking checking;
  (void)render_text("kinds", "{{has_request_id}}", Language::kSwedish, error_data());
  EXPECT_EQ(take_template_problems(), std::vector<std::string>{"kinds: {{has_request_id}} is not text"});
}

TEST(Templates, check_mode_accepts_a_missing_section_as_false) {
  const Checking checking;
  const std::string html =
      render_text("sections", "{{#no_such_flag}}x{{/no_such_flag}}{{^also_missing}}y{{/also_missing}}{{heading}}",
                  Language::kSwedish, error_data());
  EXPECT_EQ(html, "yRubrik");
  EXPECT_EQ(take_template_problems(), std::vector<std::string>{});
}

TEST(Templates, check_mode_passes_an_embedded_page_given_all_its_data) {
  const Checking checking;
  const std::string html = render("error", Language::kEnglish, error_data());
  EXPECT_NE(html.find("<h1>Rubrik</h1>"), std::string::npos);
  EXPECT_EQ(take_template_problems(), std::vector<std::string>{});
}

TEST(Templates, check_mode_reports_data_an_embedded_page_lacks) {
  const Checking checking;
  TemplateData misspelt;  // as a handler that sets "mesage" instead of "message"
  misspelt.set("heading", std::string("Rubrik"));
  misspelt.set("mesage", std::string("Text"));
  misspelt.set("has_request_id", flag(false));
  (void)render("error", Language::kSwedish, misspelt);
  EXPECT_EQ(take_template_problems(), std::vector<std::string>{"error: {{message}} resolved to nothing"});
}

}  // namespace
}  // namespace trappa::web
