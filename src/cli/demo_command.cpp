// trappa demo [--seed N] [--scale N]: a realistic organisation to try Trappa on, or a large
// synthetic one for benchmarks.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/command_context.hpp"
#include "app/demo/demo_loader.hpp"

namespace trappa::cli {

void add_demo_command(CLI::App& app, CommandContext& context, int& exit_status) {
  auto options = std::make_shared<app::DemoOptions>();
  options->framework_file = demo_framework_file();
  options->supply_plans_directory = demo_supply_plans_directory();
  CLI::App* demo = app.add_subcommand("demo", "Fill an empty store with a demo organisation");
  demo->add_option("--seed", options->seed, "Seed: the same seed gives the same organisation")->capture_default_str();
  demo->add_option("--scale", options->scale, "Instead: a synthetic organisation of N people (1–1 500 000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'500'000}));
  demo->callback([&context, &exit_status, options] {
    const auto started = std::chrono::steady_clock::now();
    options->progress = [started](const std::string& step) {
      const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << fmt::format("demo: {} ({:.1f} s)\n", step, elapsed);
    };
    auto store = context.open_store();
    if (!store) {
      exit_status = report(store.error());
      return;
    }
    auto summary = app::load_demo(**store, *options);
    if (!summary) {
      exit_status = report(summary.error());
      return;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << fmt::format(
        "demo: {} units, {} people, {} employments, {} assessments in rounds 2025 and 2026, framework '{}' "
        "in {:.1f} s ({:.0f} people/s)\n",
        summary->units, summary->people, summary->employments, summary->assessments, summary->framework_id, seconds,
        static_cast<double>(summary->people) / seconds);
  });
}

}  // namespace trappa::cli
