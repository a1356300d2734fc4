#include "cli/command_context.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "core/base/clock.hpp"
#include "core/base/text_checks.hpp"

namespace trappa::cli {

core::Result<std::unique_ptr<store::Store>> CommandContext::open_store() const {
  auto opened = store::Store::open(database);
  if (!opened) return opened;
  TRY((*opened)->migrate());
  return opened;
}

namespace {

// The name of the effective user id (what cron and systemd run as, where $USER is often
// unset), else $USER; "unknown" without either.
std::string operating_system_user() {
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr && *entry->pw_name) {
    return entry->pw_name;
  }
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "unknown";
}

constexpr std::size_t kLongestActor = 200;

}  // namespace

void CommandContext::take_default_actor() {
  if (const char* named = std::getenv("TRAPPA_ACTOR"); named != nullptr && *named != '\0') {
    actor_name = named;
    actor_source = "$TRAPPA_ACTOR";
  } else {
    actor_name = operating_system_user();
    actor_source = "the user name";
  }
}

std::optional<std::string> CommandContext::actor_problem() const {
  if (actor_name.empty()) return fmt::format("{} is empty; the audit trail records who ran a command", actor_source);
  if (actor_name.size() > kLongestActor) {
    return fmt::format("{} is {} bytes long, more than {}", actor_source, actor_name.size(), kLongestActor);
  }
  const auto flaw = core::find_text_flaw(actor_name, core::LineBreaks::kRefused);
  if (!flaw) return std::nullopt;
  return fmt::format("{} {} (at character {}); the audit trail records who ran a command, so name them "
                     "without control characters",
                     actor_source, core::describe(*flaw), flaw->characters + 1);
}

int write_output(const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::cout << text;
    return 0;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  if (!out) return report({core::ErrorKind::kInternal, "cannot write '" + output + "'", {}});
  return 0;
}

int report(const core::Error& error) {
  std::cerr << "trappa: " << error.message << '\n';
  for (const core::Problem& problem : error.problems) std::cerr << problem.to_string() << '\n';
  switch (error.kind) {
    case core::ErrorKind::kInvalidInput:
    case core::ErrorKind::kNotFound:
    case core::ErrorKind::kConflict:
    case core::ErrorKind::kForbidden:
      return kExitInvalidInput;
    case core::ErrorKind::kStorage:
    case core::ErrorKind::kInternal:
      return kExitFailure;
  }
  return kExitFailure;
}

std::filesystem::path data_directory() {
  if (const char* configured = std::getenv("TRAPPA_DATA_DIR"); configured != nullptr && *configured != '\0') {
    return configured;
  }
  std::error_code ignored;
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", ignored);
  const auto installed = executable.parent_path().parent_path() / "share" / "trappa";
  if (!ignored && std::filesystem::exists(installed / "frameworks")) return installed;
  return TRAPPA_SOURCE_DATA_DIR;
}

std::filesystem::path demo_framework_file() { return data_directory() / "frameworks" / "digital-kompetens.json"; }

std::filesystem::path demo_supply_plans_directory() { return data_directory() / "demo"; }

core::Result<core::Date> day_option(const std::string& text) {
  if (text.empty()) return core::system_clock().today();
  if (auto date = core::parse_iso_date(text)) return *date;
  return core::invalid("bad options", {{"--on", fmt::format("'{}' is not a date (YYYY-MM-DD)", text)}});
}

}  // namespace trappa::cli
