// The CSV reader on real files from tests/fixtures/csv/: byte-order marks, ';' and ',',
// quoted fields, CRLF, Swedish letters, blank lines, and the FILE:LINE:COLUMN of each problem.
#include "io/csv/csv_reader.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace trappa::io {
namespace {

std::string fixture(const std::string& name) { return std::string(TRAPPA_FIXTURES_DIR) + "/csv/" + name; }

CsvTable read_fixture(const std::string& name) {
  auto table = read_csv_file(fixture(name));
  EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().describe());
  return table.value_or(CsvTable{});
}

std::vector<std::string> texts(const std::vector<CsvField>& fields) {
  std::vector<std::string> result;
  for (const CsvField& field : fields) result.push_back(field.text);
  return result;
}

std::vector<std::vector<std::string>> rows(const CsvTable& table) {
  std::vector<std::vector<std::string>> result;
  for (const CsvRecord& record : table.records) result.push_back(texts(record.fields));
  return result;
}

std::vector<int> record_lines(const CsvTable& table) {
  std::vector<int> lines;
  for (const CsvRecord& record : table.records) lines.push_back(record.line);
  return lines;
}

// The problems of a failed read, as the command line prints them.
std::vector<std::string> problems_of(const core::Result<CsvTable>& result) {
  std::vector<std::string> lines;
  if (result) return lines;
  for (const core::Problem& problem : result.error().problems) lines.push_back(problem.to_string());
  return lines;
}

const std::vector<std::string> kStaffHeader{"employee_id", "name", "unit_code", "employment_rate", "note"};
const std::vector<std::vector<std::string>> kStaffRows{
    {"E001", "Åsa Öberg", "KUL", "1,0", ""},
    {"E002", "Märta Ängström", "BIB-ÖST", "0,75", "Läser, skriver"},
    {"E003", "Lindqvist; Kim", "KUL", "0,5", "Föräldraledig\ntill mars"},
    {"E004", "Örjan Åkesson", "BIB-SKÄ", "1", ""},
};

TEST(CsvReader, reads_semicolon_separated_file_with_bom_and_crlf) {
  const CsvTable table = read_fixture("semicolon_bom_crlf.csv");
  EXPECT_EQ(table.separator, ';');
  EXPECT_EQ(texts(table.header), kStaffHeader);  // no BOM glued to the first name
  EXPECT_EQ(rows(table), kStaffRows);            // no '\r' left in any field
  EXPECT_EQ(record_lines(table), (std::vector<int>{2, 3, 4, 6}));
}

TEST(CsvReader, reads_comma_separated_file_with_lf_and_no_final_line_end_alike) {
  const CsvTable table = read_fixture("comma_lf.csv");
  EXPECT_EQ(table.separator, ',');
  EXPECT_EQ(texts(table.header), kStaffHeader);
  EXPECT_EQ(rows(table), kStaffRows);
  EXPECT_EQ(record_lines(table), (std::vector<int>{2, 3, 4, 6}));
}

TEST(CsvReader, counts_columns_in_characters_not_bytes) {
  const CsvTable table = read_fixture("semicolon_bom_crlf.csv");
  ASSERT_EQ(table.records.size(), 4u);
  // E002;Märta Ängström;BIB-ÖST;0,75;Läser, skriver
  const std::vector<CsvField>& fields = table.records[1].fields;
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_EQ(fields[0].column, 1);
  EXPECT_EQ(fields[1].column, 6);
  EXPECT_EQ(fields[2].column, 21);
  EXPECT_EQ(fields[3].column, 29);
  EXPECT_EQ(fields[4].column, 34);
  EXPECT_EQ(table.where(fields[3]), fixture("semicolon_bom_crlf.csv") + ":3:29");
}

