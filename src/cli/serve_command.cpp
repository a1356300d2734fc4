// trappa serve [--listen 127.0.0.1:8080] [--demo]: the web application.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/demo/demo_accounts.hpp"
#include "app/demo/demo_loader.hpp"
#include "app/mail/smtp_mail.hpp"
#include "cli/command_context.hpp"
#include "cli/serve_config.hpp"
#include "core/disclosure/disclosure_control.hpp"
#include "store/org/organisation_store.hpp"
#include "web/application.hpp"
#include "web/routes.hpp"
#include "web/server/http_server.hpp"

namespace trappa::cli {

namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  bool demo = false;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string organisation_name = "Stockholms stad";
  web::SignInOptions sign_in;  // sessions, sign-in throttling, the trusted proxy (docs/web.md)
  // Small groups (docs/analytics.md, "Small groups").
  std::size_t min_group = core::kDefaultMinGroup;
  bool manager_overview = false;
  // Reminder e-mails (docs/operations.md, "E-mail"): off unless --smtp-host is given.
  app::SmtpSettings smtp;
};

int serve(const CommandContext& context, const ServeOptions& options) {
  auto address = web::parse_listen_address(options.listen);
  if (!address) return report(address.error());
  if (auto sign_in = web::validate(options.sign_in); !sign_in) return report(sign_in.error());
  if (options.min_group < core::kSmallestMinGroup) {  // small groups
    return report(core::Error{core::ErrorKind::kInvalidInput, "the small-group threshold is too low",
                                {{"--min-group", fmt::format("{} is below {}: a group of two could read each other's "
                                                             "figures", options.min_group, core::kSmallestMinGroup)}}});
  }
  if (!options.smtp.host.empty()) {
    if (auto smtp = app::validate(options.smtp); !smtp) return report(smtp.error());
  } else if (!options.smtp.from.empty()) {
    return report(core::Error{core::ErrorKind::kInvalidInput, "the SMTP settings cannot work",
                              {{"--smtp-host", "--smtp-from is given without the server to send through"}}});
  }
  auto store = context.open_store();
  if (!store) return report(store.error());
  web::ApplicationOptions application_options;
  application_options.organisation_name = options.organisation_name;
  application_options.demo_mode = options.demo;
  application_options.sign_in = options.sign_in;
  application_options.min_group = options.min_group;  // small groups
  application_options.manager_overview = options.manager_overview;
  if (!options.smtp.host.empty()) application_options.smtp = options.smtp;
  application_options.database = context.database;
  application_options.store_connections = static_cast<std::size_t>(std::max(2, options.threads * 2));
  application_options.io_threads = static_cast<std::size_t>(std::max(1, options.threads));
  application_options.assets_directory = data_directory() / "web";
  application_options.import_maps_directory = data_directory() / "import-maps";
  if (options.demo) {
    auto people = (*store)->organisation().load_people();
    if (!people) return report(people.error());
    auto interrupted = app::find_interrupted_demo(**store);
    if (!interrupted) return report(interrupted.error());
    if (people->empty() || *interrupted) {
      if (*interrupted) spdlog::info("the demo in this store was interrupted before it finished; finishing it");
      auto loaded = app::load_demo(**store, app::DemoOptions{.framework_file = demo_framework_file(), .supply_plans_directory = demo_supply_plans_directory(), .progress = {}});
      if (!loaded) return report(loaded.error());
      spdlog::info("demo organisation loaded: {} units, {} people", loaded->units, loaded->people);
    }
    const auto accounts_started = std::chrono::steady_clock::now();
    auto accounts = app::ensure_demo_accounts(**store);
    if (!accounts) return report(accounts.error());
    spdlog::info("demo accounts ready in {} ms", std::chrono::duration_cast<std::chrono::milliseconds>(
                                                     std::chrono::steady_clock::now() - accounts_started)
                                                     .count());
    application_options.demo_accounts = std::move(*accounts);
    for (const app::DemoAccount& account : application_options.demo_accounts) {
      spdlog::info("demo account {} ({}), password {}", account.employee_id, account.label_key, account.password);
    }
  }
  auto application = web::Application::load(**store, application_options);
  if (!application) return report(application.error());
  web::ServerLimits limits;
  limits.upload_paths = web::upload_paths();
  auto served = web::run_http_server(
      *address, options.threads, limits,
      [app = application->get()](const web::Request& request) { return app->handle(request); },
      [&] {
        spdlog::info("Trappa serves http://{}:{}/ from the {} store '{}'", address->host, address->port,
                     (*store)->backend_name(), store::location_without_password(context.database));
      });
  if (!served) return report(served.error());
  spdlog::info("stopped");
  return 0;
}

