// The xAPI statement endpoints' use cases (POST and GET /api/v1/xapi/statements,
// docs/learning.md "xAPI"): authenticating the sending client, taking a batch of statements
// in (read by io/json/xapi_json.hpp, planned by core::plan_xapi_statements, written by the
// store in one transaction with its audit entries and a `learning` change) and reading a
// stored statement back.
//
// Each call borrows one connection of the pool for its duration. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/published/store_pool.hpp"
#include "core/base/clock.hpp"
#include "core/base/result.hpp"

namespace trappa::app {

class XapiStatements {
 public:
  XapiStatements(StorePool& pool, const core::Clock& clock) : pool_(pool), clock_(clock) {}

  // Whether `name`:`secret` is a client that is not revoked (app/learning/api_clients.hpp),
  // read from the store on every call so that a revocation on any node holds at once.
  [[nodiscard]] core::Result<bool> authenticate(const std::string& name, std::string_view secret);

  // Takes in the body of a POST from client `client`: the ids of its statements in order
  // (replays included). kInvalidInput with the problems (nothing stored), kConflict for an id
  // stored with other content, kStorage.
  [[nodiscard]] core::Result<std::vector<std::string>> receive(const std::string& client, std::string_view body);

  // The stored statement `id` as served (JSON): with `voided` false only when it is not voided,
  // with `voided` true only when it is. nullopt when there is no such statement.
  [[nodiscard]] core::Result<std::optional<std::string>> find(const std::string& id, bool voided);

 private:
  StorePool& pool_;
  const core::Clock& clock_;
};

}  // namespace trappa::app
