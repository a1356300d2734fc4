#include "io/imports/profile_matrix.hpp"

#include <set>

#include <fmt/format.h>

namespace trappa::io {

core::Result<core::Framework> apply_profile_matrix(const CsvTable& table, core::Framework framework) {
  std::vector<core::Problem> problems;
  if (table.header.size() < 2) {
    problems.push_back({table.where(1, 1), "expected a competency column followed by one column per role"});
    return core::invalid("the profile matrix has problems; nothing was imported", std::move(problems));
  }

  std::vector<std::string> roles;
  std::set<std::string> seen_roles;
  for (std::size_t column = 1; column < table.header.size(); ++column) {
    const CsvField& field = table.header[column];
    if (field.text.empty()) {
      problems.push_back({table.where(field), "the role name is empty"});
    } else if (!seen_roles.insert(field.text).second) {
      problems.push_back({table.where(field), fmt::format("role '{}' appears twice", field.text)});
    }
    roles.push_back(field.text);
  }

  std::vector<core::RoleProfile> columns(roles.size());
  std::set<std::string> seen_codes;
  for (const CsvRecord& record : table.records) {
    if (record.fields.empty()) continue;
    const CsvField& code = record.fields[0];
    const core::Area* area = framework.area_of(code.text);
    if (area == nullptr) {
      problems.push_back({table.where(code), fmt::format("unknown competency '{}' in framework '{}'", code.text,
                                                         framework.id)});
      continue;
    }
    if (!seen_codes.insert(code.text).second) {
      problems.push_back({table.where(code), fmt::format("competency '{}' appears twice", code.text)});
      continue;
    }
    if (record.fields.size() > table.header.size()) {
      problems.push_back({table.where(record.fields[table.header.size()]), "more cells than header columns"});
    }
    for (std::size_t column = 1; column < record.fields.size() && column < table.header.size(); ++column) {
      const CsvField& cell = record.fields[column];
      if (cell.text.empty()) continue;
      const auto level = parse_integer(cell.text);
      if (!level) {
        problems.push_back({table.where(cell), fmt::format("'{}' is not a level", cell.text)});
      } else if (*level < framework.scale.min || *level > framework.scale.max) {  // before narrowing to int
        problems.push_back({table.where(cell), fmt::format("level {} is outside the scale {}–{}", *level,
                                                           framework.scale.min, framework.scale.max)});
      } else if (!area->applies_to(roles[column - 1])) {
        problems.push_back({table.where(cell), fmt::format("area {} is not assessed by role '{}'", area->code,
                                                           roles[column - 1])});
      } else {
        columns[column - 1][code.text] = static_cast<int>(*level);
      }
    }
  }
  if (!problems.empty()) return core::invalid("the profile matrix has problems; nothing was imported", std::move(problems));

  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (!framework.has_role(roles[i])) framework.roles.push_back(roles[i]);
    framework.profiles[roles[i]] = std::move(columns[i]);
  }
  if (auto remaining = core::validate_framework(framework); !remaining.empty()) {
    return core::invalid("the framework would not be valid after this matrix; nothing was imported",
                         std::move(remaining));
  }
  return framework;
}

}  // namespace trappa::io
