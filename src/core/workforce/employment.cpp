#include "core/workforce/employment.hpp"

#include <array>

namespace trappa::core {

namespace {

struct TypeName {
  std::string_view word;
  EmploymentType type;
};

// English codes first (what export writes), then the codes Swedish HR systems use.
constexpr std::array<TypeName, 8> kTypeNames{{
    {"permanent", EmploymentType::kPermanent},
    {"temporary", EmploymentType::kTemporary},
    {"hourly", EmploymentType::kHourly},
    {"program", EmploymentType::kProgram},
    {"tv", EmploymentType::kPermanent},
    {"vi", EmploymentType::kTemporary},
    {"tim", EmploymentType::kHourly},
    {"ami", EmploymentType::kProgram},
}};

bool equal_ignoring_ascii_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view to_code(EmploymentType type) {
  for (const TypeName& entry : kTypeNames) {
    if (entry.type == type) return entry.word;
  }
  return "permanent";
}

std::optional<EmploymentType> parse_employment_type(std::string_view text) {
  for (const TypeName& entry : kTypeNames) {
    if (equal_ignoring_ascii_case(text, entry.word)) return entry.type;
  }
  return std::nullopt;
}

std::string_view to_code(Route route) {
  switch (route) {
    case Route::kUnknown: return "";
    case Route::kWithinAdministration: return "1";
    case Route::kOtherAdministration: return "2";
    case Route::kExternal: return "3";
  }
  return "";
}

std::optional<Route> parse_route(std::string_view text) {
  if (text.empty()) return Route::kUnknown;
  if (text == "1") return Route::kWithinAdministration;
  if (text == "2") return Route::kOtherAdministration;
  if (text == "3") return Route::kExternal;
  return std::nullopt;
}

}  // namespace trappa::core
