#include "app/accounts/accounts.hpp"

#include "app/access/password.hpp"
#include "store/access/access_store.hpp"

namespace trappa::app {

core::Result<std::optional<core::Account>> Accounts::find(const std::string& employee_id) {
  auto lease = pool_.borrow();
  return lease->access().load_account(employee_id);
}

core::Result<core::Account> Accounts::change_password(const core::Account& account, std::string_view new_password,
                                                      const std::string& actor) {
  ASSIGN_OR_RETURN(auto hash, hash_password(new_password));
  core::Account changed = account;
  changed.password_hash = std::move(hash);
  changed.must_change_password = false;
  auto lease = pool_.borrow();
  TRY(lease->access().save_account(changed, store::Actor{actor}));
  return changed;
}

core::Result<std::vector<core::Account>> Accounts::list() {
  auto lease = pool_.borrow();
  return lease->access().list_accounts();
}

core::Result<Accounts::Issued> Accounts::grant(const std::string& employee_id, core::AccountRole role,
                                               const std::string& scope_unit, const std::string& actor) {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(auto existing, lease->access().load_account(employee_id));
  Issued issued;
  if (existing) {
    issued.account = *existing;
  } else {
    TRY(initialise_crypto());
    issued.one_time_password = one_time_password();
    ASSIGN_OR_RETURN(auto hash, hash_password(issued.one_time_password));
    issued.account = core::Account{employee_id, role, std::move(hash), true, {}, {}};
    issued.created = true;
  }
  issued.account.role = role;
  issued.account.scope_unit = scope_unit;
  TRY(lease->access().save_account(issued.account, store::Actor{actor}));
  return issued;
}

core::Result<Accounts::Issued> Accounts::reset_password(const std::string& employee_id, const std::string& actor) {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(auto existing, lease->access().load_account(employee_id));
  if (!existing) return core::fail(core::ErrorKind::kNotFound, "'" + employee_id + "' has no account");
  TRY(initialise_crypto());
  Issued issued{*existing, one_time_password(), false};
  ASSIGN_OR_RETURN(auto hash, hash_password(issued.one_time_password));
  issued.account.password_hash = std::move(hash);
  issued.account.must_change_password = true;
  TRY(lease->access().save_account(issued.account, store::Actor{actor}));
  return issued;
}

core::Result<void> Accounts::revoke(const std::string& employee_id, const std::string& actor) {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(bool revoked, lease->access().revoke_account(employee_id, store::Actor{actor}));
  if (!revoked) return core::fail(core::ErrorKind::kNotFound, "'" + employee_id + "' has no account");
  return {};
}

core::Result<SignedTokenKey> Accounts::sign_in_form_key() {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(auto secret, lease->access().shared_secret("sign_in_form_key", random_token(32)));
  return SignedTokenKey::from_secret(secret);
}

}  // namespace trappa::app
