#include "app/accounts/session_records.hpp"

#include <utility>

#include <spdlog/spdlog.h>

#include "store/access/access_store.hpp"

namespace trappa::app {

core::Result<void> SessionRecords::start(const core::SessionRecord& session, const std::string& now) {
  auto lease = pool_.borrow();
  TRY(lease->access().create_session(session));
  if (auto swept = lease->access().delete_sessions(now); !swept) spdlog::warn("{}", swept.error().describe());
  return {};
}

core::Result<std::optional<StoredSession>> SessionRecords::find(const std::string& token_digest) {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(auto record, lease->access().load_session(token_digest));
  if (!record) return std::nullopt;
  ASSIGN_OR_RETURN(auto account, lease->access().load_account(record->employee_id));
  if (!account) return std::nullopt;
  return StoredSession{std::move(*record), std::move(*account)};
}

core::Result<bool> SessionRecords::extend(const std::string& token_digest, const std::string& expires_at) {
  auto lease = pool_.borrow();
  return lease->access().touch_session(token_digest, expires_at);
}

core::Result<void> SessionRecords::end(const std::string& token_digest) {
  auto lease = pool_.borrow();
  return lease->access().delete_session(token_digest);
}

core::Result<std::size_t> SessionRecords::end_all_of(const std::string& employee_id) {
  auto lease = pool_.borrow();
  // With an employee id the store deletes that person's sessions, whatever their expiry.
  return lease->access().delete_sessions({}, employee_id);
}

}  // namespace trappa::app
