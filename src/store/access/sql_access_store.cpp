// Web accounts and sessions in the store.
#include <soci/soci.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "store/access/sql_access_store.hpp"

namespace trappa::store {

using core::Result;

namespace {

constexpr const char* kAccountColumns = "employee_id, role, password_hash, must_change_password, scope_unit, created_at";

core::Account account_from_row(const soci::row& row) {
  core::Account account;
  account.employee_id = row.get<std::string>(0);
  account.role = core::parse_account_role(row.get<std::string>(1)).value_or(core::AccountRole::kEmployee);
  account.password_hash = row.get<std::string>(2);
  // SQLite returns INTEGER as int, PostgreSQL as int too; read through long long for both.
  account.must_change_password = row.get<int>(3) != 0;
  account.scope_unit = row.get<std::string>(4);
  account.created_at = row.get<std::string>(5);
  return account;
}

// Old → new of everything but the hash: the audit says that the password changed (and
// whether to a one-time password), never what it is or hashes to.
std::string describe_account_change(const core::Account* before, const core::Account& after) {
  auto scope = [](const std::string& unit) { return unit.empty() ? std::string("–") : unit; };
  if (before == nullptr) {
    return fmt::format("created: role {}, scope {}, {} password", core::to_code(after.role), scope(after.scope_unit),
                       after.must_change_password ? "one-time" : "own");
  }
  std::vector<std::string> changes;
  if (before->role != after.role) {
    changes.push_back(fmt::format("role {}→{}", core::to_code(before->role), core::to_code(after.role)));
  }
  if (before->scope_unit != after.scope_unit) {
    changes.push_back(fmt::format("scope {}→{}", scope(before->scope_unit), scope(after.scope_unit)));
  }
  if (before->password_hash != after.password_hash) {
    changes.emplace_back(after.must_change_password ? "password reset to a one-time password" : "password changed");
  } else if (before->must_change_password != after.must_change_password) {
    changes.emplace_back(after.must_change_password ? "password must be changed" : "password no longer one-time");
  }
  if (changes.empty()) return "no change";
  return fmt::format("{}", fmt::join(changes, "; "));
}

}  // namespace

Result<void> SqlAccessStore::save_account(const core::Account& account, const Actor& actor) {
  return guarded("saving the account", [&]() -> Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    long long people = 0;
    *session_ << "SELECT COUNT(*) FROM people WHERE employee_id = :id", soci::use(account.employee_id),
        soci::into(people);
    if (people == 0) {
      return core::fail(core::ErrorKind::kNotFound, "no person with employee id '" + account.employee_id + "'");
    }
    // An erased person's identity is gone from the store; an account would bring a sign-in back.
    if (is_erased(account.employee_id)) {
      return core::fail(core::ErrorKind::kConflict,
                        "person '" + account.employee_id + "' was erased; no account can be made for them");
    }
    std::optional<core::Account> previous;
    {
      soci::rowset<soci::row> rows = (session_->prepare << "SELECT " << kAccountColumns
                                                        << " FROM accounts WHERE employee_id = :id",
                                      soci::use(account.employee_id));
      for (const soci::row& row : rows) previous = account_from_row(row);
    }
    const std::string now = utc_timestamp_now();
    const std::string created_at = account.created_at.empty() ? now : account.created_at;
    const std::string role(core::to_code(account.role));
    const int must_change = account.must_change_password ? 1 : 0;
    *session_ << "INSERT INTO accounts (employee_id, role, password_hash, must_change_password, scope_unit, "
                 "created_at, updated_at) VALUES (:id, :role, :hash, :must_change, :scope, :created, :updated) "
                 "ON CONFLICT (employee_id) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, "
                 "must_change_password = excluded.must_change_password, scope_unit = excluded.scope_unit, "
                 "updated_at = excluded.updated_at",
        soci::use(account.employee_id), soci::use(role), soci::use(account.password_hash), soci::use(must_change),
        soci::use(account.scope_unit), soci::use(created_at), soci::use(now);
    append_audit_in_transaction({now, actor.name, previous ? "account.update" : "account.create", account.employee_id,
                                 describe_account_change(previous ? &*previous : nullptr, account)});
    record_change_in_transaction(ChangeKind::kAccounts, {}, account.employee_id);
    transaction.commit();
    return {};
  });
}

