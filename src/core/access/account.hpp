// Accounts of the web application and their sessions.
//
// An account belongs to one person (by employee id). Its role says what the person may see
// beyond their own assessment; being a manager is not a role but a fact of the organisation
// (someone's manager_id names the person). Plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trappa::core {

enum class AccountRole : std::uint8_t {
  kEmployee,  // own assessment; the team's when the person manages someone
  kHr,        // everything in the account's scope, rounds, person-level data
  kAdmin,     // as HR over the whole organisation, plus accounts
  kObserver,  // aggregated pages only, small groups suppressed (e.g. union representatives)
};

struct Account {
  std::string employee_id;
  AccountRole role = AccountRole::kEmployee;
  std::string password_hash;          // argon2id, libsodium's crypto_pwhash_str format
  bool must_change_password = false;  // set for one-time passwords
  std::string scope_unit;             // HR: root of the subtree in scope; empty = everything
  std::string created_at;

  bool operator==(const Account&) const = default;
};

// A program allowed to call the xAPI endpoints (`trappa client`, docs/learning.md): it sends
// its name and secret by HTTP Basic authentication. The secret itself is never stored: only
// its digest. A revoked client keeps its row (and its name) for the audit trail.
struct ApiClient {
  std::string name;
  std::string secret_digest;  // hex BLAKE2b digest of the secret
  std::string created_at;     // ISO 8601 UTC
  std::string created_by;     // the actor
  std::optional<std::string> revoked_at;

  bool operator==(const ApiClient&) const = default;
};

// A signed-in browser. The token itself is never stored: only its digest.
struct SessionRecord {
  std::string token_digest;  // hex digest of the cookie's token
  std::string employee_id;
  std::string csrf_token;    // the synchroniser token every form of the session carries
  std::string created_at;    // ISO 8601 UTC
  std::string expires_at;    // ISO 8601 UTC; compares as text

  bool operator==(const SessionRecord&) const = default;
};

std::string_view to_code(AccountRole role);  // "employee", "hr", "admin", "observer"
std::optional<AccountRole> parse_account_role(std::string_view text);

}  // namespace trappa::core
