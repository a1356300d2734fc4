#include "core/workforce/employment.hpp"

#include "core/base/enum_codes.hpp"

namespace trappa::core {

namespace {

// English codes first (what export writes), then the codes Swedish HR systems use.
constexpr EnumCodes<EmploymentType, 8> kEmploymentTypeCodes{{{
    {EmploymentType::kPermanent, "permanent"},
    {EmploymentType::kTemporary, "temporary"},
    {EmploymentType::kHourly, "hourly"},
    {EmploymentType::kProgram, "program"},
    {EmploymentType::kPermanent, "tv"},
    {EmploymentType::kTemporary, "vi"},
    {EmploymentType::kHourly, "tim"},
    {EmploymentType::kProgram, "ami"},
}}};

// Departure routes as the HR systems' statistics number them; empty when unknown.
constexpr EnumCodes<Route, 4> kRouteCodes{{{
    {Route::kUnknown, ""},
    {Route::kWithinAdministration, "1"},
    {Route::kOtherAdministration, "2"},
    {Route::kExternal, "3"},
}}};

}  // namespace

std::string_view to_code(EmploymentType type) { return kEmploymentTypeCodes.code(type); }

std::optional<EmploymentType> parse_employment_type(std::string_view text) {
  return kEmploymentTypeCodes.parse(text, CodeCase::kIgnoreAsciiCase);
}

std::string_view to_code(Route route) { return kRouteCodes.code(route); }

std::optional<Route> parse_route(std::string_view text) { return kRouteCodes.parse(text); }

}  // namespace trappa::core
