// The organisation's codes as HR files write them: unit kinds in English or Swedish, and
// gender as K, M or X.
#include "core/org/org.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace trappa::core {
namespace {

struct KindCase {
  const char* text;
  std::optional<UnitKind> kind;
};

class UnitKindWords : public ::testing::TestWithParam<KindCase> {};

TEST_P(UnitKindWords, are_read_in_english_or_swedish_in_any_ascii_case) {
  EXPECT_EQ(parse_unit_kind(GetParam().text), GetParam().kind) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Org, UnitKindWords,
    ::testing::Values(KindCase{"city", UnitKind::kCity}, KindCase{"administration", UnitKind::kAdministration},
                      KindCase{"department", UnitKind::kDepartment}, KindCase{"unit", UnitKind::kUnit},
                      KindCase{"group", UnitKind::kGroup}, KindCase{"stad", UnitKind::kCity},
                      KindCase{"kommun", UnitKind::kCity}, KindCase{"förvaltning", UnitKind::kAdministration},
                      KindCase{"Förvaltning", UnitKind::kAdministration}, KindCase{"avdelning", UnitKind::kDepartment},
                      KindCase{"AVDELNING", UnitKind::kDepartment}, KindCase{"enhet", UnitKind::kUnit},
                      KindCase{"Enhet", UnitKind::kUnit}, KindCase{"sektion", UnitKind::kGroup},
                      KindCase{"grupp", UnitKind::kGroup}, KindCase{"sektor", std::nullopt},
                      KindCase{"", std::nullopt}, KindCase{" enhet", std::nullopt},
                      KindCase{"enheter", std::nullopt}));

TEST(Org, every_unit_kind_is_written_as_the_english_code_that_reads_back) {
  for (UnitKind kind : {UnitKind::kCity, UnitKind::kAdministration, UnitKind::kDepartment, UnitKind::kUnit,
                        UnitKind::kGroup}) {
    const std::string code(to_code(kind));
    EXPECT_EQ(parse_unit_kind(code), kind) << code;
  }
  EXPECT_EQ(to_code(UnitKind::kAdministration), "administration");
  EXPECT_EQ(to_code(UnitKind::kGroup), "group");
}

struct GenderCase {
  const char* text;
  std::optional<Gender> gender;
};

class GenderCodes : public ::testing::TestWithParam<GenderCase> {};

TEST_P(GenderCodes, are_k_m_or_x_in_either_case_and_nothing_else) {
  EXPECT_EQ(parse_gender(GetParam().text), GetParam().gender) << "'" << GetParam().text << "'";
}

INSTANTIATE_TEST_SUITE_P(Org, GenderCodes,
                         ::testing::Values(GenderCase{"K", Gender::kWoman}, GenderCase{"k", Gender::kWoman},
                                           GenderCase{"M", Gender::kMan}, GenderCase{"m", Gender::kMan},
                                           GenderCase{"X", Gender::kOther}, GenderCase{"x", Gender::kOther},
                                           GenderCase{"F", std::nullopt}, GenderCase{"kvinna", std::nullopt},
                                           GenderCase{"KM", std::nullopt}, GenderCase{"", std::nullopt},
                                           GenderCase{" K", std::nullopt}));

TEST(Org, every_gender_is_written_as_its_code_that_reads_back) {
  EXPECT_EQ(to_code(Gender::kWoman), "K");
  EXPECT_EQ(to_code(Gender::kMan), "M");
  EXPECT_EQ(to_code(Gender::kOther), "X");
  for (Gender gender : {Gender::kWoman, Gender::kMan, Gender::kOther}) {
    EXPECT_EQ(parse_gender(to_code(gender)), gender);
  }
}

}  // namespace
}  // namespace trappa::core
