// What `trappa serve` configures in the web application (serve_command.cpp fills it in).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/demo/demo_account.hpp"
#include "app/mail/smtp_mail.hpp"
#include "core/base/clock.hpp"
#include "web/auth/sign_in_options.hpp"

namespace trappa::web {

struct ApplicationOptions {
  std::string organisation_name = "Trappa";
  bool demo_mode = false;
  std::string database;                  // store location, for the connection pool
  std::size_t store_connections = 4;
  // The server's I/O threads (`--threads`): expensive requests leave one of them free
  // (session_gate.hpp). 0 when not known (tests calling Application::handle directly).
  std::size_t io_threads = 0;
  std::filesystem::path assets_directory;  // holds app.css and app.js
  // Column maps offered on Importera (data/import-maps/*.toml); empty or missing: none.
  std::filesystem::path import_maps_directory;
  std::vector<app::DemoAccount> demo_accounts;  // shown on the sign-in page in demo mode only
  SignInOptions sign_in;  // sessions, throttling, the trusted proxy (sign_in_options.hpp)
  // Small groups (docs/analytics.md): the threshold K for every suppressed aggregate, and
  // whether managers see the overview and key figures of their own unit, suppressed.
  std::size_t min_group = 5;
  bool manager_overview = false;
  // How often the change feed is read when no notification comes (SQLite always polls);
  // 0 turns following other writers off (tests that drive the application directly).
  std::chrono::milliseconds change_poll{250};
  // Wall time for sessions, audit stamps and "today"; tests and golden pages fix it.
  const core::Clock* clock = &core::system_clock();
  // Reminder e-mails to who has not started (docs/web.md): the SMTP server, none when not
  // configured (the page then says reminders are not available).
  std::optional<app::SmtpSettings> smtp;
};

}  // namespace trappa::web
