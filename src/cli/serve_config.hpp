// The configuration file of `trappa serve --config FILE` (TOML; docs/operations.md,
// "Configuration"): every serve option, the store and its password, the organisation's
// settings. Options given on the command line override the file (serve_command.cpp).
//
// read_serve_config refuses, naming FILE:LINE and the key, a file that is not TOML, an
// unknown key, a value of the wrong type, a store URL that carries a password, and a password
// it cannot read; every problem of the file is reported at once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace trappa::cli {

struct ServeConfig {
  std::optional<std::string> listen;
  std::optional<int> threads;
  std::optional<bool> demo;
  // [store]
  std::optional<std::string> store_url;
  std::optional<std::string> store_password;  // read from password_file or password_env
  // [organisation]
  std::optional<std::string> organisation_name;
  std::optional<long long> min_group;
  std::optional<bool> manager_overview;
  // [sign_in]
  std::optional<double> session_hours;
  std::optional<double> idle_minutes;
  std::optional<bool> secure_cookies;
  std::optional<int> failures_per_account;
  std::optional<int> failures_per_address;
  std::optional<std::string> trust_proxy_user_header;
  std::optional<std::vector<std::string>> trusted_proxies;
  // [smtp]
  std::optional<std::string> smtp_host;
  std::optional<int> smtp_port;
  std::optional<bool> smtp_starttls;
  std::optional<std::string> smtp_from;
};

[[nodiscard]] core::Result<ServeConfig> read_serve_config(const std::filesystem::path& file);

}  // namespace trappa::cli
