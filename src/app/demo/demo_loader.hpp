// Filling a store with the demo organisation, shared by `trappa demo` and `trappa serve --demo`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "core/base/result.hpp"
#include "store/store.hpp"

namespace trappa::app {

struct DemoOptions {
  // The framework the demo rounds use (the CLI passes data/frameworks/digital-kompetens.json).
  std::filesystem::path framework_file;
  std::uint64_t seed = 1;
  std::size_t scale = 0;  // 0: the culture administration; otherwise a synthetic organisation of this many people
  // Called after each step with what was done ("people saved"); large demos take a while.
  std::function<void(const std::string& step)> progress;
};

struct DemoSummary {
  std::size_t units = 0;
  std::size_t people = 0;
  std::size_t employments = 0;  // three years of employment history (core/demo_history.hpp)
  std::string framework_id;
  std::size_t assessments = 0;  // over the demo rounds 2025 and 2026 (core/demo_rounds.hpp)
};

// Writes the demo organisation and the shipped frameworks. Refuses a store that already holds
// people, so a real organisation is never mixed with invented one.
[[nodiscard]] core::Result<DemoSummary> load_demo(store::Store& store, const DemoOptions& options);

}  // namespace trappa::cli
