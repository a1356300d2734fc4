#include "store/sql/schema_migrations.hpp"

#include <charconv>
#include <cstdlib>
#include <cstdio>

#include <fmt/format.h>

namespace trappa::store {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

core::Result<Migration> parse_migration(const core::EmbeddedFile& file) {
  Migration migration;
  const std::string_view name = file.name;
  const auto digits = name.find('_');
  const auto [end, error] = std::from_chars(name.data(), name.data() + (digits == std::string_view::npos ? 0 : digits),
                                            migration.version);
  if (digits != 3 || error != std::errc() || end != name.data() + 3 || migration.version <= 0) {
    return core::fail(core::ErrorKind::kInternal,
                      fmt::format("{}: a migration's name is NNN_name.sql (three digits, then a name)", file.file));
  }
  std::string statement;
  std::size_t line_number = 0;
  std::string_view rest = file.source;
  while (!rest.empty()) {
    const auto newline = rest.find('\n');
    const std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    ++line_number;
    const std::string_view content = trimmed(line);
    if (line_number == 1) {
      if (!content.starts_with("-- ") || trimmed(content.substr(3)).empty()) {
        return core::fail(core::ErrorKind::kInternal,
                          fmt::format("{}:1: a migration starts with a comment line '-- description'", file.file));
      }
      migration.description = std::string(trimmed(content.substr(3)));
      continue;
    }
    if (content.empty() && statement.empty()) continue;
    if (content.starts_with("--")) continue;
    if (!statement.empty()) statement += '\n';
    statement += line;
    if (content.ends_with(';')) {
      statement.erase(statement.find_last_of(';'));
      migration.statements.push_back(std::move(statement));
      statement.clear();
    }
  }
  if (!trimmed(statement).empty()) {
    return core::fail(core::ErrorKind::kInternal,
                      fmt::format("{}:{}: the last statement does not end with ';'", file.file, line_number));
  }
  if (migration.statements.empty()) {
    return core::fail(core::ErrorKind::kInternal, fmt::format("{}: a migration holds at least one statement", file.file));
  }
  return migration;
}

}  // namespace

core::Result<std::vector<Migration>> parse_migrations(std::span<const core::EmbeddedFile> files) {
  std::vector<Migration> migrations;
  for (const core::EmbeddedFile& file : files) {
    ASSIGN_OR_RETURN(Migration migration, parse_migration(file));
    const int expected = static_cast<int>(migrations.size()) + 1;
    if (migration.version != expected) {
      return core::fail(core::ErrorKind::kInternal, fmt::format("{}: version {} follows version {}; expected {}",
                                                                file.file, migration.version, expected - 1, expected));
    }
    migrations.push_back(std::move(migration));
  }
  return migrations;
}

const std::vector<Migration>& schema_migrations() {
  static const std::vector<Migration> migrations = [] {
    auto parsed = parse_migrations(embedded_migrations());
    if (!parsed) {
      // The build's own files are checked by store tests; reaching this is a broken build.
      std::fprintf(stderr, "trappa: %s\n", parsed.error().describe().c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return migrations;
}

}  // namespace trappa::store
