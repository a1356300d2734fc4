// Printing HTML to PDF with the real headless Chromium (app/printing): Swedish letters intact,
// pages numbered by the document's own CSS, table rows never split across pages, and every
// failure named with nothing half-written. The PDF is read back with poppler's pdftotext and
// pdfinfo (Debian's poppler-utils).
#include "app/printing/html_to_pdf.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace trappa::app {
namespace {

namespace fs = std::filesystem;

std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, read);
  ::pclose(pipe);
  return output;
}

std::string page_text(const fs::path& pdf, int page) {
  return run("pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" + pdf.string() +
             "' -");
}

int page_count(const fs::path& pdf) {
  const std::string info = run("pdfinfo '" + pdf.string() + "'");
  const auto at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class HtmlToPdf : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!find_pdf_browser()) GTEST_SKIP() << "no Chromium here (scripts/bootstrap.sh test installs it)";
    std::string pattern = (fs::temp_directory_path() / "trappa-pdf-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    if (!directory_.empty()) fs::remove_all(directory_, ignored);
  }
  fs::path directory_;
};

constexpr std::string_view kPageStyle =
    "<style>@page { size: A4; margin: 20mm 15mm; "
    "@bottom-right { content: \"Sida \" counter(page) \" av \" counter(pages); } }"
    "body { font-family: sans-serif; } table { border-collapse: collapse; width: 100%; }"
    "tr { break-inside: avoid; } td { border: 1px solid #999; padding: 4px; vertical-align: top; }</style>";

TEST_F(HtmlToPdf, swedish_letters_survive_printing) {
  const std::string html = std::string("<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\">") +
                           std::string(kPageStyle) +
                           "</head><body><h1>Kompetensförsörjningsplan 2025–2027</h1>"
                           "<p>Åtgärder för äldreomsorgen: öka behörigheten, Östermalm, Älvsjö.</p></body></html>";
  const fs::path pdf = directory_ / "plan.pdf";
  const auto printed = print_html_to_pdf(html, pdf);
  ASSERT_TRUE(printed) << printed.error().describe();
  const std::string text = page_text(pdf, 1);
  // pdftotext breaks the line after the dash; the letters are what matters.
  EXPECT_NE(text.find("Kompetensförsörjningsplan 2025–"), std::string::npos) << text;
  EXPECT_NE(text.find("Åtgärder för äldreomsorgen: öka behörigheten, Östermalm, Älvsjö."), std::string::npos) << text;
  EXPECT_NE(text.find("Sida 1 av 1"), std::string::npos) << text;
  EXPECT_FALSE(fs::exists(pdf.string() + ".part"));
}

TEST_F(HtmlToPdf, pages_are_numbered_and_no_table_row_is_split_across_pages) {
  std::string html = std::string("<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\">") +
                     std::string(kPageStyle) + "</head><body><h1>Aktiviteter</h1><table>";
  constexpr int kRows = 90;
  for (int row = 1; row <= kRows; ++row) {
    // Cells that wrap over several lines, so a careless page break would cut a row in two.
    // The row's first words and its last ones, so a row cut in two shows its start on one page
    // and its end on the next.
    html += "<tr><td>" + std::to_string(row) + "</td><td>rad" + std::to_string(row) + "början ";
    for (int word = 0; word < 60; ++word) html += "kompetens ";
    html += "rad" + std::to_string(row) + "slut</td></tr>";
  }
  html += "</table></body></html>";
  const fs::path pdf = directory_ / "rows.pdf";
  const auto printed = print_html_to_pdf(html, pdf);
  ASSERT_TRUE(printed) << printed.error().describe();

  const int pages = page_count(pdf);
  ASSERT_GE(pages, 3);
  int rows_seen = 0;
  for (int page = 1; page <= pages; ++page) {
    const std::string text = page_text(pdf, page);
    EXPECT_NE(text.find("Sida " + std::to_string(page) + " av " + std::to_string(pages)), std::string::npos)
        << "page " << page << ":\n" << text;
    for (int row = 1; row <= kRows; ++row) {
      const bool starts = text.find("rad" + std::to_string(row) + "början") != std::string::npos;
      const bool ends = text.find("rad" + std::to_string(row) + "slut") != std::string::npos;
      EXPECT_EQ(starts, ends) << "row " << row << " is split at page " << page;
      rows_seen += starts ? 1 : 0;
    }
  }
  EXPECT_EQ(rows_seen, kRows);
}

TEST_F(HtmlToPdf, a_missing_browser_is_named_with_the_package_to_install) {
  ::setenv("TRAPPA_CHROMIUM", (directory_ / "no-such-browser").c_str(), 1);
  const auto printed = print_html_to_pdf("<p>x</p>", directory_ / "x.pdf");
  ::unsetenv("TRAPPA_CHROMIUM");
  ASSERT_FALSE(printed);
  EXPECT_NE(printed.error().message.find("Debian package `chromium`"), std::string::npos) << printed.error().message;
  EXPECT_FALSE(fs::exists(directory_ / "x.pdf"));
}

TEST_F(HtmlToPdf, a_failed_print_keeps_the_previous_file_and_names_the_browser) {
  const fs::path pdf = directory_ / "kept.pdf";
  std::ofstream(pdf) << "the previous report";
  const auto printed = print_html_to_pdf("<p>x</p>", pdf, {.browser = "/bin/false"});
  ASSERT_FALSE(printed);
  EXPECT_NE(printed.error().message.find("/bin/false, exit status 1"), std::string::npos) << printed.error().message;
  EXPECT_EQ(read_file(pdf), "the previous report");
  EXPECT_FALSE(fs::exists(pdf.string() + ".part"));
}

TEST_F(HtmlToPdf, a_browser_that_hangs_is_stopped_at_the_timeout) {
  const fs::path hanging = directory_ / "hanging-browser";
  std::ofstream(hanging) << "#!/bin/sh\necho starting\nsleep 60\n";
  fs::permissions(hanging, fs::perms::owner_all);
  const auto printed = print_html_to_pdf("<p>x</p>", directory_ / "late.pdf",
                                         {.browser = hanging, .timeout = std::chrono::seconds(1)});
  ASSERT_FALSE(printed);
  EXPECT_NE(printed.error().message.find("did not print within 1 s"), std::string::npos) << printed.error().message;
  EXPECT_NE(printed.error().message.find("starting"), std::string::npos) << printed.error().message;
  EXPECT_FALSE(fs::exists(directory_ / "late.pdf"));
}

}  // namespace
}  // namespace trappa::app