// The configuration file's settings (serve_config.hpp) for every option the command line did
// not give. The store's password goes to libpq through PGPASSWORD, in this process only.
core::Result<void> apply_config(const CLI::App& serve_command, CommandContext& context, ServeOptions& options,
                                const std::string& file) {
  ASSIGN_OR_RETURN(const ServeConfig config, read_serve_config(file));
  auto unless_given = [&](const char* option, const auto& value, auto& into) {
    if (value && serve_command.count(option) == 0) into = static_cast<std::decay_t<decltype(into)>>(*value);
  };
  unless_given("--listen", config.listen, options.listen);
  unless_given("--threads", config.threads, options.threads);
  unless_given("--demo", config.demo, options.demo);
  unless_given("--organisation-name", config.organisation_name, options.organisation_name);
  unless_given("--min-group", config.min_group, options.min_group);
  unless_given("--manager-overview", config.manager_overview, options.manager_overview);
  unless_given("--session-hours", config.session_hours, options.sign_in.session_hours);
  unless_given("--idle-minutes", config.idle_minutes, options.sign_in.idle_minutes);
  unless_given("--secure-cookies", config.secure_cookies, options.sign_in.secure_cookies);
  unless_given("--sign-in-failures-per-account", config.failures_per_account,
               options.sign_in.throttle.per_account.free_failures);
  unless_given("--sign-in-failures-per-address", config.failures_per_address,
               options.sign_in.throttle.per_address.free_failures);
  unless_given("--trust-proxy-user-header", config.trust_proxy_user_header, options.sign_in.proxy_user_header);
  unless_given("--trusted-proxy", config.trusted_proxies, options.sign_in.trusted_proxies);
  unless_given("--smtp-host", config.smtp_host, options.smtp.host);
  unless_given("--smtp-port", config.smtp_port, options.smtp.port);
  unless_given("--smtp-starttls", config.smtp_starttls, options.smtp.starttls);
  unless_given("--smtp-from", config.smtp_from, options.smtp.from);
  if (config.store_url && serve_command.get_parent()->count("--db") == 0) context.database = *config.store_url;
  if (config.store_password) setenv("PGPASSWORD", config.store_password->c_str(), 1);
  return {};
}

}  // namespace

void add_serve_command(CLI::App& app, CommandContext& context, int& exit_status) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve_command = app.add_subcommand("serve", "Run the web application");
  serve_command->add_option("--listen", options->listen, "Address to listen on, HOST:PORT")->capture_default_str();
  serve_command->add_flag("--demo", options->demo, "Load the demo organisation into an empty store first");
  serve_command->add_option("--threads", options->threads, "I/O threads (default: one per core)");
  serve_command->add_option("--organisation-name", options->organisation_name, "Name shown in the page header")
      ->capture_default_str();
  // Sign-in and sessions (docs/web.md, "Sign-in and sessions").
  serve_command->add_option("--session-hours", options->sign_in.session_hours,
                            "A session ends this many hours after sign-in (fractions allowed)")
      ->capture_default_str();
  serve_command->add_option("--idle-minutes", options->sign_in.idle_minutes,
                            "... or this many minutes after its last request (fractions allowed)")
      ->capture_default_str();
  serve_command->add_flag("--secure-cookies", options->sign_in.secure_cookies,
                          "Mark cookies Secure (also done when a proxy sends X-Forwarded-Proto: https)");
  serve_command->add_option("--sign-in-failures-per-account", options->sign_in.throttle.per_account.free_failures,
                            "Failed sign-ins to one account before it is throttled")
      ->capture_default_str();
  serve_command->add_option("--sign-in-failures-per-address", options->sign_in.throttle.per_address.free_failures,
                            "Failed sign-ins from one client address before it is throttled")
      ->capture_default_str();
  serve_command->add_option("--trust-proxy-user-header", options->sign_in.proxy_user_header,
                            "Sign in the person a trusted proxy names in this header, e.g. X-Remote-User");
  serve_command->add_option("--trusted-proxy", options->sign_in.trusted_proxies,
                            "Address or CIDR range of a trusted reverse proxy (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  // Small groups (docs/analytics.md, "Small groups").
  serve_command->add_option("--min-group", options->min_group,
                            "Smallest group whose figures observers (and managers) see; at least 3")
      ->capture_default_str();
  serve_command->add_flag("--manager-overview", options->manager_overview,
                          "Managers see the overview and key figures of their own unit, small groups suppressed");
  // Reminder e-mails (docs/operations.md, "E-mail").
  serve_command->add_option("--smtp-host", options->smtp.host,
                            "SMTP server for reminder e-mails; without it reminders are not available");
  serve_command->add_option("--smtp-port", options->smtp.port, "Port of the SMTP server (25, or 587 for submission)")
      ->capture_default_str();
  serve_command->add_flag("--smtp-starttls", options->smtp.starttls,
                          "Require STARTTLS: never send a reminder in the clear");
  serve_command->add_option("--smtp-from", options->smtp.from, "Sender address of reminder e-mails");
  auto config_file = std::make_shared<std::string>();
  serve_command->add_option("--config", *config_file,
                            "A TOML file with these options, the store and the organisation's settings "
                            "(docs/operations.md); options given here override it");
  serve_command->callback([&context, &exit_status, options, config_file, serve_command] {
    if (!config_file->empty()) {
      if (auto applied = apply_config(*serve_command, context, *options, *config_file); !applied) {
        exit_status = report(applied.error());
        return;
      }
    }
    exit_status = serve(context, *options);
  });
}

}  // namespace trappa::cli
