#include "core/org/org.hpp"

#include <array>
#include <utility>

namespace trappa::core {

namespace {

struct KindName {
  std::string_view word;
  UnitKind kind;
};

// English codes first (they are what export writes), then the Swedish words HR files use.
constexpr std::array<KindName, 12> kKindNames{{
    {"city", UnitKind::kCity},
    {"administration", UnitKind::kAdministration},
    {"department", UnitKind::kDepartment},
    {"unit", UnitKind::kUnit},
    {"group", UnitKind::kGroup},
    {"stad", UnitKind::kCity},
    {"kommun", UnitKind::kCity},
    {"förvaltning", UnitKind::kAdministration},
    {"avdelning", UnitKind::kDepartment},
    {"enhet", UnitKind::kUnit},
    {"sektion", UnitKind::kGroup},
    {"grupp", UnitKind::kGroup},
}};

std::string ascii_lower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

}  // namespace

std::string_view to_code(UnitKind kind) {
  for (const KindName& entry : kKindNames) {
    if (entry.kind == kind) return entry.word;
  }
  return "unit";
}

std::optional<UnitKind> parse_unit_kind(std::string_view text) {
  const std::string lowered = ascii_lower(text);
  for (const KindName& entry : kKindNames) {
    if (entry.word == lowered) return entry.kind;
  }
  return std::nullopt;
}

std::string_view to_code(Gender gender) {
  switch (gender) {
    case Gender::kWoman: return "K";
    case Gender::kMan: return "M";
    case Gender::kOther: return "X";
  }
  return "X";
}

std::optional<Gender> parse_gender(std::string_view text) {
  if (text == "K" || text == "k") return Gender::kWoman;
  if (text == "M" || text == "m") return Gender::kMan;
  if (text == "X" || text == "x") return Gender::kOther;
  return std::nullopt;
}

}  // namespace trappa::core
