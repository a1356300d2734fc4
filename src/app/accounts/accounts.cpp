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

core::Result<SignedTokenKey> Accounts::sign_in_form_key() {
  auto lease = pool_.borrow();
  ASSIGN_OR_RETURN(auto secret, lease->access().shared_secret("sign_in_form_key", random_token(32)));
  return SignedTokenKey::from_secret(secret);
}

}  // namespace trappa::app
