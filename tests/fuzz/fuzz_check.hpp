// What the fuzz targets assert beyond "no crash": a broken promise of the code under test is
// reported and aborts, so libFuzzer (or the replay test) records it as a failure.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace trappa::fuzz {

[[noreturn]] inline void fail(std::string_view promise, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(promise.size()), promise.data());
  if (!detail.empty()) std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void expect(bool kept, std::string_view promise, std::string_view detail = {}) {
  if (!kept) fail(promise, detail);
}

// A refused input must say why: a message, and a place for every problem listed.
inline void expect_explained(const core::Error& error, std::string_view what) {
  expect(!error.message.empty(), "an error has a message", what);
  for (const core::Problem& problem : error.problems) {
    expect(!problem.what.empty(), "every problem says what is wrong", problem.to_string());
  }
}

}  // namespace trappa::fuzz
