// `trappa export profiles` (io/exports/profile_matrix_output.hpp) writes the matrix the import
// reads (io/imports/profile_matrix.hpp): applied back to the shipped framework it changes
// nothing, in the machine and the Swedish spreadsheet dialect, and a role assessed only against
// the default profile gets no column (so the import leaves it so).
#include "io/exports/profile_matrix_output.hpp"

#include <gtest/gtest.h>

#include <string>

#include "io/imports/profile_matrix.hpp"
#include "io/json/framework_json.hpp"

namespace trappa::io {
namespace {

core::Framework shipped() {
  auto read = read_framework_file(TRAPPA_DATA_DIR "/frameworks/digital-kompetens.json");
  EXPECT_TRUE(read.has_value()) << (read ? "" : read.error().describe());
  return read.value_or(core::Framework{});
}

TEST(ProfileMatrixExport, writes_competency_then_the_roles_with_a_profile_and_a_level_per_cell) {
  core::Framework framework = shipped();
  framework.roles.push_back("praktikant");  // assessed against the default profile only
  const std::string csv = write_profile_matrix_csv(framework);
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_EQ(header.substr(0, std::string("competency,medarbetare,chef").size()), "competency,medarbetare,chef");
  EXPECT_EQ(header.find("praktikant"), std::string::npos);
  EXPECT_EQ(csv.substr(csv.find('\n') + 1, 4), "1.1,");
}

TEST(ProfileMatrixExport, imports_back_unchanged_in_every_dialect) {
  const core::Framework original = shipped();
  for (const CsvDialect& dialect : {kMachineCsv, kSwedishSpreadsheetCsv, kEnglishSpreadsheetCsv}) {
    auto table = parse_csv(write_profile_matrix_csv(original, dialect), "profiles.csv");
    ASSERT_TRUE(table.has_value()) << table.error().describe();
    core::Framework changed = original;
    for (auto& [role, profile] : changed.profiles) {
      for (auto& [code, level] : profile) level = changed.scale.min;
    }
    auto applied = apply_profile_matrix(*table, changed);
    ASSERT_TRUE(applied.has_value()) << applied.error().describe();
    EXPECT_EQ(*applied, original) << "dialect separator " << dialect.separator;
  }
}

}  // namespace
}  // namespace trappa::io
