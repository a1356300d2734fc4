// Online backup and restore of a SQLite store with the SQLite backup API (sqlite3_backup_*).
// SOCI has no access to it, so this file talks to SQLite's C interface directly.
#include "store/sql/sqlite_backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "store/sql/schema_migrations.hpp"

namespace trappa::store {

namespace {

namespace fs = std::filesystem;
using core::ErrorKind;

// 2 048 pages of 4 KiB: 8 MiB per step, so progress moves about every tenth of a second.
constexpr int kPagesPerStep = 2048;
// How long a step waits, in all, for a lock a writer holds on the destination store.
constexpr auto kBusyPatience = std::chrono::seconds(60);
constexpr int kBusyTimeoutMilliseconds = 60'000;

struct DatabaseCloser {
  void operator()(sqlite3* database) const { sqlite3_close_v2(database); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// A SQLite failure on `database`, as a storage error saying what we were doing.
core::Error sqlite_error(sqlite3* database, std::string_view doing) {
  return {ErrorKind::kStorage, fmt::format("{} failed: {}", doing, database ? sqlite3_errmsg(database) : "out of memory"),
          {}};
}

int known_schema_version() {
  return schema_migrations().empty() ? 0 : schema_migrations().back().version;
}

core::Result<Database> open_database(const fs::path& path, int flags, std::string_view doing) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database database(raw);
  if (rc != SQLITE_OK) return std::unexpected(sqlite_error(raw, doing));
  sqlite3_busy_timeout(raw, kBusyTimeoutMilliseconds);
  sqlite3_extended_result_codes(raw, 1);
  return database;
}

core::Result<void> execute(sqlite3* database, const char* sql, std::string_view doing) {
  if (sqlite3_exec(database, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return std::unexpected(sqlite_error(database, doing));
  }
  return {};
}

// Every row of a query as text columns. The caller decides what an error means (a damaged
// file fails here with SQLITE_CORRUPT or SQLITE_NOTADB).
core::Result<std::vector<std::vector<std::string>>> query_rows(sqlite3* database, const char* sql,
                                                               std::string_view doing) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(database, sql, -1, &raw, nullptr) != SQLITE_OK) {
    return std::unexpected(sqlite_error(database, doing));
  }
  Statement statement(raw);
  std::vector<std::vector<std::string>> rows;
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    std::vector<std::string>& row = rows.emplace_back();
    for (int column = 0; column < sqlite3_column_count(raw); ++column) {
      const unsigned char* text = sqlite3_column_text(raw, column);
      row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
  }
  if (rc != SQLITE_DONE) return std::unexpected(sqlite_error(database, doing));
  return rows;
}

// The schema version of a Trappa store: kInvalidInput when the database is no Trappa store.
core::Result<int> trappa_schema_version(sqlite3* database, const fs::path& path) {
  ASSIGN_OR_RETURN(
      auto tables,
      query_rows(database, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                 "reading the schema"));
  if (tables.front().front() == "0") {
    return core::fail(ErrorKind::kInvalidInput,
                      fmt::format("'{}' is not a Trappa store: it has no schema_migrations table", path.string()));
  }
  ASSIGN_OR_RETURN(auto version, query_rows(database, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                                            "reading the schema version"));
  const int found = std::stoi(version.front().front());
  if (found <= 0) {
    return core::fail(ErrorKind::kInvalidInput,
                      fmt::format("'{}' is not a Trappa store: its schema_migrations table is empty", path.string()));
  }
  return found;
}

// What the first 100 bytes of a SQLite database say (https://sqlite.org/fileformat2.html,
// "The Database Header"), so a wrong or truncated file gets a message that says so rather
// than SQLite's "database disk image is malformed" on some later page.
core::Result<void> check_database_header(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::array<unsigned char, 100> header{};
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  const auto got = static_cast<std::size_t>(in.gcount());
  const std::string name = file.string();
  static constexpr char kMagic[] = "SQLite format 3";  // followed by a NUL, compared below
  if (got < 16 || std::memcmp(header.data(), kMagic, sizeof kMagic) != 0) {
    return core::fail(ErrorKind::kInvalidInput, fmt::format("'{}' is not a Trappa store: it is not a SQLite database", name));
  }
  if (got < header.size()) {
    return core::fail(ErrorKind::kInvalidInput,
                      fmt::format("'{}' is truncated: it ends inside the database header ({} bytes)", name, got));
  }
  auto big_endian = [&header](std::size_t offset, std::size_t width) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value = (value << 8) | header[offset + i];
    return value;
  };
  std::uint64_t page_size = big_endian(16, 2);
  if (page_size == 1) page_size = 65536;
  const std::uint64_t pages = big_endian(28, 4);
  // The page count in the header is valid when the change counter matches "version valid for".
  const bool page_count_valid = pages != 0 && big_endian(24, 4) == big_endian(92, 4);
  std::error_code error;
  const std::uint64_t size = fs::file_size(file, error);
  if (page_count_valid && !error && size < pages * page_size) {
    return core::fail(ErrorKind::kInvalidInput,
                      fmt::format("'{}' is truncated: its header describes {} pages of {} bytes ({} bytes), the file "
                                  "holds {} bytes",
                                  name, pages, page_size, pages * page_size, size));
  }
  return {};
}

// Copies `source` into `destination` with the backup API in steps, reporting progress. The
// backup keeps the destination's write transaction open across steps and commits it only at
// the end, so an interrupted copy leaves the destination as it was.
core::Result<void> copy_database(sqlite3* source, sqlite3* destination, const CopyProgressCallback& progress,
                                 std::string_view doing) {
  ASSIGN_OR_RETURN(auto size, query_rows(source, "PRAGMA page_size", doing));
  const std::uint64_t page_size = std::stoull(size.front().front());
  sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
  if (backup == nullptr) return std::unexpected(sqlite_error(destination, doing));
  const auto give_up_at = std::chrono::steady_clock::now() + kBusyPatience;
  int rc = SQLITE_OK;
  while (true) {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    if (rc == SQLITE_OK || rc == SQLITE_DONE) {
      if (progress) {
        const auto total = static_cast<std::uint64_t>(sqlite3_backup_pagecount(backup));
        const auto remaining = static_cast<std::uint64_t>(sqlite3_backup_remaining(backup));
        progress({CopyPhase::kCopying, (total - remaining) * page_size, total * page_size});
      }
      if (rc == SQLITE_DONE) break;
      continue;
    }
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
      if (std::chrono::steady_clock::now() > give_up_at) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    break;
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    // finish() leaves the error of the failed step on the destination connection.
    core::Error error = sqlite_error(destination, doing);
    if ((rc & 0xff) == SQLITE_READONLY) {
      error.message += " (the store and the backup have different page sizes; restore into a new file instead)";
    }
    return std::unexpected(std::move(error));
  }
  return {};
}

// The integrity checks a restore demands, as problems (empty when the database is intact).
core::Result<std::vector<core::Problem>> integrity_problems(sqlite3* database, const fs::path& path,
                                                            const CopyProgressCallback& progress) {
  std::vector<core::Problem> problems;
  const std::string name = path.string();
  if (progress) {
    auto size = query_rows(database, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                           "measuring the database");
    const std::uint64_t bytes = size ? std::stoull(size->front().front()) : 0;
    progress({CopyPhase::kChecking, 0, bytes});
  }
  auto integrity = query_rows(database, "PRAGMA integrity_check(20)", "checking integrity");
  if (!integrity) {
    return core::fail(ErrorKind::kInvalidInput, fmt::format("'{}' is not an intact SQLite database: {}", name,
                                                            sqlite3_errmsg(database)));
  }
  if (!(integrity->size() == 1 && integrity->front().front() == "ok")) {
    for (const auto& row : *integrity) problems.push_back({name, "integrity_check: " + row.front()});
  }
  auto keys = query_rows(database, "PRAGMA foreign_key_check", "checking foreign keys");
  if (!keys) {
    return core::fail(ErrorKind::kInvalidInput, fmt::format("'{}' is not an intact SQLite database: {}", name,
                                                            sqlite3_errmsg(database)));
  }
  for (const auto& row : *keys) {
    if (problems.size() >= 40) break;
    problems.push_back({name, fmt::format("foreign_key_check: row {} of table {} has no matching row in {}", row[1],
                                          row[0], row[2])});
  }
  return problems;
}

core::Result<void> sync_path(const fs::path& path, int flags) {
  const int descriptor = ::open(path.c_str(), flags | O_CLOEXEC);
  if (descriptor < 0) {
    return core::fail(ErrorKind::kStorage, fmt::format("cannot open '{}' to sync it: {}", path.string(), std::strerror(errno)));
  }
  const int rc = ::fsync(descriptor);
  const int saved = errno;
  ::close(descriptor);
  if (rc != 0) return core::fail(ErrorKind::kStorage, fmt::format("syncing '{}' failed: {}", path.string(), std::strerror(saved)));
  return {};
}

// True when another process holds a lock that conflicts with a write lock on [start, start+length).
core::Result<bool> locked_by_another_process(const fs::path& path, off_t start, off_t length) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) {
    if (errno == ENOENT) return false;
    return core::fail(ErrorKind::kStorage, fmt::format("cannot open '{}': {}", path.string(), std::strerror(errno)));
  }
  struct flock probe {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  probe.l_start = start;
  probe.l_len = length;
  const int rc = ::fcntl(descriptor, F_GETLK, &probe);
  const int saved = errno;
  ::close(descriptor);
  if (rc != 0) return core::fail(ErrorKind::kStorage, fmt::format("cannot read the locks of '{}': {}", path.string(), std::strerror(saved)));
  return probe.l_type != F_UNLCK;
}

