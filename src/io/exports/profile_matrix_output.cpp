#include "io/exports/profile_matrix_output.hpp"

#include <vector>

namespace trappa::io {

std::string write_profile_matrix_csv(const core::Framework& framework, const CsvDialect& dialect) {
  std::vector<std::string> roles;
  for (const std::string& role : framework.roles) {
    if (framework.profiles.contains(role)) roles.push_back(role);
  }
  std::string text(csv_start(dialect));
  CsvRow header(dialect);
  header.text("competency");
  for (const std::string& role : roles) header.text(role);
  text += header.line();
  for (const core::Area& area : framework.areas) {
    for (const core::Competency& competency : area.competencies) {
      CsvRow row(dialect);
      row.text(competency.code);
      for (const std::string& role : roles) {
        const core::RoleProfile& profile = framework.profiles.at(role);
        const auto level = profile.find(competency.code);
        row.number(level == profile.end() ? std::string() : std::to_string(level->second));
      }
      text += row.line();
    }
  }
  return text;
}

}  // namespace trappa::io
