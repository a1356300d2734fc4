// A forward-only scan over the rows of one query, read straight from the backend's C API
// (sqlite3_step; PostgreSQL's COPY ... TO STDOUT) instead of through soci's row buffers, for
// the few reads that stream a whole round or organisation (docs/performance.md, "Start").
// Values are borrowed: a text view is valid until the next call of next(). Internal to the
// store layer; errors are thrown as std::runtime_error and turned into values by `guarded`.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace soci {
class session;
}

namespace trappa::store {

// A query parameter, written $1, $2, … in the statement.
using ScanParameter = std::variant<long long, std::string>;

class RowScan {
 public:
  virtual ~RowScan() = default;
  // Moves to the next row; false after the last.
  virtual bool next() = 0;
  [[nodiscard]] virtual bool is_null(int column) const = 0;
  // 0 for NULL.
  [[nodiscard]] virtual long long integer(int column) const = 0;
  // Empty for NULL.
  [[nodiscard]] virtual std::string_view text(int column) const = 0;
};

[[nodiscard]] std::unique_ptr<RowScan> scan_sqlite(soci::session& session, std::string_view sql,
                                                   std::span<const ScanParameter> parameters);
[[nodiscard]] std::unique_ptr<RowScan> scan_postgresql(soci::session& session, std::string_view sql,
                                                       std::span<const ScanParameter> parameters);

}  // namespace trappa::store
