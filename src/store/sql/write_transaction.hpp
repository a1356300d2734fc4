// A transaction that writes. Internal to the store layer (it names a SOCI session).
//
// SQLite runs one writer at a time. A plain BEGIN starts as a reader and asks for the write
// lock at its first write; when another connection has written in between, SQLite cannot
// wait for that lock (the reader's snapshot is already stale) and fails at once with "database
// is locked", whatever the busy timeout. The web server's concurrent saves hit exactly that
// (bench/load.sh). So a write transaction asks for the write lock when it begins (the
// dialect's begin_write(): BEGIN IMMEDIATE on SQLite), and waits for it up to the busy
// timeout instead. PostgreSQL locks rows and needs no such thing.
//
// Like soci::transaction: rolls back unless committed; not copyable; one per session at a time.
#pragma once

namespace soci {
class session;
}

namespace trappa::store {

class Dialect;

class WriteTransaction {
 public:
  // Begins the transaction; throws soci errors (the store's guarded() turns them into Error).
  WriteTransaction(soci::session& session, const Dialect& dialect);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // Throws soci errors; the destructor then rolls back.
  void commit();

 private:
  soci::session& session_;
  bool finished_ = false;
};

}  // namespace trappa::store
