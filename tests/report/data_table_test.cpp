#include "report/charts/data_table.hpp"

#include <string>

#include <gtest/gtest.h>

#include "sample_charts.hpp"
#include "xml_tree.hpp"

namespace trappa::report {
namespace {

using testing::parse_xml;
using testing::XmlElement;

const std::string kNbsp = "\u00a0";

struct TableCase {
  std::string name;
  DataTable table;
  std::size_t columns;  // data columns, not counting the label column
  std::size_t rows;
  std::vector<std::string> cells;  // some cell texts that must appear
};

class EveryTable : public ::testing::TestWithParam<TableCase> {};

INSTANTIATE_TEST_SUITE_P(
    Charts, EveryTable,
    ::testing::Values(
        TableCase{"bar_chart", table_for(testing::sample_bar_chart()), 2, 5, {"29" + kNbsp + "%", "–", "22" + kNbsp + "%"}},
        TableCase{"level_chart", table_for(testing::sample_level_chart()), 1, 3, {"3,05", "2,40"}},
        TableCase{"stacked_bar", table_for(testing::sample_stacked_bar()), 2, 5, {"120", "25" + kNbsp + "%", "480"}},
        TableCase{"heatmap", table_for(testing::sample_heatmap()), 6, 4, {"95" + kNbsp + "%", "–"}},
        TableCase{"population_pyramid", table_for(testing::sample_pyramid()), 4, 6, {"1" + kNbsp + "024", "612"}},
        TableCase{"line_chart", table_for(testing::sample_line_chart()), 3, 3, {"1" + kNbsp + "021", "980"}}),
    [](const auto& info) { return info.param.name; });

TEST_P(EveryTable, has_a_caption_column_headers_and_row_headers) {
  const auto parsed = parse_xml(data_table_html(GetParam().table));
  ASSERT_EQ(parsed.error, "");
  const XmlElement& table = *parsed.root;
  EXPECT_EQ(table.name, "table");
  ASSERT_FALSE(table.children.empty());
  EXPECT_EQ(table.children[0]->name, "caption");
  EXPECT_TRUE(table.children[0]->deep_text().starts_with(GetParam().table.caption));
  std::size_t column_headers = 0;
  std::size_t row_headers = 0;
  for (const XmlElement* th : table.all_named("th")) {
    const auto scope = th->attribute("scope");
    ASSERT_TRUE(scope) << th->deep_text();
    column_headers += *scope == "col";
    row_headers += *scope == "row";
  }
  EXPECT_EQ(column_headers, GetParam().columns + 1);
  EXPECT_EQ(row_headers, GetParam().rows);
  EXPECT_EQ(table.all_named("td").size(), GetParam().columns * GetParam().rows);
}

TEST_P(EveryTable, shows_numbers_in_swedish_format) {
  const auto parsed = parse_xml(data_table_html(GetParam().table));
  ASSERT_EQ(parsed.error, "");
  std::vector<std::string> cells;
  for (const XmlElement* td : parsed.root->all_named("td")) cells.push_back(td->deep_text());
  for (const std::string& expected : GetParam().cells) {
    EXPECT_NE(std::find(cells.begin(), cells.end(), expected), cells.end()) << expected;
  }
}

TEST(DataTableHtml, escapes_every_text_and_explains_the_dash) {
  DataTable table{"<Rubrik> & \"citat\"", "Namn & <typ>", {{"A<B", NumberFormat::share()}},
                  {{"<script>alert('x')</script>", {std::nullopt}}}, "Not & <mer>"};
  const std::string html = data_table_html(table);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  const auto parsed = parse_xml(html);
  ASSERT_EQ(parsed.error, "");
  EXPECT_NE(parsed.root->children[0]->deep_text().find("<Rubrik> & \"citat\""), std::string::npos);
  EXPECT_NE(parsed.root->children[0]->deep_text().find("Not & <mer>"), std::string::npos);
  EXPECT_NE(parsed.root->children[0]->deep_text().find("Ett streck (–) betyder ingen uppgift"), std::string::npos);
  EXPECT_EQ(parsed.root->all_named("th")[2]->deep_text(), "<script>alert('x')</script>");
}

TEST(DataTableHtml, has_no_style_attribute_and_marks_number_cells_for_page_css) {
  const std::string html = data_table_html(table_for(testing::sample_heatmap()));
  EXPECT_EQ(html.find("style="), std::string::npos);
  const auto parsed = parse_xml(html);
  ASSERT_EQ(parsed.error, "");
  for (const XmlElement* td : parsed.root->all_named("td")) EXPECT_EQ(td->attribute("class"), "num");
}

TEST(DataTableCsv, uses_points_commas_and_fractions_with_a_header_row) {
  const std::string csv = data_table_csv(table_for(testing::sample_bar_chart()));
  EXPECT_EQ(csv,
            "Kompetensområde,2025 (andel 0–1),2024 (andel 0–1)\n"
            "Digital kommunikation,0.29,0.31\n"
            "Informationssäkerhet & dataskydd,0.42,0.35\n"
            "Digitala verktyg,0.12,0.18\n"
            "Data och analys,0.36,0.40\n"
            "Innovation,,0.22\n");
}

TEST(DataTableCsv, writes_counts_and_decimals_without_grouping_or_comma) {
  EXPECT_EQ(data_table_csv(table_for(testing::sample_line_chart())),
            "År,Totalt,Kvinnor,Män\n2023,980,590,385\n2024,1004,601,398\n2025,1021,612,406\n");
  EXPECT_EQ(data_table_csv(table_for(testing::sample_level_chart())),
            "Kategori,Medelnivå\nDigital kommunikation,3.05\nInformationssäkerhet,2.40\nDigitala verktyg,3.60\n");
}

TEST(DataTableCsv, quotes_separators_and_defuses_formulas) {
  DataTable table{"t", "Enhet", {{"Antal", NumberFormat::count()}},
                  {{"Vård, omsorg \"Syd\"", {3}}, {"=HYPERLINK(\"x\")", {1}}, {"-2+3", {-2}}, {"@sum", {0}}}, ""};
  EXPECT_EQ(data_table_csv(table),
            "Enhet,Antal\n"
            "\"Vård, omsorg \"\"Syd\"\"\",3\n"
            "\"'=HYPERLINK(\"\"x\"\")\",1\n"
            "'-2+3,-2\n"
            "'@sum,0\n");
}

TEST(DataTableCsv, starts_with_a_byte_order_mark_only_for_spreadsheets) {
  const DataTable table{"t", "Å", {}, {}, ""};
  EXPECT_EQ(data_table_csv(table), "Å\n");
  EXPECT_EQ(data_table_csv(table, io::kEnglishSpreadsheetCsv), "\xEF\xBB\xBFÅ\n");
  EXPECT_EQ(data_table_csv(table, io::kSwedishSpreadsheetCsv), "\xEF\xBB\xBFÅ\n");
}

// A Swedish spreadsheet reads "3.05" as text and splits at ','; the sv dialect writes what it
// reads as numbers, and a negative number stays a number while a text that would run is
// defused.
TEST(DataTableCsv, the_swedish_dialect_uses_semicolons_and_decimal_commas) {
  EXPECT_EQ(data_table_csv(table_for(testing::sample_level_chart()), io::kSwedishSpreadsheetCsv),
            "\xEF\xBB\xBFKategori;Medelnivå\nDigital kommunikation;3,05\nInformationssäkerhet;2,40\n"
            "Digitala verktyg;3,60\n");
  DataTable table{"t", "Enhet", {{"Förändring", NumberFormat::count()}},
                  {{"Vård; omsorg", {-2}}, {"-2+3", {1}}}, ""};
  EXPECT_EQ(data_table_csv(table, io::kSwedishSpreadsheetCsv),
            "\xEF\xBB\xBF" "Enhet;Förändring\n\"Vård; omsorg\";-2\n'-2+3;1\n");
}

// The XLSX beside the CSV: the same header and rows, the label column text (a code such as
// 1.1 or a name such as =HYPERLINK(…) stays text), shares percentages, counts numbers.
TEST(DataTableSheet, types_labels_as_text_shares_as_percentages_and_counts_as_numbers) {
  DataTable table{"t", "Område", {{"2026", NumberFormat::share()}, {"Antal", NumberFormat::count()}},
                  {{"1.1", {0.25, 12}}, {"=HYPERLINK(\"x\")", {std::nullopt, 3}}}, ""};
  const io::XlsxSheet sheet = data_table_sheet(table, "behov");
  EXPECT_EQ(sheet.name, "behov");
  ASSERT_EQ(sheet.columns.size(), 3u);
  EXPECT_EQ(sheet.columns[0], io::XlsxColumn::kText);
  EXPECT_EQ(sheet.columns[1], io::XlsxColumn::kPercentage);
  EXPECT_EQ(sheet.columns[2], io::XlsxColumn::kNumber);
  ASSERT_EQ(sheet.rows.size(), 3u);
  EXPECT_EQ(sheet.rows[0], (std::vector<std::string>{"Område", "2026 (andel 0–1)", "Antal"}));
  EXPECT_EQ(sheet.rows[1], (std::vector<std::string>{"1.1", "0.25", "12"}));
  EXPECT_EQ(sheet.rows[2], (std::vector<std::string>{"=HYPERLINK(\"x\")", "", "3"}));
  EXPECT_TRUE(io::write_xlsx({sheet}).has_value());
}

TEST(TableFor, a_pyramid_table_lists_bands_youngest_first_with_totals) {
  const DataTable table = table_for(testing::sample_pyramid());
  ASSERT_EQ(table.columns.size(), 4u);
  EXPECT_EQ(table.columns[2].heading, "Annat/ej angivet");
  EXPECT_EQ(table.rows.front().label, "–29");
  EXPECT_EQ(table.rows.back().label, "Totalt");
  EXPECT_EQ(table.rows.back().values, (std::vector<std::optional<double>>{612, 409, 3, 1024}));
}

}  // namespace
}  // namespace trappa::report
