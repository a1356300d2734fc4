// The readers and writers at the file doors (docs/security-input.md): control characters,
// over-long fields, stray cells, non-numbers, duplicate JSON keys, and the CSV writer's
// quoting that lets every stored text come back byte for byte.
#include <gtest/gtest.h>

#include "io/csv/csv_reader.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {
namespace {

std::string first_problem(const core::Error& error) {
  return error.problems.empty() ? error.message : error.problems.front().to_string();
}

TEST(CsvDoors, refuse_control_characters_at_their_place) {
  const auto nul = parse_csv(std::string("code,name\nA,n\0l\n", 16), "f.csv");
  ASSERT_FALSE(nul);
  EXPECT_EQ(first_problem(nul.error()), "f.csv:2:4: the text contains the control character U+0000, which no field may hold");
  const auto escape = parse_csv("code,name\nA,\"quoted \x1B[2J\"\n", "f.csv");
  ASSERT_FALSE(escape);
  EXPECT_EQ(first_problem(escape.error()),
            "f.csv:2:11: the text contains the control character U+001B, which no field may hold");
  EXPECT_TRUE(parse_csv("code,name\nA,\"tab\there\r\nand a line\"\r\n", "f.csv"));
}

TEST(CsvDoors, refuse_a_field_longer_than_4096_bytes_at_its_start) {
  EXPECT_TRUE(parse_csv("code,name\nA," + std::string(4096, 'x') + "\n", "f.csv"));
  for (const std::string& field : {std::string(4097, 'x'), "\"" + std::string(5000, 'x') + "\"",
                                   "\"" + std::string(5000, 'x')}) {
    for (const std::string& after : {std::string("\n"), std::string(",B\n"), std::string()}) {
      const auto table = parse_csv("code,name\nA," + field + after, "f.csv");
      ASSERT_FALSE(table) << field.size() << after;
      EXPECT_EQ(first_problem(table.error()), "f.csv:2:3: the field is longer than 4096 bytes (is a closing quote missing?)");
    }
  }
}

TEST(CsvDoors, refuse_cells_beyond_the_header_naming_the_first) {
  const auto table = parse_csv("code,name\nA,Kultur, Årsta\nB,ok\nC,x,y,z\n", "f.csv");
  ASSERT_TRUE(table);
  const auto columns = CsvColumns::bind(*table, {"code", "name"});
  ASSERT_FALSE(columns);
  ASSERT_EQ(columns.error().problems.size(), 2u);
  EXPECT_EQ(columns.error().problems[0].to_string(), "f.csv:2:10: more cells than header columns (2); quote values that hold ','");
  EXPECT_EQ(columns.error().problems[1].where, "f.csv:4:5");
}

TEST(CsvDoors, nan_and_infinity_are_not_decimals) {
  for (const char* text : {"nan", "NaN", "inf", "-inf", "infinity", "1e400"}) {
    EXPECT_FALSE(parse_decimal(text).has_value()) << text;
  }
  EXPECT_EQ(parse_decimal("0,5"), 0.5);
}

TEST(CsvDoors, every_text_written_reads_back_byte_for_byte) {
  const std::vector<std::string> texts{"'; DROP TABLE people;--", "dubbla \"citat\"", "bak\\snedstreck \\\\",
                                       "  inledande och avslutande  ", "\ttab", "slut\t", "semikolon; komma, ok",
                                       "rad ett\nrad två", "100 % _", "", "Åsa ☃ 𝄞"};
  std::string text = csv_line({"code", "name"});
  for (const std::string& name : texts) text += csv_line({"A", name});
  const auto table = parse_csv(text, "f.csv");
  ASSERT_TRUE(table) << table.error().describe();
  ASSERT_EQ(table->records.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(table->records[i].fields[1].text, texts[i]);
}

TEST(CsvDoors, spreadsheet_dialects_keep_codes_as_text_and_read_them_back) {
  // A spreadsheet turns 1.1 into a number (or 1 January), 007 into 7; the sv and en dialects
  // write them with the apostrophe that keeps them text, numbers and plain years stay as they are.
  const std::string line = CsvRow(kSwedishSpreadsheetCsv).text("1.1").text("007").text("1/2").text("1961")
                               .text("2025-12-31").text("P01").number("-0.5").line();
  EXPECT_EQ(line, "'1.1;'007;'1/2;1961;2025-12-31;P01;-0,5\n");
  EXPECT_EQ(CsvRow(kEnglishSpreadsheetCsv).text("1.2.3").line(), "'1.2.3\n");
  EXPECT_EQ(CsvRow(kMachineCsv).text("1.1").line(), "1.1\n");
  const auto table = parse_csv(std::string(csv_start(kSwedishSpreadsheetCsv)) + "code;x;y;z\n" + line, "f.csv");
  ASSERT_TRUE(table) << table.error().describe();
  ASSERT_EQ(table->records.size(), 1U);
  EXPECT_EQ(table->records[0].fields[0].text, "1.1");
  EXPECT_EQ(table->records[0].fields[1].text, "007");
  EXPECT_EQ(table->records[0].fields[2].text, "1/2");
  EXPECT_EQ(table->records[0].fields[3].text, "1961");
}

struct JsonCase {
  const char* name;
  std::string text;
  std::string problem;  // the first problem, "" when the text is accepted
};

class JsonDoors : public testing::TestWithParam<JsonCase> {};

TEST_P(JsonDoors, name_the_place_of_each_problem) {
  const JsonCase& json_case = GetParam();
  const auto value = parse_json_text(json_case.text, "f.json");
  if (json_case.problem.empty()) {
    EXPECT_TRUE(value) << json_case.name << ": " << value.error().describe();
  } else {
    ASSERT_FALSE(value) << json_case.name;
    EXPECT_EQ(first_problem(value.error()), json_case.problem) << json_case.name;
  }
}

INSTANTIATE_TEST_SUITE_P(
    JsonText, JsonDoors,
    testing::Values(
        JsonCase{"plain", "{\"a\": [1, {\"a\": 2}]}", ""},
        JsonCase{"byte_order_mark", "\xEF\xBB\xBF{\"a\": 1}", ""},
        JsonCase{"same_key_in_different_objects", "{\"a\": {\"b\": 1}, \"c\": {\"b\": 2}}", ""},
        JsonCase{"duplicate_key", "{\n  \"id\": 1,\n  \"id\": 2\n}", "f.json:3:6: the key 'id' appears twice in one object"},
        JsonCase{"duplicate_nested_key", "{\"a\": {\"x\": 1, \"x\": 1}}", "f.json:1:18: the key 'x' appears twice in one object"},
        JsonCase{"duplicate_key_written_with_escapes", "{\"id\": 1, \"\\u0069d\": 2}",
                 "f.json:1:19: the key 'id' appears twice in one object"},
        JsonCase{"text_after_document", "{}\n{}", "f.json:2:1: unexpected text after the end of the JSON document"},
        JsonCase{"invalid_utf8", "{\"a\": \"\xC5\"}", "f.json:1:8: the text is not valid UTF-8 (save the file as UTF-8)"},
        JsonCase{"raw_nul", std::string("{\"a\": \"\0\"}", 10), "f.json:1:8: the text contains the control character U+0000"},
        JsonCase{"nesting_33", std::string(33, '[') + std::string(33, ']'), "f.json:1:33: too deep"},
        JsonCase{"empty", "", "f.json:1:1: incomplete JSON"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace trappa::io
