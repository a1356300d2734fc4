// Every enum with codes: each value has its own code, and reading the code gives the value
// back (the one-table-per-enum rule of core/base/enum_codes.hpp).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/access/account.hpp"
#include "core/base/enum_codes.hpp"
#include "core/org/org.hpp"
#include "core/workforce/employment.hpp"

namespace trappa::core {
namespace {

template <typename Enum, typename Parse>
void expect_round_trip(std::initializer_list<Enum> values, Parse parse) {
  std::set<std::string> codes;
  for (Enum value : values) {
    const std::string code(to_code(value));
    EXPECT_TRUE(codes.insert(code).second) << "two values share the code '" << code << "'";
    const auto parsed = parse(code);
    ASSERT_TRUE(parsed.has_value()) << "'" << code << "' does not parse";
    EXPECT_EQ(*parsed, value) << "'" << code << "' parses to another value";
  }
}

TEST(EnumCodes, every_unit_kind_gender_role_employment_type_and_route_round_trips) {
  expect_round_trip({UnitKind::kCity, UnitKind::kAdministration, UnitKind::kDepartment, UnitKind::kUnit, UnitKind::kGroup},
                    parse_unit_kind);
  expect_round_trip({Gender::kWoman, Gender::kMan, Gender::kOther}, parse_gender);
  expect_round_trip({AccountRole::kEmployee, AccountRole::kHr, AccountRole::kAdmin, AccountRole::kObserver},
                    parse_account_role);
  expect_round_trip({EmploymentType::kPermanent, EmploymentType::kTemporary, EmploymentType::kHourly,
                     EmploymentType::kProgram},
                    parse_employment_type);
  expect_round_trip({Route::kUnknown, Route::kWithinAdministration, Route::kOtherAdministration, Route::kExternal},
                    parse_route);
}

TEST(EnumCodes, aliases_are_read_but_never_written) {
  EXPECT_EQ(parse_unit_kind("FÖRVALTNING"), std::nullopt);  // only ASCII letters fold
  EXPECT_EQ(parse_unit_kind("Förvaltning"), UnitKind::kAdministration);
  EXPECT_EQ(parse_unit_kind("förvaltning"), UnitKind::kAdministration);
  EXPECT_EQ(parse_unit_kind("ENHET"), UnitKind::kUnit);
  EXPECT_EQ(to_code(UnitKind::kUnit), "unit");
  EXPECT_EQ(parse_employment_type("TV"), EmploymentType::kPermanent);
  EXPECT_EQ(to_code(EmploymentType::kPermanent), "permanent");
  EXPECT_EQ(parse_gender("k"), Gender::kWoman);
  EXPECT_EQ(parse_account_role("HR"), std::nullopt);  // account roles are exact
}

TEST(EnumCodes, a_table_reads_with_or_without_case) {
  enum class Colour { kRed, kBlue };
  constexpr EnumCodes<Colour, 3> kColours{{{{Colour::kRed, "red"}, {Colour::kBlue, "blue"}, {Colour::kRed, "röd"}}}};
  static_assert(kColours.code(Colour::kBlue) == "blue");
  static_assert(kColours.parse("röd") == Colour::kRed);
  EXPECT_EQ(kColours.parse("RED"), std::nullopt);
  EXPECT_EQ(kColours.parse("RED", CodeCase::kIgnoreAsciiCase), Colour::kRed);
}

}  // namespace
}  // namespace trappa::core
