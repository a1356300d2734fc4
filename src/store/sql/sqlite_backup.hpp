// Copies of a SQLite store: an online backup to a file, and a restore from one. Both use the
// SQLite backup API, so a backup runs while `trappa serve` keeps serving and writing.
//
// A backup copies one consistent snapshot: it holds a read transaction on the store for the
// whole copy (in WAL mode writers carry on meanwhile), writes FILE.tmp, converts it to a single
// self-contained file (rollback journal, no -wal beside it), checks its integrity, syncs it and
// only then renames it to FILE. FILE is therefore either absent, the old file, or a complete
// new backup; never half a copy.
//
// A restore first checks the file (a SQLite database, PRAGMA integrity_check and
// foreign_key_check clean, a Trappa schema no newer than this build), refuses a store that
// another process has open, and then replaces the store's whole content in one write
// transaction: a crash during the restore leaves the old content.
//
// Errors: kInvalidInput for a file that is missing, not a Trappa store, damaged or truncated,
// and for a backup onto the store itself; kConflict for an existing FILE without
// ExistingFile::kReplace, a store in use, or a schema newer than this build; kNotFound for a
// store that does not exist; kStorage for failures of SQLite or the file system.
// The functions are not thread-safe with respect to the same paths; each opens its own
// connections and closes them before returning.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "core/base/result.hpp"

namespace trappa::store {

enum class CopyPhase {
  kChecking,  // an integrity check starts: of the backup file (restore) or of the copy (backup)
  kCopying,   // a step of the copy is done
};

struct CopyProgress {
  CopyPhase phase = CopyPhase::kCopying;
  std::uint64_t bytes_copied = 0;
  std::uint64_t bytes_total = 0;  // the size of the database image being checked or copied
};
// Called before each integrity check and after every step of a copy (a few MiB each), from
// the calling thread.
using CopyProgressCallback = std::function<void(const CopyProgress&)>;

enum class ExistingFile { kRefuse, kReplace };

struct StoreFileSummary {
  std::uint64_t bytes = 0;   // size of the database image copied or checked
  int schema_version = 0;    // the highest migration the file's schema has
};

// Writes a backup of the SQLite store at `store` to `file` (see above).
[[nodiscard]] core::Result<StoreFileSummary> backup_sqlite_store(const std::filesystem::path& store,
                                                                 const std::filesystem::path& file,
                                                                 ExistingFile existing,
                                                                 const CopyProgressCallback& progress);

// Checks, without changing it, that `file` is an intact Trappa store this build can use:
// the checks a restore makes before it touches anything.
[[nodiscard]] core::Result<StoreFileSummary> check_sqlite_store_file(const std::filesystem::path& file,
                                                                     const CopyProgressCallback& progress = {});

// True when another process has the SQLite store open. Reads the POSIX locks SQLite's unix
// VFS documents: every connection to a WAL database holds a shared lock on the "DMS" byte of
// the -shm file, and a connection in rollback mode holds locks on the lock-byte range of the
// database file. A process that opens the store after this check is not seen.
[[nodiscard]] core::Result<bool> sqlite_store_in_use(const std::filesystem::path& store);

// Replaces the content of the SQLite store at `store` (created when it does not exist) with
// that of the backup `file`, after check_sqlite_store_file and sqlite_store_in_use. Does not
// migrate: open the store afterwards to bring an older schema up to date.
[[nodiscard]] core::Result<StoreFileSummary> restore_sqlite_store(const std::filesystem::path& file,
                                                                  const std::filesystem::path& store,
                                                                  const CopyProgressCallback& progress);

}  // namespace trappa::store
