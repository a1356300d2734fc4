// API clients (core::ApiClient) in the store: the table api_clients of migration 014.
#include <soci/soci.h>

#include "store/access/sql_access_store.hpp"

namespace trappa::store {

using core::Result;

namespace {

constexpr const char* kClientColumns = "name, secret_digest, created_at, created_by, revoked_at";

core::ApiClient client_from_row(const soci::row& row) {
  core::ApiClient client;
  client.name = row.get<std::string>(0);
  client.secret_digest = row.get<std::string>(1);
  client.created_at = row.get<std::string>(2);
  client.created_by = row.get<std::string>(3);
  if (row.get_indicator(4) == soci::i_ok) client.revoked_at = row.get<std::string>(4);
  return client;
}

}  // namespace

Result<bool> SqlAccessStore::create_api_client(const core::ApiClient& client, const Actor& actor) {
  return guarded("saving the API client", [&]() -> Result<bool> {
    WriteTransaction transaction(*session_, *dialect_);
    long long taken = 0;
    *session_ << "SELECT COUNT(*) FROM api_clients WHERE name = :name", soci::use(client.name), soci::into(taken);
    if (taken != 0) return false;
    *session_ << "INSERT INTO api_clients (name, secret_digest, created_at, created_by, revoked_at) "
                 "VALUES (:name, :digest, :created, :by, NULL)",
        soci::use(client.name), soci::use(client.secret_digest), soci::use(client.created_at),
        soci::use(client.created_by);
    append_audit_in_transaction({utc_timestamp_now(), actor.name, "client.create", client.name, "API client created"});
    transaction.commit();
    return true;
  });
}

Result<std::optional<core::ApiClient>> SqlAccessStore::load_api_client(const std::string& name) {
  return guarded("reading the API client", [&]() -> Result<std::optional<core::ApiClient>> {
    soci::rowset<soci::row> rows =
        (session_->prepare << "SELECT " << kClientColumns << " FROM api_clients WHERE name = :name", soci::use(name));
    for (const soci::row& row : rows) return client_from_row(row);
    return std::nullopt;
  });
}

Result<std::vector<core::ApiClient>> SqlAccessStore::list_api_clients() {
  return guarded("reading the API clients", [&]() -> Result<std::vector<core::ApiClient>> {
    std::vector<core::ApiClient> clients;
    soci::rowset<soci::row> rows = (session_->prepare << "SELECT " << kClientColumns << " FROM api_clients ORDER BY name");
    for (const soci::row& row : rows) clients.push_back(client_from_row(row));
    return clients;
  });
}

Result<bool> SqlAccessStore::revoke_api_client(const std::string& name, const Actor& actor) {
  return guarded("revoking the API client", [&]() -> Result<bool> {
    WriteTransaction transaction(*session_, *dialect_);
    const std::string now = utc_timestamp_now();
    soci::statement update = (session_->prepare << "UPDATE api_clients SET revoked_at = :now "
                                                   "WHERE name = :name AND revoked_at IS NULL",
                              soci::use(now), soci::use(name));
    update.execute(true);
    if (update.get_affected_rows() == 0) return false;
    append_audit_in_transaction({now, actor.name, "client.revoke", name, "API client revoked"});
    transaction.commit();
    return true;
  });
}

}  // namespace trappa::store