Result<std::optional<core::Account>> SqlAccessStore::load_account(const std::string& employee_id) {
  return guarded("reading the account", [&]() -> Result<std::optional<core::Account>> {
    soci::rowset<soci::row> rows = (session_->prepare << "SELECT " << kAccountColumns
                                                      << " FROM accounts WHERE employee_id = :id",
                                    soci::use(employee_id));
    for (const soci::row& row : rows) return std::optional<core::Account>(account_from_row(row));
    return std::optional<core::Account>{};
  });
}

Result<std::vector<core::Account>> SqlAccessStore::list_accounts() {
  return guarded("listing accounts", [&]() -> Result<std::vector<core::Account>> {
    std::vector<core::Account> accounts;
    soci::rowset<soci::row> rows =
        (session_->prepare << "SELECT " << kAccountColumns << " FROM accounts ORDER BY employee_id");
    for (const soci::row& row : rows) accounts.push_back(account_from_row(row));
    return accounts;
  });
}

Result<void> SqlAccessStore::create_session(const core::SessionRecord& session) {
  return guarded("creating the session", [&]() -> Result<void> {
    *session_ << "INSERT INTO sessions (token_digest, employee_id, csrf_token, created_at, expires_at) "
                 "VALUES (:digest, :employee, :csrf, :created, :expires)",
        soci::use(session.token_digest), soci::use(session.employee_id), soci::use(session.csrf_token),
        soci::use(session.created_at), soci::use(session.expires_at);
    return {};
  });
}

Result<std::optional<core::SessionRecord>> SqlAccessStore::load_session(const std::string& token_digest) {
  return guarded("reading the session", [&]() -> Result<std::optional<core::SessionRecord>> {
    soci::rowset<soci::row> rows =
        (session_->prepare << "SELECT token_digest, employee_id, csrf_token, created_at, expires_at FROM sessions "
                              "WHERE token_digest = :digest",
         soci::use(token_digest));
    for (const soci::row& row : rows) {
      return std::optional<core::SessionRecord>(core::SessionRecord{
          row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3),
          row.get<std::string>(4)});
    }
    return std::optional<core::SessionRecord>{};
  });
}

Result<void> SqlAccessStore::delete_session(const std::string& token_digest) {
  return guarded("deleting the session", [&]() -> Result<void> {
    *session_ << "DELETE FROM sessions WHERE token_digest = :digest", soci::use(token_digest);
    return {};
  });
}

Result<bool> SqlAccessStore::touch_session(const std::string& token_digest, const std::string& expires_at) {
  return guarded("extending the session", [&]() -> Result<bool> {
    soci::statement statement = (session_->prepare << "UPDATE sessions SET expires_at = :expires WHERE token_digest = :digest",
                                 soci::use(expires_at), soci::use(token_digest));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
  });
}

Result<bool> SqlAccessStore::revoke_account(const std::string& employee_id, const Actor& actor) {
  return guarded("revoking the account", [&]() -> Result<bool> {
    WriteTransaction transaction(*session_, *dialect_);
    std::string role;
    soci::indicator found = soci::i_null;
    *session_ << "SELECT role FROM accounts WHERE employee_id = :id", soci::use(employee_id), soci::into(role, found);
    if (!session_->got_data() || found != soci::i_ok) return false;
    *session_ << "DELETE FROM sessions WHERE employee_id = :id", soci::use(employee_id);
    *session_ << "DELETE FROM accounts WHERE employee_id = :id", soci::use(employee_id);
    const std::string now = utc_timestamp_now();
    append_audit_in_transaction({now, actor.name, "account.revoke", employee_id, "role " + role + ", sessions ended"});
    record_change_in_transaction(ChangeKind::kAccounts, {}, employee_id);
    transaction.commit();
    return true;
  });
}

