// Filling a store with the demo organisation, shared by `trappa demo` and `trappa serve --demo`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/base/result.hpp"
#include "store/store.hpp"

namespace trappa::app {

struct DemoOptions {
  // The framework the demo rounds use (the CLI passes data/frameworks/digital-kompetens.json).
  std::filesystem::path framework_file;
  // The directory of the culture administration's competence supply plans
  // (supply-plan-kf-2024-2026.json and supply-plan-kf-2025-2027.json; the CLI passes
  // data/demo). Empty: no plans. Only for the culture administration (scale 0).
  std::filesystem::path supply_plans_directory{};
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

// A demo whose writing was interrupted (killed, a crash, a full disk): the demo writes in
// several transactions (people, employments, each round in chunks), so it records in the
// audit trail, under the subject "demo", "demo.start" with its parameters before its first
// write and "demo.complete" after its last. A "demo.start" without a later "demo.complete"
// is an interrupted demo, with the parameters it was started with.
struct InterruptedDemo {
  std::size_t scale = 0;
  std::uint64_t seed = 1;
};
[[nodiscard]] core::Result<std::optional<InterruptedDemo>> find_interrupted_demo(store::Store& store);

// Writes the demo organisation and the shipped frameworks. Refuses a store that already holds
// people, so a real organisation is never mixed with invented one, except a store holding an
// interrupted demo: that demo is finished with the parameters it was started with (after
// saying so through `progress`), writing what it had not written yet, and the summary counts
// the whole demo.
[[nodiscard]] core::Result<DemoSummary> load_demo(store::Store& store, const DemoOptions& options);

}  // namespace trappa::cli
