#include "cli/serve_config.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <toml.hpp>

#include "store/store.hpp"

namespace trappa::cli {

namespace {

// Reads one table's keys into `config`, each with its rule; collects every problem.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  using Setter = std::function<void(const std::string& key, const toml::value& value)>;

  void table(const std::string& prefix, const toml::value& table, const std::map<std::string, Setter>& keys) {
    for (const auto& [key, value] : table.as_table()) {
      const auto known = keys.find(key);
      if (known == keys.end()) {
        problem(value, fmt::format("unknown key '{}{}'", prefix, key));
        continue;
      }
      known->second(prefix + key, value);
    }
  }

  Setter text(std::optional<std::string>& into) {
    return [this, &into](const std::string& key, const toml::value& value) {
      if (!value.is_string()) return problem(value, fmt::format("'{}' must be a quoted text", key));
      into = value.as_string().str;
    };
  }
  Setter flag(std::optional<bool>& into) {
    return [this, &into](const std::string& key, const toml::value& value) {
      if (!value.is_boolean()) return problem(value, fmt::format("'{}' must be true or false", key));
      into = value.as_boolean();
    };
  }
  template <typename Integer>
  Setter whole(std::optional<Integer>& into, long long smallest) {
    return [this, &into, smallest](const std::string& key, const toml::value& value) {
      if (!value.is_integer() || value.as_integer() < smallest ||
          value.as_integer() > std::numeric_limits<Integer>::max()) {
        return problem(value, fmt::format("'{}' must be a whole number of at least {}", key, smallest));
      }
      into = static_cast<Integer>(value.as_integer());
    };
  }
  Setter positive(std::optional<double>& into) {
    return [this, &into](const std::string& key, const toml::value& value) {
      const double number = value.is_floating()  ? value.as_floating()
                            : value.is_integer() ? static_cast<double>(value.as_integer())
                                                 : -1.0;
      if (!(number > 0)) return problem(value, fmt::format("'{}' must be a number above 0", key));
      into = number;
    };
  }
  Setter texts(std::optional<std::vector<std::string>>& into) {
    return [this, &into](const std::string& key, const toml::value& value) {
      std::vector<std::string> list;
      if (value.is_array()) {
        for (const toml::value& item : value.as_array()) {
          if (!item.is_string()) return problem(item, fmt::format("'{}' must be a list of quoted texts", key));
          list.push_back(item.as_string().str);
        }
      } else {
        return problem(value, fmt::format("'{}' must be a list of quoted texts, e.g. [\"10.0.0.5\"]", key));
      }
      into = std::move(list);
    };
  }
  Setter section(const std::function<void(const std::string& prefix, const toml::value&)>& read) {
    return [this, read](const std::string& key, const toml::value& value) {
      if (!value.is_table()) return problem(value, fmt::format("'{}' must be a section, [{}]", key, key));
      read(key + ".", value);
    };
  }

  void problem(const toml::value& value, std::string what) {
    const auto line = value.location().line();
    problems_.emplace_back(line, core::Problem{fmt::format("{}:{}", file_, line), std::move(what)});
  }
  [[nodiscard]] bool any() const { return !problems_.empty(); }
  // In the order of the file (TOML tables are read in no particular order).
  [[nodiscard]] std::vector<core::Problem> problems() {
    std::ranges::stable_sort(problems_, {}, &std::pair<std::uint_least32_t, core::Problem>::first);
    std::vector<core::Problem> ordered;
    for (auto& [line, problem] : problems_) ordered.push_back(std::move(problem));
    return ordered;
  }