Result<std::size_t> SqlAccessStore::delete_sessions(const std::string& now, const std::string& employee_id) {
  return guarded("deleting sessions", [&]() -> Result<std::size_t> {
    soci::statement statement =
        employee_id.empty()
            ? (session_->prepare << "DELETE FROM sessions WHERE expires_at < :now", soci::use(now))
            : (session_->prepare << "DELETE FROM sessions WHERE employee_id = :employee", soci::use(employee_id));
    statement.execute(true);
    return static_cast<std::size_t>(statement.get_affected_rows());
  });
}

namespace {

std::optional<core::ThrottleCounter> read_throttle_counter(soci::session& session, const std::string& scope,
                                                           const std::string& key) {
  std::optional<core::ThrottleCounter> counter;
  soci::rowset<soci::row> rows = (session.prepare << "SELECT failures, blocks, last_activity_ms, blocked_until_ms "
                                                     "FROM sign_in_throttle WHERE scope = :scope AND throttle_key = :key",
                                  soci::use(scope), soci::use(key));
  for (const soci::row& row : rows) {
    // BIGINT comes back as long long on both backends.
    counter = core::ThrottleCounter{row.get<int>(0), row.get<int>(1), row.get<long long>(2), row.get<long long>(3)};
  }
  return counter;
}

}  // namespace

Result<std::optional<core::ThrottleCounter>> SqlAccessStore::load_throttle_counter(const std::string& scope,
                                                                                    const std::string& key) {
  return guarded("reading a sign-in counter", [&]() -> Result<std::optional<core::ThrottleCounter>> {
    return read_throttle_counter(*session_, scope, key);
  });
}

Result<void> SqlAccessStore::change_throttle_counter(const std::string& scope, const std::string& key,
                                                     const core::ThrottleCounters::Change& change) {
  return guarded("counting a failed sign-in", [&]() -> Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    dialect_->lock(*session_, "throttle:" + scope + ":" + key);
    const auto before = read_throttle_counter(*session_, scope, key);
    const auto after = change(before);
    if (after == before) return {};
    *session_ << "DELETE FROM sign_in_throttle WHERE scope = :scope AND throttle_key = :key", soci::use(scope),
        soci::use(key);
    if (after) {
      const long long last_activity = after->last_activity_ms;
      const long long blocked_until = after->blocked_until_ms;
      *session_ << "INSERT INTO sign_in_throttle (scope, throttle_key, failures, blocks, last_activity_ms, "
                   "blocked_until_ms) VALUES (:scope, :key, :failures, :blocks, :last, :until)",
          soci::use(scope), soci::use(key), soci::use(after->failures), soci::use(after->blocks),
          soci::use(last_activity), soci::use(blocked_until);
    }
    transaction.commit();
    return {};
  });
}

Result<std::size_t> SqlAccessStore::delete_idle_throttle_counters(const std::string& scope, std::int64_t now_ms,
                                                                  std::int64_t active_since_ms) {
  return guarded("forgetting old sign-in counters", [&]() -> Result<std::size_t> {
    const long long now = now_ms;
    const long long since = active_since_ms;
    soci::statement statement =
        (session_->prepare << "DELETE FROM sign_in_throttle WHERE scope = :scope AND blocked_until_ms <= :now "
                              "AND last_activity_ms <= :since",
         soci::use(scope), soci::use(now), soci::use(since));
    statement.execute(true);
    return static_cast<std::size_t>(statement.get_affected_rows());
  });
}

Result<std::string> SqlAccessStore::shared_secret(const std::string& name, const std::string& candidate) {
  return guarded("reading a shared secret", [&]() -> Result<std::string> {
    WriteTransaction transaction(*session_, *dialect_);
    *session_ << "INSERT INTO server_secrets (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING",
        soci::use(name), soci::use(candidate);
    std::string secret;
    *session_ << "SELECT secret FROM server_secrets WHERE name = :name", soci::use(name), soci::into(secret);
    transaction.commit();
    return secret;
  });
}

}  // namespace trappa::store
