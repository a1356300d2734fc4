#include "cli/command_context.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "core/base/text_checks.hpp"

namespace trappa::cli {

core::Result<std::unique_ptr<store::Store>> CommandContext::open_store() const {
  auto opened = store::Store::open(database);
  if (!opened) return opened;
  TRY((*opened)->migrate());
  return opened;
}

namespace {

// $USER, else the login name of the terminal; "unknown" without either.
std::string login_name(bool* from_environment) {
  const char* login = std::getenv("USER");
  *from_environment = login != nullptr && *login != '\0';
  if (!*from_environment) login = getlogin();
  return login != nullptr ? login : "unknown";
}

}  // namespace

store::Actor CommandContext::actor() {
  bool from_environment = false;
  return {std::string("cli:") + login_name(&from_environment)};
}

std::optional<std::string> CommandContext::actor_problem() {
  bool from_environment = false;
  const std::string login = login_name(&from_environment);
  const auto flaw = core::find_text_flaw(login, core::LineBreaks::kRefused);
  if (!flaw) return std::nullopt;
  return fmt::format("the user name {} {} (at character {}); the audit trail records who ran a command, so "
                     "run trappa as a user whose name has no control characters",
                     from_environment ? "in $USER" : "of this login", core::describe(*flaw), flaw->characters + 1);
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

}  // namespace trappa::cli
