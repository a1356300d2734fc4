// RowScan on SQLite: one prepared statement stepped row by row on the session's connection.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>  // declares the SQLite API in namespace sqlite_api

#include <stdexcept>
#include <string>

#include "store/sql/row_scan.hpp"

namespace trappa::store {

namespace {

using namespace sqlite_api;

class SqliteRowScan final : public RowScan {
 public:
  SqliteRowScan(sqlite3* connection, std::string_view sql, std::span<const ScanParameter> parameters)
      : connection_(connection) {
    sqlite3_stmt* prepared = nullptr;
    const int prepared_status =
        sqlite3_prepare_v2(connection_, sql.data(), static_cast<int>(sql.size()), &prepared, nullptr);
    statement_.reset(prepared);
    if (prepared_status != SQLITE_OK) fail("preparing");
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      const std::string name = "$" + std::to_string(i + 1);
      const int index = sqlite3_bind_parameter_index(statement_.get(), name.c_str());
      if (index == 0) continue;  // not used by the statement
      const int status = std::holds_alternative<long long>(parameters[i])
                             ? sqlite3_bind_int64(statement_.get(), index, std::get<long long>(parameters[i]))
                             : sqlite3_bind_text(statement_.get(), index, std::get<std::string>(parameters[i]).data(),
                                                 static_cast<int>(std::get<std::string>(parameters[i]).size()),
                                                 SQLITE_TRANSIENT);
      if (status != SQLITE_OK) fail("binding");
    }
  }

  bool next() override {
    const int status = sqlite3_step(statement_.get());
    if (status == SQLITE_ROW) return true;
    if (status == SQLITE_DONE) return false;
    fail("reading");
  }
  bool is_null(int column) const override { return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL; }
  long long integer(int column) const override { return sqlite3_column_int64(statement_.get(), column); }
  std::string_view text(int column) const override {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_.get(), column));
    if (data == nullptr) return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column))};
  }

 private:
  [[noreturn]] void fail(const char* doing) const {
    throw std::runtime_error(std::string("sqlite: ") + doing + ": " + sqlite3_errmsg(connection_));
  }

  sqlite3* connection_;
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };
  std::unique_ptr<sqlite3_stmt, Finalize> statement_;
};

}  // namespace

std::unique_ptr<RowScan> scan_sqlite(soci::session& session, std::string_view sql,
                                     std::span<const ScanParameter> parameters) {
  sqlite3* connection = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
  return std::make_unique<SqliteRowScan>(connection, sql, parameters);
}

}  // namespace trappa::store
