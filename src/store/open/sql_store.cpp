// The Store over SQL: opening the connection, the schema, and handing out the capabilities.
#include <soci/soci.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "core/people/person_change.hpp"
#include "core/base/clock.hpp"
#include "store/sql/dialect.hpp"
#include "store/sql/schema_migrations.hpp"
#include "store/open/sql_store.hpp"
#include "store/store.hpp"

namespace trappa::store {

using core::Result;

std::string utc_timestamp_now() { return core::system_clock().utc_timestamp(); }

core::Result<std::unique_ptr<Store>> Store::open(std::string_view location) {
  std::unique_ptr<Dialect> dialect = is_postgresql_location(location) ? make_postgresql_dialect()
                                                                       : make_sqlite_dialect();
  auto session = std::make_unique<soci::session>();
  try {
    dialect->connect(*session, location);
  } catch (const std::exception& error) {
    return core::fail(core::ErrorKind::kStorage,
                      fmt::format("cannot open the {} store '{}': {}", dialect->name(),
                                  location_without_password(location), error.what()));
  }
  return std::unique_ptr<Store>(new SqlStore(std::move(dialect), std::move(session)));
}

SqlStore::SqlStore(std::unique_ptr<Dialect> dialect, std::unique_ptr<soci::session> session)
    : SqlStore(std::unique_ptr<Connection>(new Connection{SqlSession(std::move(dialect), std::move(session))})) {}

// The connection lives on the heap, so the references taken here stay valid when the pointer
// moves into connection_.
SqlStore::SqlStore(std::unique_ptr<Connection> connection)
    : SqlCapability(connection->sql),
      connection_(std::move(connection)),
      organisation_(connection_->sql),
      employments_(connection_->sql),
      frameworks_(connection_->sql),
      rounds_(connection_->sql),
      access_(connection_->sql),
      audit_(connection_->sql),
      learning_(connection_->sql),
      settings_(connection_->sql),
      maturity_(connection_->sql),
      supply_plans_(connection_->sql),
      surveys_(connection_->sql),
      personal_data_(connection_->sql, rounds_),
      changes_(connection_->sql) {}

std::string_view SqlStore::backend_name() const { return dialect_->name(); }

Result<int> SqlStore::schema_version() {
  return guarded("reading the schema version", [&]() -> Result<int> {
    int version = 0;
    soci::indicator indicator = soci::i_null;
    try {
      *session_ << "SELECT MAX(version) FROM schema_migrations", soci::into(version, indicator);
    } catch (const soci::soci_error&) {
      // No migrations table yet: a new, empty store.
      return 0;
    }
    return indicator == soci::i_ok ? version : 0;
  });
}

Result<int> SqlStore::migrate() {
  return guarded("migrating the schema", [&]() -> Result<int> {
    *session_ << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                 "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";
    int current = 0;
    soci::indicator indicator = soci::i_null;
    *session_ << "SELECT MAX(version) FROM schema_migrations", soci::into(current, indicator);
    if (indicator != soci::i_ok) current = 0;
    const int known = schema_migrations().empty() ? 0 : schema_migrations().back().version;
    if (current > known) {
      return core::fail(core::ErrorKind::kConflict,
                        fmt::format("the store has schema version {}, newer than this program knows ({}); "
                                    "upgrade trappa",
                                    current, known));
    }
    for (const Migration& migration : schema_migrations()) {
      if (migration.version <= current) continue;
      WriteTransaction transaction(*session_, *dialect_);
      for (std::string_view statement : migration.statements) {
        *session_ << expand_tokens(statement, *dialect_);
      }
      const std::string description(migration.description);
      const std::string applied_at = utc_timestamp_now();
      *session_ << "INSERT INTO schema_migrations (version, description, applied_at) VALUES (:v, :d, :a)",
          soci::use(migration.version), soci::use(description), soci::use(applied_at);
      transaction.commit();
      current = migration.version;
    }
    return current;
  });
}






}  // namespace trappa::store
