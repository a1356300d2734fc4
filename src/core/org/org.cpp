#include "core/org/org.hpp"

#include "core/base/enum_codes.hpp"

namespace trappa::core {

namespace {

// English codes first (they are what export writes), then the Swedish words HR files use.
constexpr EnumCodes<UnitKind, 12> kUnitKindCodes{{{
    {UnitKind::kCity, "city"},
    {UnitKind::kAdministration, "administration"},
    {UnitKind::kDepartment, "department"},
    {UnitKind::kUnit, "unit"},
    {UnitKind::kGroup, "group"},
    {UnitKind::kCity, "stad"},
    {UnitKind::kCity, "kommun"},
    {UnitKind::kAdministration, "förvaltning"},
    {UnitKind::kDepartment, "avdelning"},
    {UnitKind::kUnit, "enhet"},
    {UnitKind::kGroup, "sektion"},
    {UnitKind::kGroup, "grupp"},
}}};

constexpr EnumCodes<Gender, 3> kGenderCodes{{{
    {Gender::kWoman, "K"},
    {Gender::kMan, "M"},
    {Gender::kOther, "X"},
}}};

}  // namespace

std::string_view to_code(UnitKind kind) { return kUnitKindCodes.code(kind); }

std::optional<UnitKind> parse_unit_kind(std::string_view text) {
  return kUnitKindCodes.parse(text, CodeCase::kIgnoreAsciiCase);
}

std::string_view to_code(Gender gender) { return kGenderCodes.code(gender); }

std::optional<Gender> parse_gender(std::string_view text) {
  return kGenderCodes.parse(text, CodeCase::kIgnoreAsciiCase);
}

}  // namespace trappa::core
