// SQLite: one file, write-ahead log so readers never block the writer, foreign keys on.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "store/sql/dialect.hpp"

#include <thread>

namespace trappa::store {

namespace {

class SqliteDialect final : public Dialect {
 public:
  std::string_view name() const override { return "sqlite"; }

  void connect(soci::session& session, std::string_view location) const override {
    // SOCI's connect string: a quoted path survives spaces in directory names.
    session.open(soci::sqlite3, "db=\"" + std::string(location) + "\" timeout=30");
    session << "PRAGMA journal_mode = WAL";
    session << "PRAGMA foreign_keys = ON";
    // FULL syncs the write-ahead log at every commit, so a write that was acknowledged (an
    // assessment saved, an import reported done) survives a power loss or an operating-system
    // crash too, as it does on PostgreSQL. NORMAL survived only the death of the process: after
    // a power cut the last acknowledged transactions could be gone (never the file's
    // consistency). The price is one fsync per commit, a few milliseconds; imports and the
    // demo write in a few large transactions and do not notice it (docs/operations.md).
    session << "PRAGMA synchronous = FULL";
    // 64 MiB of page cache keeps index pages of bulk imports in memory.
    session << "PRAGMA cache_size = -65536";
  }

  void prepare_bulk_write(soci::session& session) const override {
    // Checked at commit; SQLite resets the setting when the transaction ends. Per-row
    // checks would cost a statement journal for every inserted row.
    session << "PRAGMA defer_foreign_keys = ON";
  }

  // The write lock at BEGIN, so concurrent writers wait (busy timeout above) instead of
  // failing with "database is locked" at their first write (write_transaction.hpp).
  std::string_view begin_write() const override { return "BEGIN IMMEDIATE"; }

  // BEGIN IMMEDIATE already holds the one write lock of the whole file.
  void lock(soci::session&, const std::string&) const override {}

  // SQLite has no notifications: followers poll the feed.
  void notify_change(soci::session&) const override {}
  void wait_for_change(soci::session&, std::chrono::milliseconds timeout) const override {
    std::this_thread::sleep_for(timeout);
  }

  std::unique_ptr<RowScan> scan(soci::session& session, std::string_view sql,
                                std::span<const ScanParameter> parameters) const override {
    return scan_sqlite(session, sql, parameters);
  }

  std::string_view token(std::string_view token_name) const override {
    if (token_name == "IDENTITY_PRIMARY_KEY") return "INTEGER PRIMARY KEY AUTOINCREMENT";
    // Tables keyed by their primary key alone are stored in that key's b-tree: one tree to
    // maintain per row instead of two.
    if (token_name == "WITHOUT_ROWID") return " WITHOUT ROWID";
    return {};
  }
};

}  // namespace

std::unique_ptr<Dialect> make_sqlite_dialect() { return std::make_unique<SqliteDialect>(); }

std::string expand_tokens(std::string_view statement, const Dialect& dialect) {
  std::string expanded;
  expanded.reserve(statement.size());
  std::size_t position = 0;
  while (position < statement.size()) {
    const std::size_t start = statement.find("${", position);
    if (start == std::string_view::npos) break;
    const std::size_t end = statement.find('}', start);
    expanded.append(statement.substr(position, start - position));
    expanded.append(dialect.token(statement.substr(start + 2, end - start - 2)));
    position = end + 1;
  }
  expanded.append(statement.substr(position));
  return expanded;
}

}  // namespace trappa::store
