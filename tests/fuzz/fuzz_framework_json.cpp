// Fuzz target: the framework JSON reader (io/framework_json).
//
// Beyond not crashing: a refused file explains every problem, and an accepted one keeps the
// promise of docs/formats.md that writing it and reading it back gives an equal framework,
// and writing that again gives the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/framework/framework.hpp"
#include "fuzz_check.hpp"
#include "io/json/framework_json.hpp"

using namespace trappa;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto framework = io::parse_framework_json(text, "fuzz.json");
  if (!framework) {
    fuzz::expect_explained(framework.error(), "parse_framework_json");
    fuzz::expect(!framework.error().problems.empty(), "a refused framework lists its problems");
    for (const core::Problem& problem : framework.error().problems) {
      fuzz::expect(problem.where.starts_with("fuzz.json"), "every problem names the file", problem.to_string());
    }
    return 0;
  }
  fuzz::expect(core::validate_framework(*framework).empty(), "an accepted framework is valid");

  const std::string written = io::write_framework_json(*framework);
  auto reread = io::parse_framework_json(written, "written.json");
  if (!reread) fuzz::fail("a written framework reads back", reread.error().describe() + "\n" + written);
  fuzz::expect(*reread == *framework, "a written framework reads back equal", written);
  fuzz::expect(io::write_framework_json(*reread) == written, "writing a framework twice gives the same bytes", written);
  return 0;
}