fs::path with_suffix(const fs::path& path, std::string_view suffix) { return fs::path(path.string() + std::string(suffix)); }

}  // namespace

core::Result<bool> sqlite_store_in_use(const fs::path& store) {
  // The unix VFS's lock bytes: PENDING_BYTE (0x40000000), RESERVED_BYTE and the 510-byte
  // SHARED range after it; and in the -shm file, the DMS byte at offset 128 that every
  // connection to a WAL database holds a shared lock on while it is open
  // (https://sqlite.org/walformat.html, "Locking").
  constexpr off_t kPendingByte = 0x40000000;
  constexpr off_t kLockRange = 512;
  constexpr off_t kShmDeadManSwitch = 128;
  auto database = locked_by_another_process(store, kPendingByte, kLockRange);
  if (!database || *database) return database;
  return locked_by_another_process(with_suffix(store, "-shm"), kShmDeadManSwitch, 1);
}

core::Result<StoreFileSummary> check_sqlite_store_file(const fs::path& file, const CopyProgressCallback& progress) {
  const std::string name = file.string();
  std::error_code error;
  const auto status = fs::status(file, error);
  if (!fs::exists(status)) {
    return core::fail(ErrorKind::kInvalidInput, fmt::format("'{}' does not exist", name));
  }
  if (!fs::is_regular_file(status)) {
    return core::fail(ErrorKind::kInvalidInput, fmt::format("'{}' is not a file", name));
  }
  if (fs::file_size(with_suffix(file, "-wal"), error) > 0 && !error) {
    return core::fail(ErrorKind::kInvalidInput,
                      fmt::format("'{}' has a write-ahead log beside it ('{}-wal'): it is a live store, not a backup; "
                                  "make a backup of it with trappa backup first",
                                  name, name));
  }
  TRY(check_database_header(file));
  auto database = open_database(file, SQLITE_OPEN_READONLY, fmt::format("opening '{}'", name));
  if (!database) {
    return core::fail(ErrorKind::kInvalidInput, fmt::format("'{}' cannot be opened: {}", name, database.error().message));
  }
  ASSIGN_OR_RETURN(auto problems, integrity_problems(database->get(), file, progress));
  if (!problems.empty()) {
    return core::invalid(fmt::format("'{}' is damaged; nothing was changed", name), std::move(problems));
  }
  ASSIGN_OR_RETURN(auto version, trappa_schema_version(database->get(), file));
  if (version > known_schema_version()) {
    return core::fail(ErrorKind::kConflict,
                      fmt::format("'{}' has schema version {}, newer than this build knows ({}); restore it with a "
                                  "newer trappa",
                                  name, version, known_schema_version()));
  }
  ASSIGN_OR_RETURN(auto pages,
                   query_rows(database->get(), "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                              "measuring the database"));
  return StoreFileSummary{std::stoull(pages.front().front()), version};
}

core::Result<StoreFileSummary> backup_sqlite_store(const fs::path& store, const fs::path& file, ExistingFile existing,
                                                   const CopyProgressCallback& progress) {
  std::error_code error;
  if (!fs::is_regular_file(store, error)) {
    return core::fail(ErrorKind::kNotFound, fmt::format("there is no SQLite store at '{}'", store.string()));
  }
  if (fs::exists(file, error)) {
    if (fs::equivalent(file, store, error)) {
      return core::fail(ErrorKind::kInvalidInput,
                        fmt::format("'{}' is the store itself; choose another file for the backup", file.string()));
    }
    if (existing == ExistingFile::kRefuse) {
      return core::fail(ErrorKind::kConflict, fmt::format("'{}' already exists; it was left as it is", file.string()));
    }
    if (!fs::is_regular_file(file, error)) {
      return core::fail(ErrorKind::kInvalidInput, fmt::format("'{}' exists and is not a file", file.string()));
    }
  }
  const fs::path temporary = with_suffix(file, ".tmp");
  auto remove_temporary = [&temporary] {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    fs::remove(with_suffix(temporary, "-journal"), ignored);
    fs::remove(with_suffix(temporary, "-wal"), ignored);
    fs::remove(with_suffix(temporary, "-shm"), ignored);
  };
  remove_temporary();  // a leftover of an interrupted backup

  // The source is opened without SQLITE_OPEN_CREATE, read and never written.
  ASSIGN_OR_RETURN(auto source,
                   open_database(store, SQLITE_OPEN_READWRITE, fmt::format("opening the store '{}'", store.string())));
  // One read transaction for the whole copy: every step sees the same snapshot, so the copy
  // is consistent and never restarts because a writer committed in between (the backup API
  // keeps a read transaction it did not open itself).
  TRY(execute(source.get(), "BEGIN", "starting the backup"));
  ASSIGN_OR_RETURN(auto version, trappa_schema_version(source.get(), store));

  StoreFileSummary summary;
  summary.schema_version = version;
  auto result = [&]() -> core::Result<void> {
    ASSIGN_OR_RETURN(auto destination, open_database(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                                     fmt::format("creating '{}'", temporary.string())));
    auto copied = copy_database(source.get(), destination.get(), progress, "copying the store");
    if (!copied) return copied;
    // A self-contained file: the store's WAL setting would otherwise travel with the copy and
    // a reader would need to create -wal and -shm files beside it.
    TRY(query_rows(destination.get(), "PRAGMA journal_mode = DELETE", "finishing the backup"));
    ASSIGN_OR_RETURN(auto problems, integrity_problems(destination.get(), temporary, progress));
    if (!problems.empty()) {
      return std::unexpected(
          core::Error{ErrorKind::kStorage, "the backup failed its integrity check", std::move(problems)});
    }
    ASSIGN_OR_RETURN(auto size, query_rows(destination.get(),
                                           "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                                           "measuring the backup"));
    summary.bytes = std::stoull(size.front().front());
    if (sqlite3_close(destination.release()) != SQLITE_OK) {
      return core::fail(ErrorKind::kStorage, "closing the backup failed");
    }
    if (auto synced = sync_path(temporary, O_RDONLY); !synced) return synced;
    std::error_code renamed;
    fs::rename(temporary, file, renamed);
    if (renamed) {
      return core::fail(ErrorKind::kStorage, fmt::format("cannot rename '{}' to '{}': {}", temporary.string(),
                                                         file.string(), renamed.message()));
    }
    // The rename itself is durable once the directory is synced.
    const fs::path directory = file.has_parent_path() ? file.parent_path() : fs::path(".");
    return sync_path(directory, O_RDONLY | O_DIRECTORY);
  }();
  (void)execute(source.get(), "COMMIT", "ending the backup's read transaction");
  if (!result) {
    remove_temporary();
    return std::unexpected(result.error());
  }
  return summary;
}

core::Result<StoreFileSummary> restore_sqlite_store(const fs::path& file, const fs::path& store,
                                                    const CopyProgressCallback& progress) {
  std::error_code error;
  const bool store_exists = fs::exists(store, error);
  if (store_exists && fs::exists(file, error) && fs::equivalent(file, store, error)) {
    return core::fail(ErrorKind::kInvalidInput, fmt::format("'{}' is the store itself", file.string()));
  }
  auto summary = check_sqlite_store_file(file, progress);
  if (!summary) return summary;
  if (store_exists) {
    ASSIGN_OR_RETURN(auto in_use, sqlite_store_in_use(store));
    if (in_use) {
      return core::fail(ErrorKind::kConflict,
                        fmt::format("the store '{}' is in use by another process (is trappa serve running?); stop it "
                                    "and try again; nothing was changed",
                                    store.string()));
    }
  }
  ASSIGN_OR_RETURN(auto source, open_database(file, SQLITE_OPEN_READONLY, fmt::format("opening '{}'", file.string())));
  ASSIGN_OR_RETURN(auto destination, open_database(store, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                                   fmt::format("opening the store '{}'", store.string())));
  TRY(copy_database(source.get(), destination.get(), progress, "restoring the store"));
  if (sqlite3_close(destination.release()) != SQLITE_OK) {
    return core::fail(ErrorKind::kStorage, "closing the restored store failed");
  }
  return summary;
}

}  // namespace trappa::store
