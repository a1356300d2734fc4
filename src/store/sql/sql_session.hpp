// The SQL session the store's capabilities share. Internal to the store layer: nothing outside
// src/store includes this header (or any SOCI header).
//
// A SqlSession owns one connection and its dialect, and the helpers more than one capability
// needs (audit writes, identity checks). Each capability's SQL implementation derives from
// SqlCapability, which hands it the session, the dialect and those helpers under the names
// the queries use (session_, dialect_, guarded, ...). Not thread-safe, like the Store.
#pragma once

#include <exception>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/base/result.hpp"
#include "store/sql/dialect.hpp"
#include "store/change_feed.hpp"
#include "store/sql/write_transaction.hpp"
#include "store/store.hpp"

namespace soci {
class session;
}

namespace trappa::store {

class SqlSession {
 public:
  SqlSession(std::unique_ptr<Dialect> dialect, std::unique_ptr<soci::session> session);
  ~SqlSession();
  SqlSession(const SqlSession&) = delete;
  SqlSession& operator=(const SqlSession&) = delete;

  [[nodiscard]] soci::session& session() { return *session_; }
  [[nodiscard]] Dialect& dialect() { return *dialect_; }

  // Inside the caller's transaction: one audit entry, or many in bulk-bound statements (the
  // per-person entries of an import).
  void append_audit_in_transaction(const AuditEntry& entry);
  void append_audit_entries_in_transaction(const std::vector<AuditEntry>& entries);
  // Inside the caller's transaction: one entry of the change feed (store/change_feed.hpp),
  // announced to listening nodes at commit.
  void record_change_in_transaction(ChangeKind kind, std::string_view round = {}, std::string_view subject = {});
  bool person_exists(const std::string& employee_id);
  // Whether "person.erase" was recorded for the person, and every person it was recorded for.
  bool is_erased(const std::string& employee_id);
  std::vector<std::string> erased_people();

 private:
  std::unique_ptr<Dialect> dialect_;
  std::unique_ptr<soci::session> session_;
};

// The base of every capability's SQL implementation.
class SqlCapability {
 protected:
  explicit SqlCapability(SqlSession& sql) : sql_(sql), session_(&sql.session()), dialect_(&sql.dialect()) {}

  // Runs `work`, turning any driver exception into a storage Error that says what we were
  // doing. A transaction opened inside `work` rolls back when the exception unwinds it.
  template <typename Work>
  auto guarded(std::string_view doing, Work&& work) -> decltype(work()) {
    try {
      return work();
    } catch (const std::exception& error) {
      return core::fail(core::ErrorKind::kStorage, fmt::format("{} failed: {}", doing, error.what()));
    }
  }

  void append_audit_in_transaction(const AuditEntry& entry) { sql_.append_audit_in_transaction(entry); }
  void record_change_in_transaction(ChangeKind kind, std::string_view round = {}, std::string_view subject = {}) {
    sql_.record_change_in_transaction(kind, round, subject);
  }
  void append_audit_entries_in_transaction(const std::vector<AuditEntry>& entries) {
    sql_.append_audit_entries_in_transaction(entries);
  }
  bool person_exists(const std::string& employee_id) { return sql_.person_exists(employee_id); }
  // The rows of a whole-round or whole-organisation read, straight from the backend
  // (store/sql/row_scan.hpp).
  std::unique_ptr<RowScan> scan(std::string_view sql, std::initializer_list<ScanParameter> parameters = {}) {
    return dialect_->scan(*session_, sql, std::span<const ScanParameter>(parameters.begin(), parameters.size()));
  }
  bool is_erased(const std::string& employee_id) { return sql_.is_erased(employee_id); }
  std::vector<std::string> erased_people() { return sql_.erased_people(); }

  SqlSession& sql_;
  soci::session* session_;  // the shared connection, as `*session_ << ...` in the queries
  Dialect* dialect_;
};

}  // namespace trappa::store