TEST(CsvReader, places_quoted_fields_at_their_opening_quote_and_later_fields_on_their_own_line) {
  const CsvTable table = read_fixture("semicolon_bom_crlf.csv");
  ASSERT_EQ(table.records.size(), 4u);
  // E003;"Lindqvist; Kim";KUL;"0,5";"Föräldraledig<CRLF>till mars"
  const std::vector<CsvField>& fields = table.records[2].fields;
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_EQ(fields[1].line, 4);
  EXPECT_EQ(fields[1].column, 6);
  EXPECT_EQ(fields[2].column, 23);
  EXPECT_EQ(fields[4].column, 33);
  const CsvField& after_break = table.records[3].fields[2];  // BIB-SKÄ on line 6
  EXPECT_EQ(after_break.line, 6);
  EXPECT_EQ(after_break.column, 20);
}

TEST(CsvReader, reads_quoted_fields_with_separators_quotes_and_line_breaks_inside) {
  const CsvTable table = read_fixture("quoted_fields.csv");
  EXPECT_EQ(table.separator, ',');
  EXPECT_EQ(rows(table), (std::vector<std::vector<std::string>>{
                             {"A1", "Bibliotek, Östermalm", "Säger \"hej\"; på två\nrader"},
                             {"A2", "  mellanslag kvar  ", "trimmad"},
                             {"A3", "", ""},
                             {"A4", "O\"Brien", "\"citat\""},
                         }));
  EXPECT_EQ(record_lines(table), (std::vector<int>{2, 4, 5, 6}));
}

TEST(CsvReader, skips_blank_and_whitespace_only_lines) {
  const CsvTable table = read_fixture("blank_lines.csv");
  EXPECT_EQ(rows(table), (std::vector<std::vector<std::string>>{{"A", "Alfa"}, {"B", "Beta"}}));
  EXPECT_EQ(record_lines(table), (std::vector<int>{3, 6}));
}

TEST(CsvReader, reads_a_header_without_records_as_an_empty_table) {
  const CsvTable table = read_fixture("header_only.csv");
  EXPECT_EQ(table.separator, ';');
  EXPECT_EQ(texts(table.header), (std::vector<std::string>{"code", "name", "parent_code", "kind"}));
  EXPECT_TRUE(table.records.empty());
}

TEST(CsvReader, matches_header_names_in_any_order_and_case_and_ignores_extra_columns) {
  const CsvTable table = read_fixture("header_any_order.csv");
  auto columns = CsvColumns::bind(table, {"employee_id", "name", "email", "gender", "birth_year", "unit_code", "role",
                                          "manager_id"});
  ASSERT_TRUE(columns.has_value()) << columns.error().describe();
  ASSERT_EQ(table.records.size(), 2u);
  const CsvRecord& second = table.records[1];
  EXPECT_EQ(columns->get(second, "employee_id").text, "E003");
  EXPECT_EQ(columns->get(second, "name").text, "Örjan Åkesson");
  EXPECT_EQ(columns->get(second, "unit_code").text, "BIB-ÖST");
  EXPECT_EQ(columns->get(second, "role").text, "bibliotekarie");
  EXPECT_EQ(columns->get(second, "manager_id").text, "E001");
  EXPECT_EQ(columns->get(second, "email").text, "");
  EXPECT_TRUE(columns->has("gender"));
  EXPECT_FALSE(columns->has("anställningsform"));
  // Reported where the value is: "Örjan Åkesson" starts in column 15 of line 3.
  EXPECT_EQ(table.where(columns->get(second, "name")), fixture("header_any_order.csv") + ":3:15");
}

TEST(CsvReader, lists_every_missing_column_at_the_header) {
  const CsvTable table = read_fixture("header_only.csv");
  auto columns = CsvColumns::bind(table, {"code", "employee_id", "name", "manager_id"});
  ASSERT_FALSE(columns.has_value());
  EXPECT_EQ(columns.error().kind, core::ErrorKind::kInvalidInput);
  std::vector<std::string> problems;
  for (const core::Problem& problem : columns.error().problems) problems.push_back(problem.to_string());
  const std::string file = fixture("header_only.csv");
  EXPECT_EQ(problems, (std::vector<std::string>{
                          file + ":1:1: missing column 'employee_id' in the header row",
                          file + ":1:1: missing column 'manager_id' in the header row",
                      }));
}

