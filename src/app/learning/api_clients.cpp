#include "app/learning/api_clients.hpp"

#include <algorithm>

#include "app/access/password.hpp"
#include "store/access/access_store.hpp"

namespace trappa::app {

bool is_api_client_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

core::Result<NewApiClient> add_api_client(store::Store& store, const std::string& name, const store::Actor& actor) {
  if (!is_api_client_name(name)) {
    return core::invalid("the client was not made",
                         {{"NAME", "'" + name + "' is not 1–64 ASCII letters (a–z, A–Z), digits, '.', '_' or '-'"}});
  }
  TRY(initialise_crypto());
  NewApiClient made;
  made.secret = random_token(32);
  made.client = {name, token_digest(made.secret), store::utc_timestamp_now(), actor.name, std::nullopt};
  ASSIGN_OR_RETURN(bool created, store.access().create_api_client(made.client, actor));
  if (!created) {
    return core::fail(core::ErrorKind::kConflict, "a client named '" + name + "' exists already (revoked clients keep their name)");
  }
  return made;
}

core::Result<std::vector<core::ApiClient>> list_api_clients(store::Store& store) { return store.access().list_api_clients(); }

core::Result<void> revoke_api_client(store::Store& store, const std::string& name, const store::Actor& actor) {
  ASSIGN_OR_RETURN(bool revoked, store.access().revoke_api_client(name, actor));
  if (!revoked) return core::fail(core::ErrorKind::kNotFound, "no client named '" + name + "' that is not revoked");
  return {};
}

core::Result<bool> authenticate_api_client(store::Store& store, const std::string& name, std::string_view secret) {
  if (!is_api_client_name(name) || secret.empty()) return false;
  ASSIGN_OR_RETURN(auto client, store.access().load_api_client(name));
  if (!client || client->revoked_at) return false;
  return equal_in_constant_time(token_digest(secret), client->secret_digest);
}

}  // namespace trappa::app
