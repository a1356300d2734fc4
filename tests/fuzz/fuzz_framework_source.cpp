// Fuzz target: reading a framework file of any format (io/frameworks/framework_file): Trappa's
// JSON, CASE 1.0 packages, Moodle's competency framework CSV, recognised by content.
//
// Beyond not crashing: a refused file explains every problem and names the file; an accepted
// one is a valid framework; and one with areas goes through a CASE export and back unchanged
// except for what CASE cannot carry (roles and profiles), as docs/formats.md promises.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/framework/framework.hpp"
#include "fuzz_check.hpp"
#include "io/frameworks/case_package.hpp"
#include "io/frameworks/framework_file.hpp"

using namespace trappa;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto imported = io::parse_framework_source(bytes, "fuzz.file");
  if (!imported) {
    fuzz::expect_explained(imported.error(), "parse_framework_source");
    for (const core::Problem& problem : imported.error().problems) {
      fuzz::expect(problem.where.starts_with("fuzz.file"), "every problem names the file", problem.to_string());
    }
    return 0;
  }
  core::Framework framework = imported->framework;
  fuzz::expect(core::validate_framework(framework).empty(), "an accepted framework is valid");
  if (framework.areas.empty()) return 0;  // CASE carries the scale in the rubric of the competencies

  const std::string package = io::write_case_package(framework, "2026-01-01T00:00:00+00:00");
  auto reread = io::parse_case_package(package, "written.json");
  if (!reread) fuzz::fail("a CASE export reads back", reread.error().describe() + "\n" + package);
  framework.roles.clear();
  framework.profiles.clear();
  framework.default_profile.clear();
  for (core::Area& area : framework.areas) area.roles.clear();
  fuzz::expect(reread->framework == framework, "a CASE export reads back equal", package);
  return 0;
}
