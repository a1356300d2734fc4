// The survey instrument file (io/json/survey_instrument_json.hpp): the shipped templates load,
// the canonical form reads back to the same instrument, and every problem names its JSON path.
#include "io/json/survey_instrument_json.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace trappa::io {
namespace {

const std::filesystem::path kTemplates = std::filesystem::path(TRAPPA_DATA_DIR) / "maturity";

std::vector<std::string> problems_of(std::string_view text) {
  const auto read = parse_survey_instrument(text, "f.json");
  EXPECT_FALSE(read.has_value());
  std::vector<std::string> problems;
  if (!read) {
    for (const core::Problem& problem : read.error().problems) problems.push_back(problem.to_string());
    if (read.error().problems.empty()) problems.push_back(read.error().message);
  }
  return problems;
}

TEST(SurveyInstrumentJson, ThePublicSectorTemplateHasSixDimensionsInSwedishAndEnglish) {
  const auto instrument = read_survey_instrument_file(kTemplates / "offentlig-digital-mognad.json");
  ASSERT_TRUE(instrument.has_value()) << instrument.error().describe();
  ASSERT_EQ(instrument->nodes.size(), 6u);
  for (const core::SurveyNode& dimension : instrument->nodes) {
    EXPECT_EQ(dimension.kind, core::SurveyNodeKind::kDimension);
    EXPECT_FALSE(dimension.name.sv.empty());
    EXPECT_FALSE(dimension.name.en.empty());
    EXPECT_GE(dimension.children.size(), 2u) << dimension.code;
  }
  for (const core::SurveyItem* item : core::survey_items(*instrument)) {
    EXPECT_EQ(item->scale_min, 1);
    EXPECT_EQ(item->scale_max, 5);
    EXPECT_EQ(item->labels.size(), 5u);  // from "defaults"
    EXPECT_TRUE(item->not_applicable_allowed);
    EXPECT_FALSE(item->statement.en.empty());
  }
}

TEST(SurveyInstrumentJson, TheDigCompSatItemBankKeepsItsAttribution) {
  const auto instrument = read_survey_instrument_file(kTemplates / "digcompsat.json");
  ASSERT_TRUE(instrument.has_value()) << instrument.error().describe();
  EXPECT_NE(instrument->attribution.find("CC BY 4.0"), std::string::npos);
  EXPECT_NE(instrument->attribution.find("Joint Research Centre"), std::string::npos);
  EXPECT_EQ(instrument->framework, "digcomp-2-2");
  const auto items = core::survey_items(*instrument);
  ASSERT_EQ(items.size(), 12u);
  EXPECT_EQ(items[0]->statement.en,
            "I know that different search engines may give different search results, because they are influenced by "
            "commercial factors.");
  EXPECT_EQ(items[0]->labels.size(), 4u);
}

TEST(SurveyInstrumentJson, TheCanonicalFormReadsBackToTheSameInstrument) {
  for (const char* name : {"offentlig-digital-mognad.json", "digcompsat.json"}) {
    const auto instrument = read_survey_instrument_file(kTemplates / name);
    ASSERT_TRUE(instrument.has_value());
    const std::string canonical = write_survey_instrument_json(*instrument);
    const auto again = parse_survey_instrument(canonical, "canonical.json");
    ASSERT_TRUE(again.has_value()) << again.error().describe();
    EXPECT_EQ(*again, *instrument) << name;
    EXPECT_EQ(write_survey_instrument_json(*again), canonical);
  }
}

TEST(SurveyInstrumentJson, ShapeProblemsNameTheirJsonPath) {
  const auto problems = problems_of(R"({"format": "trappa-survey-instrument", "format_version": 1,
    "instrument": "x", "instrument_version": 1, "title": {"sv": "X"}, "colour": "red",
    "nodes": [{"code": "d", "kind": "area", "name": {"sv": "D"},
               "items": [{"code": "i", "statement": {"sv": "S"}, "scale_max": "5", "reversed": 1}]}]})");
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "f.json: $.colour: unknown field",
                          "f.json: $.nodes[0].kind: \"dimension\", \"category\" or \"capability\" expected",
                          "f.json: $.nodes[0].items[0].scale_max: a whole number from -1000 to 1000 expected",
                          "f.json: $.nodes[0].items[0].reversed: true or false expected"}));
}

TEST(SurveyInstrumentJson, MissingFieldsAreNamed) {
  const auto problems = problems_of(R"({"format": "trappa-survey-instrument", "nodes": [{"code": "d"}]})");
  EXPECT_EQ(problems, (std::vector<std::string>{"f.json: $.nodes[0].kind: missing", "f.json: $.nodes[0].name: missing",
                                                "f.json: $.format_version: missing", "f.json: $.instrument: missing",
                                                "f.json: $.instrument_version: missing", "f.json: $.title: missing"}));
}

TEST(SurveyInstrumentJson, ContentProblemsFollowOnceTheShapeIsRight) {
  const auto problems = problems_of(R"({"format": "trappa-survey-instrument", "format_version": 1,
    "instrument": "x", "instrument_version": 1, "title": {"sv": "X"},
    "nodes": [{"code": "d", "kind": "dimension", "name": {"sv": "D"}, "weight": -1,
               "items": [{"code": "i", "statement": {"sv": "S"}, "scale_min": 3, "scale_max": 3},
                         {"code": "i", "statement": {"sv": "T"}}]}]})");
  EXPECT_EQ(problems, (std::vector<std::string>{"f.json: $.nodes[0].weight: a number above 0 expected",
                                                "f.json: $.nodes[0].items[0].scale_max: must be above scale_min (3)",
                                                "f.json: $.nodes[0].items[1].code: the item code 'i' is used twice"}));
}

TEST(SurveyInstrumentJson, ASyntaxErrorNamesLineAndColumn) {
  const auto read = parse_survey_instrument("{\n  \"format\": ,\n}", "f.json");
  ASSERT_FALSE(read.has_value());
  EXPECT_NE(read.error().describe().find("f.json:2:"), std::string::npos) << read.error().describe();
}

}  // namespace
}  // namespace trappa::io
