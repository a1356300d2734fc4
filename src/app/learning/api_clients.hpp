// API clients (`trappa client add|list|revoke`, docs/learning.md "API clients"): programs such
// as the learning platform that send xAPI statements with HTTP Basic authentication. A client's
// secret is 32 random bytes shown once when it is made; the store keeps only its BLAKE2b
// digest (app/access/password.hpp token_digest): a random secret of that length needs no slow
// password hash, and checking it on every request must stay cheap. Every change is audited.
// Functions over one store connection; not thread-safe beyond the Store's rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/access/account.hpp"
#include "core/base/result.hpp"
#include "store/store.hpp"

namespace trappa::app {

struct NewApiClient {
  core::ApiClient client;
  std::string secret;  // shown once, never stored
};

// Whether `name` may name a client: 1–64 letters (a–z, A–Z), digits, '.', '_' or '-' (no ':',
// which HTTP Basic authentication uses to separate name and secret).
[[nodiscard]] bool is_api_client_name(std::string_view name);

// Makes client `name` with a new secret. kInvalidInput for a bad name, kConflict when the name
// is taken (also by a revoked client), kInternal when no randomness is available.
[[nodiscard]] core::Result<NewApiClient> add_api_client(store::Store& store, const std::string& name,
                                                        const store::Actor& actor);
[[nodiscard]] core::Result<std::vector<core::ApiClient>> list_api_clients(store::Store& store);
// Revokes client `name` at once (every node checks the store on each request). kNotFound when
// there is no such client or it is revoked already.
[[nodiscard]] core::Result<void> revoke_api_client(store::Store& store, const std::string& name, const store::Actor& actor);
// Whether `name` is a client that is not revoked and `secret` is its secret (compared in
// constant time).
[[nodiscard]] core::Result<bool> authenticate_api_client(store::Store& store, const std::string& name,
                                                         std::string_view secret);

}  // namespace trappa::app
