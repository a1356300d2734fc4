// The maturity results file and the indicator file (io/imports/maturity_import.hpp,
// io/imports/indicator_import.hpp, docs/maturity.md): the formats as documented, and every
// error case with its message, all reported at once.
#include <gtest/gtest.h>

#include "core/base/date.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/imports/indicator_import.hpp"
#include "io/imports/maturity_import.hpp"

namespace trappa::io {
namespace {

const std::vector<core::Unit> kUnits{{"KF", "Kulturförvaltningen", "", core::UnitKind::kAdministration},
                                     {"KF-S", "Stadsbiblioteket", "KF", core::UnitKind::kDepartment},
                                     {"KF-X", "Liten enhet", "KF", core::UnitKind::kUnit}};

constexpr const char* kMaturityHeader = "unit,date,instrument,dimension,category,value,benchmark,respondents";

core::Result<std::vector<core::MaturityMeasurement>> read_maturity(const std::string& text) {
  auto table = parse_csv(text, "m.csv");
  EXPECT_TRUE(table.has_value());
  if (!table) return std::unexpected(table.error());
  return read_maturity_results(*table, kUnits);
}

std::vector<std::string> problems_of(const core::Result<auto>& read) {
  EXPECT_FALSE(read.has_value());
  std::vector<std::string> problems;
  if (!read) {
    for (const core::Problem& problem : read.error().problems) problems.push_back(problem.to_string());
  }
  return problems;
}

TEST(MaturityImport, reads_overall_dimension_and_category_records_with_focus_and_agreeing_fields) {
  auto read = read_maturity(std::string(kMaturityHeader) +
                            ",organisation_type,focus\n"
                            "KF,2024-11-14,DiMiOS,digital förmåga,Informationssäkerhet,\"48,5\",53,,,ja\n"
                            "KF,2024-11-14,DiMiOS,,,43.2,50,34,Kommunal förvaltning,\n"
                            "KF,2022-11-15,DiMiOS,,,40,50,,,\n"
                            "KF,2024-11-14,DiMiOS,digital förmåga,,43.5,,34,,\n"
                            "KF,2024-11-14,DiMiOS,,Egen kategori,12,,,Kommunal förvaltning,no\n");
  ASSERT_TRUE(read.has_value()) << read.error().describe();
  ASSERT_EQ(read->size(), 2u);
  const core::MaturityMeasurement& m = (*read)[0];
  EXPECT_EQ(core::maturity_measurement_id(m), "KF/2024-11-14/DiMiOS");
  EXPECT_DOUBLE_EQ(m.overall, 43.2);
  EXPECT_EQ(m.overall_benchmark, 50.0);
  EXPECT_EQ(m.respondents, 34);
  EXPECT_EQ(m.organisation_type, "Kommunal förvaltning");
  ASSERT_EQ(m.results.size(), 3u);
  EXPECT_EQ(m.results[0], (core::MaturityResult{"digital förmåga", "Informationssäkerhet", 48.5, 53.0}));
  EXPECT_EQ(m.results[1], (core::MaturityResult{"digital förmåga", "", 43.5, std::nullopt}));
  EXPECT_EQ(m.results[2], (core::MaturityResult{"", "Egen kategori", 12.0, std::nullopt}));
  EXPECT_EQ(m.focus_categories, std::vector<std::string>{"Informationssäkerhet"});
  EXPECT_EQ((*read)[1].respondents, std::nullopt);
  EXPECT_EQ((*read)[1].organisation_type, "");
}

TEST(MaturityImport, reports_every_problem_with_its_place_and_reason) {
  auto read = read_maturity(std::string(kMaturityHeader) +
                            ",organisation_type,focus\n"
                            "NOPE,2024-11-14,DiMiOS,,,43.2,50,34,,\n"           // 2: unknown unit
                            "KF,14/11/2024,DiMiOS,,,43.2,50,34,,\n"             // 3: bad date
                            "KF,2024-11-14,,,,101,-1,3.5,,\n"                   // 4: no instrument, value, benchmark, respondents
                            "KF,2024-11-14,DiMiOS,,,43.2,,34,Kommun,\n"         // 5: overall
                            "KF,2024-11-14,DiMiOS,,,44,,35,Region,\n"           // 6: second overall, disagreeing fields
                            "KF,2024-11-14,DiMiOS,digitalt arv,,40,,,,ja\n"     // 7: focus without category
                            "KF,2024-11-14,DiMiOS,digitalt arv,,41,,,,kanske\n" // 8: bad focus, repeated dimension
                            "KF,2025-01-01,DiMiOS,digitalt arv,Data,41,,,,\n"); // 9: measurement without overall
  EXPECT_EQ(problems_of(read),
            (std::vector<std::string>{
                "m.csv:2:1: no unit with code 'NOPE'",
                "m.csv:3:4: '14/11/2024' is not a date (YYYY-MM-DD)",
                "m.csv:4:15: the instrument is empty",
                "m.csv:4:18: value '101' is not a percentage from 0 to 100",
                "m.csv:4:22: benchmark '-1' is not a percentage from 0 to 100 (or empty)",
                "m.csv:4:25: respondents '3.5' is not a whole number of 0 or more (or empty)",
                "m.csv:6:28: respondents 35 differs from 34 on line 5 of the same measurement",
                "m.csv:6:31: organisation type 'Region' differs from 'Kommun' on line 5 of the same measurement",
                "m.csv:6:24: the overall result of KF/2024-11-14/DiMiOS is already on line 5 (a record with an empty "
                "dimension and category is the overall result)",
                "m.csv:7:42: only a category can be a focus category (this record has no category)",
                "m.csv:8:42: focus 'kanske' is not yes, ja, x, 1, no, nej, 0 or empty",
                "m.csv:8:22: the result for dimension 'digitalt arv' of KF/2024-11-14/DiMiOS is already on line 7",
                "m.csv:9:1: the measurement KF/2025-01-01/DiMiOS has no overall result (a record with an empty "
                "dimension and category)",
            }));
  EXPECT_EQ(read.error().message, "the maturity results file has problems; nothing was imported");
}

TEST(MaturityImport, a_missing_column_is_named) {
  auto read = read_maturity("unit,date,instrument,dimension,category,value,benchmark\nKF,2024-11-14,DiMiOS,,,43.2,50\n");
  ASSERT_FALSE(read.has_value());
  EXPECT_NE(read.error().describe().find("respondents"), std::string::npos) << read.error().describe();
}

constexpr const char* kIndicatorHeader = "series,unit,period,value,comparison,source";

IndicatorImportContext context(const std::vector<core::IndicatorSeries>& existing = {}) {
  IndicatorImportContext c;
  c.headcount = {{"KF", 900}, {"KF-S", 300}, {"KF-X", 4}};
  c.min_group = 5;
  c.existing = existing;
  return c;
}

core::Result<std::vector<core::IndicatorSeries>> read_indicators(const std::string& text,
                                                                 const IndicatorImportContext& c = context()) {
  auto table = parse_csv(text, "i.csv");
  EXPECT_TRUE(table.has_value());
  if (!table) return std::unexpected(table.error());
  return read_indicator_series(*table, c);
}

TEST(IndicatorImport, reads_series_with_defaults_and_the_stored_measure_kept) {
  const std::vector<core::IndicatorSeries> stored{
      {"JÄMIX", core::MeasureUnit::kScore, core::SeriesDirection::kLowerIsBetter, "KF", {}}};
  auto read = read_indicators(std::string(kIndicatorHeader) +
                                  ",measure,direction\n"
                                  "Utvecklas och lär nytt,KF,2024,78,79,Medarbetarenkäten,,\n"
                                  "Kandidatupplevelse cNPS,KF-S,2024-10-31,-44,,Kandidatenkät,score,higher\n"
                                  "Utvecklas och lär nytt,KF,2023,79,\"79,0\",Medarbetarenkäten,index,\n"
                                  "JÄMIX,KF,2024,146,122,,,\n",
                              context(stored));
  ASSERT_TRUE(read.has_value()) << read.error().describe();
  ASSERT_EQ(read->size(), 3u);
  const core::IndicatorSeries& survey = (*read)[0];
  EXPECT_EQ(survey.name, "Utvecklas och lär nytt");
  EXPECT_EQ(survey.unit_code, "KF");
  EXPECT_EQ(survey.measure, core::MeasureUnit::kIndex);
  EXPECT_EQ(survey.direction, core::SeriesDirection::kHigherIsBetter);
  ASSERT_EQ(survey.values.size(), 2u);
  EXPECT_EQ(survey.values[0], (core::IndicatorValue{"2024", 78, 79.0, "Medarbetarenkäten"}));
  EXPECT_EQ(survey.values[1].comparison, 79.0);
  EXPECT_EQ((*read)[1].measure, core::MeasureUnit::kScore);
  EXPECT_EQ((*read)[1].values[0].value, -44);
  EXPECT_EQ((*read)[1].values[0].comparison, std::nullopt);
  // A stored series keeps its measure and direction where the file leaves them empty.
  EXPECT_EQ((*read)[2].measure, core::MeasureUnit::kScore);
  EXPECT_EQ((*read)[2].direction, core::SeriesDirection::kLowerIsBetter);
}

TEST(IndicatorImport, small_unit_series_is_refused_with_every_other_problem) {
  auto read = read_indicators(std::string(kIndicatorHeader) +
                              ",measure,direction\n"
                              "Sjukfrånvaro,KF-X,2024,3.1,,,%,lower\n"      // 2: unit under K
                              ",NOPE,24,x,y,,percent,up\n"                  // 3: everything wrong
                              "Index,KF,2024,70,,,,\n"                      // 4
                              "Index,KF,2024,71,,,,\n"                      // 5: period again
                              "Index,KF-S,2025,72,,,count,\n");             // 6: another unit (a first measure is fine)
  EXPECT_EQ(problems_of(read),
            (std::vector<std::string>{
                "i.csv:2:14: unit 'KF-X' has 4 employees, fewer than 5 (the small-group threshold): a series about it "
                "could describe single people and is refused",
                "i.csv:3:1: the series name is empty",
                "i.csv:3:2: no unit with code 'NOPE'",
                "i.csv:3:7: period '24' is not a year (YYYY) or a date (YYYY-MM-DD)",
                "i.csv:3:10: value 'x' is not a number",
                "i.csv:3:12: comparison 'y' is not a number (or empty)",
                "i.csv:3:15: measure 'percent' is not index, %, count or score",
                "i.csv:3:23: direction 'up' is not higher or lower",
                "i.csv:5:10: series 'Index' already has period 2024 on line 4",
                "i.csv:6:7: series 'Index' has unit 'KF' on line 4, not 'KF-S'",
            }));
}

TEST(IndicatorImport, a_per_person_column_is_refused_at_the_header) {
  auto read = read_indicators("series,unit,period,value,comparison,source,employee_id\nX,KF,2024,1,,,E1\n");
  EXPECT_EQ(problems_of(read),
            (std::vector<std::string>{"i.csv:1:44: column 'employee_id': an indicator series describes a unit, never a "
                                      "person; per-person values have no place here"}));
}

}  // namespace
}  // namespace trappa::io
