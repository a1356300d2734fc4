// What differs between the SQLite and PostgreSQL backends: connecting and configuring a
// session, and the few schema words spelled differently. Internal to the store layer.
#pragma once

#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "store/sql/row_scan.hpp"

namespace soci {
class session;
}

namespace trappa::store {

class Dialect {
 public:
  virtual ~Dialect() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  // Opens `session` on `location` and applies the per-connection settings. Throws soci errors.
  virtual void connect(soci::session& session, std::string_view location) const = 0;
  // Called at the start of a transaction that writes many rows. Foreign keys are still
  // checked, but once at commit instead of per row where the backend allows it.
  virtual void prepare_bulk_write(soci::session& session) const = 0;
  // The statement that begins a transaction which writes (write_transaction.hpp): it takes
  // the write lock up front where the backend would otherwise fail instead of waiting.
  [[nodiscard]] virtual std::string_view begin_write() const = 0;
  // Inside a write transaction: makes other writers that lock the same `name` wait until this
  // transaction ends, so that what one reads as "before" is what the previous writer
  // committed (even when no row exists yet to lock). Names: "assessment:<round id>:<employee
  // id>", "throttle:<scope>:<key>".
  virtual void lock(soci::session& session, const std::string& name) const = 0;
  // Inside a write transaction: tells listening connections, at commit, that the change feed
  // grew (store/change_feed.hpp). PostgreSQL: NOTIFY; SQLite: nothing.
  virtual void notify_change(soci::session& session) const = 0;
  // Returns when a notification arrived on `session` or after `timeout` (SQLite: sleeps).
  // The first call starts listening. Throws soci errors.
  virtual void wait_for_change(soci::session& session, std::chrono::milliseconds timeout) const = 0;
  // The rows of `sql` (parameters $1, $2, …) streamed from the backend's C API
  // (store/sql/row_scan.hpp). Throws on errors.
  [[nodiscard]] virtual std::unique_ptr<RowScan> scan(soci::session& session, std::string_view sql,
                                                      std::span<const ScanParameter> parameters) const = 0;
  // The spelling of a ${NAME} token in the shared migrations.
  [[nodiscard]] virtual std::string_view token(std::string_view name) const = 0;
};

[[nodiscard]] std::unique_ptr<Dialect> make_sqlite_dialect();
[[nodiscard]] std::unique_ptr<Dialect> make_postgresql_dialect();

// Replaces every ${NAME} in `statement` with the dialect's spelling.
[[nodiscard]] std::string expand_tokens(std::string_view statement, const Dialect& dialect);

}  // namespace trappa::store
