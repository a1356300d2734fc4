// The accounts of the web application (Mitt konto, sign-in): reading a person's account and
// changing their password.
//
// Each call borrows one connection of the pool for its duration. Errors are the store's
// (kStorage) unless said otherwise. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/access/signed_token.hpp"
#include "app/published/store_pool.hpp"
#include "core/access/account.hpp"
#include "core/base/result.hpp"

namespace trappa::app {

class Accounts {
 public:
  explicit Accounts(StorePool& pool) : pool_(pool) {}

  // The account of `employee_id` (exact), or nullopt when the person has none.
  [[nodiscard]] core::Result<std::optional<core::Account>> find(const std::string& employee_id);

  // Gives `account` the password `new_password` (hashed with app/access/password.hpp; the
  // caller has checked the current password and the new one's rules) and clears
  // must_change_password; the store writes and audits it as done by `actor` (an employee id)
  // in one transaction, never the hash itself. Returns the account as stored. kInternal when
  // hashing fails, nothing written then.
  [[nodiscard]] core::Result<core::Account> change_password(const core::Account& account, std::string_view new_password,
                                                            const std::string& actor);

  // The key that signs the sign-in form's CSRF tokens, the same on every node of a store
  // (made by the first node that starts, then kept in the store).
  [[nodiscard]] core::Result<SignedTokenKey> sign_in_form_key();

 private:
  StorePool& pool_;
};

}  // namespace trappa::app