TEST(CsvReader, reports_a_known_column_that_appears_twice_where_it_repeats) {
  const CsvTable table = read_fixture("duplicate_column.csv");
  auto columns = CsvColumns::bind(table, {"code", "name", "parent_code", "kind"});
  ASSERT_FALSE(columns.has_value());
  ASSERT_EQ(columns.error().problems.size(), 1u);
  EXPECT_EQ(columns.error().problems[0].to_string(),
            fixture("duplicate_column.csv") + ":1:11: column 'name' appears twice");
}

TEST(CsvReader, gives_an_empty_field_after_the_last_one_for_a_short_record) {
  auto table = parse_csv("code,name,parent_code,kind\nÅ,Åre\n", "kort.csv");
  ASSERT_TRUE(table.has_value()) << table.error().describe();
  auto columns = CsvColumns::bind(*table, {"code", "name", "parent_code", "kind"});
  ASSERT_TRUE(columns.has_value());
  const CsvField kind = columns->get(table->records.at(0), "kind");
  EXPECT_EQ(kind.text, "");
  EXPECT_EQ(table->where(kind), "kort.csv:2:6");
}

// Files that cannot be read at all: one problem, naming the place.
struct UnreadableCase {
  const char* file;
  const char* expected;  // after "<path>:"
};

class UnreadableCsv : public ::testing::TestWithParam<UnreadableCase> {};

TEST_P(UnreadableCsv, is_refused_with_file_line_and_column) {
  const auto result = read_csv_file(fixture(GetParam().file));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(result.error().message, "the file could not be read");
  EXPECT_EQ(problems_of(result), (std::vector<std::string>{fixture(GetParam().file) + ":" + GetParam().expected}));
}

INSTANTIATE_TEST_SUITE_P(
    CsvReader, UnreadableCsv,
    ::testing::Values(
        // "E002,Märta \xC4ngström": the Latin-1 Ä is the 12th character of line 3.
        UnreadableCase{"invalid_utf8.csv", "3:12: the text is not valid UTF-8 (save the file as UTF-8)"},
        UnreadableCase{"unterminated_quote.csv", "3:3: a quoted field is not closed"},
        UnreadableCase{"text_after_closing_quote.csv", "2:11: unexpected text after a closing quote"},
        UnreadableCase{"empty.csv", "1:1: the file is empty; expected a header row"},
        UnreadableCase{"only_blank_lines.csv", "1:1: the file is empty; expected a header row"}),
    [](const ::testing::TestParamInfo<UnreadableCase>& info) {
      std::string name = info.param.file;
      return name.substr(0, name.find('.'));
    });

TEST(CsvReader, names_a_missing_file) {
  const std::string path = fixture("finns_inte.csv");
  const auto result = read_csv_file(path);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(problems_of(result), (std::vector<std::string>{path + ": no such file or it cannot be opened"}));
}

TEST(CsvReader, reports_the_name_it_was_given_for_text_parsed_from_memory) {
  const auto result = parse_csv("a;b\n1;\"2\n", "personal.csv");
  EXPECT_EQ(problems_of(result), (std::vector<std::string>{"personal.csv:2:3: a quoted field is not closed"}));
}

struct NumberCase {
  const char* text;
  std::optional<long long> integer;
  std::optional<double> decimal;
};

class CsvNumbers : public ::testing::TestWithParam<NumberCase> {};

TEST_P(CsvNumbers, parse_whole_cells_only_with_point_or_comma_decimals) {
  EXPECT_EQ(parse_integer(GetParam().text), GetParam().integer) << GetParam().text;
  EXPECT_EQ(parse_decimal(GetParam().text), GetParam().decimal) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(CsvReader, CsvNumbers,
                         ::testing::Values(NumberCase{"1968", 1968, 1968.0}, NumberCase{"-3", -3, -3.0},
                                           NumberCase{"0,75", std::nullopt, 0.75},
                                           NumberCase{"0.75", std::nullopt, 0.75},
                                           NumberCase{"", std::nullopt, std::nullopt},
                                           NumberCase{"19x0", std::nullopt, std::nullopt},
                                           NumberCase{"12 ", std::nullopt, std::nullopt},
                                           NumberCase{"1,0,0", std::nullopt, std::nullopt}));

}  // namespace
}  // namespace trappa::io
