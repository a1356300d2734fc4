// The accounts of the web application: reading a person's account and changing their
// password (Mitt konto, sign-in), and the administrators' work on every account (Konton,
// the same as `trappa user`): list, create or change role and scope, reset the password to a
// one-time password, revoke. Every change is audited as done by the actor.
//
// Each call borrows one connection of the pool for its duration. Errors are the store's
// (kStorage) unless said otherwise. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

  // What an administrator's change left: the account as stored and, when a password was set,
  // the one-time password to hand to the person (shown once, never stored in clear).
  struct Issued {
    core::Account account;
    std::string one_time_password;  // empty when the password was kept
    bool created = false;
  };
  [[nodiscard]] core::Result<std::vector<core::Account>> list();
  // Creates the person's account with a one-time password, or changes an existing account's
  // role and scope (its password stays). kNotFound for an unknown or erased person, kConflict
  // for an erased one (store/access/access_store.hpp).
  [[nodiscard]] core::Result<Issued> grant(const std::string& employee_id, core::AccountRole role,
                                           const std::string& scope_unit, const std::string& actor);
  // A new one-time password for an existing account (the person chooses their own at the next
  // sign-in); kNotFound when the person has no account. The caller ends their sessions.
  [[nodiscard]] core::Result<Issued> reset_password(const std::string& employee_id, const std::string& actor);
  // Removes the account and its sessions; kNotFound when the person has none.
  [[nodiscard]] core::Result<void> revoke(const std::string& employee_id, const std::string& actor);

 private:
  StorePool& pool_;
};

}  // namespace trappa::app
