#include "store/sql/write_transaction.hpp"

#include <soci/soci.h>

#include "store/sql/dialect.hpp"

namespace trappa::store {

WriteTransaction::WriteTransaction(soci::session& session, const Dialect& dialect) : session_(session) {
  session_ << std::string(dialect.begin_write());
}

WriteTransaction::~WriteTransaction() {
  if (finished_) return;
  try {
    session_.rollback();
  } catch (...) {
    // Called while an exception unwinds: the connection's failure is already being reported,
    // and the server ends an unfinished transaction itself when the connection goes.
  }
}

void WriteTransaction::commit() {
  session_.commit();
  finished_ = true;
}

}  // namespace trappa::store