 private:
  std::string file_;
  std::vector<std::pair<std::uint_least32_t, core::Problem>> problems_;
};

std::string first_line(std::string_view text) {
  const auto end = text.find('\n');
  std::string line(text.substr(0, end));
  if (line.starts_with("[error] ")) line.erase(0, 8);
  return line;
}

// The store's password: from a file (its first line) or an environment variable, never from
// the URL, which `ps` and logs would show.
void read_password(Reader& reader, const toml::value& store, ServeConfig& config) {
  const auto& table = store.as_table();
  if (config.store_url && store::location_without_password(*config.store_url) != *config.store_url) {
    reader.problem(table.at("url"), "'store.url' carries a password; put it in store.password_file or store.password_env");
  }
  const auto from_file = table.find("password_file");
  const auto from_environment = table.find("password_env");
  if (from_file != table.end() && from_environment != table.end()) {
    reader.problem(from_environment->second, "give 'store.password_file' or 'store.password_env', not both");
    return;
  }
  if (from_file != table.end() && from_file->second.is_string()) {
    const std::string path = from_file->second.as_string().str;
    std::ifstream in(path);
    std::string password;
    if (!in || !std::getline(in, password)) {
      reader.problem(from_file->second, fmt::format("cannot read the password file '{}'", path));
      return;
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    config.store_password = password;
  }
  if (from_environment != table.end() && from_environment->second.is_string()) {
    const std::string name = from_environment->second.as_string().str;
    const char* value = std::getenv(name.c_str());
    if (value == nullptr || *value == '\0') {
      reader.problem(from_environment->second, fmt::format("the environment variable {} is not set", name));
      return;
    }
    config.store_password = value;
  }
}

}  // namespace

core::Result<ServeConfig> read_serve_config(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) return core::invalid("cannot read the configuration file", {{name, "no such file, or not readable"}});
  std::ostringstream content;
  content << in.rdbuf();
  toml::value root;
  try {
    std::istringstream stream(content.str());
    root = toml::parse(stream, name);
  } catch (const toml::exception& error) {
    return core::invalid("the configuration file is not valid TOML",
                         {{fmt::format("{}:{}", name, error.location().line()), first_line(error.what())}});
  } catch (const std::exception& error) {
    return core::invalid("the configuration file is not valid TOML", {{name, first_line(error.what())}});
  }
  ServeConfig config;
  Reader reader(name);
  reader.table("", root,
               {{"listen", reader.text(config.listen)},
                {"threads", reader.whole(config.threads, 1)},
                {"demo", reader.flag(config.demo)},
                {"store", reader.section([&](const std::string& prefix, const toml::value& store) {
                   reader.table(prefix, store,
                                {{"url", reader.text(config.store_url)},
                                 {"password_file", [](const std::string&, const toml::value&) {}},
                                 {"password_env", [](const std::string&, const toml::value&) {}}});
                   for (const char* key : {"password_file", "password_env"}) {
                     const auto& table = store.as_table();
                     if (const auto found = table.find(key); found != table.end() && !found->second.is_string()) {
                       reader.problem(found->second, fmt::format("'{}{}' must be a quoted text", prefix, key));
                     }
                   }
                   read_password(reader, store, config);
                 })},
                {"organisation", reader.section([&](const std::string& prefix, const toml::value& organisation) {
                   reader.table(prefix, organisation,
                                {{"name", reader.text(config.organisation_name)},
                                 {"min_group", reader.whole(config.min_group, 1)},
                                 {"manager_overview", reader.flag(config.manager_overview)}});
                 })},
                {"sign_in", reader.section([&](const std::string& prefix, const toml::value& sign_in) {
                   reader.table(prefix, sign_in,
                                {{"session_hours", reader.positive(config.session_hours)},
                                 {"idle_minutes", reader.positive(config.idle_minutes)},
                                 {"secure_cookies", reader.flag(config.secure_cookies)},
                                 {"failures_per_account", reader.whole(config.failures_per_account, 1)},
                                 {"failures_per_address", reader.whole(config.failures_per_address, 1)},
                                 {"trust_proxy_user_header", reader.text(config.trust_proxy_user_header)},
                                 {"trusted_proxies", reader.texts(config.trusted_proxies)}});
                 })},
                {"smtp", reader.section([&](const std::string& prefix, const toml::value& smtp) {
                   reader.table(prefix, smtp,
                                {{"host", reader.text(config.smtp_host)},
                                 {"port", reader.whole(config.smtp_port, 1)},
                                 {"starttls", reader.flag(config.smtp_starttls)},
                                 {"from", reader.text(config.smtp_from)}});
                 })}});
  if (reader.any()) return core::invalid("the configuration file has problems; the server did not start", reader.problems());
  return config;
}

}  // namespace trappa::cli
