// Reading xAPI 1.0.3 statements sent to POST /api/v1/xapi/statements (docs/learning.md,
// "xAPI"): the JSON body into core::XapiStatement values, the rules themselves being
// core/learning/xapi.hpp's.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/learning/xapi.hpp"

namespace trappa::io {

// The body: one statement (an object) or an array of them. For each statement: `id`, when
// given, a UUID (kept in lower case), else `new_id()` (a version 4 UUID); `actor` an Agent
// (objectType absent or "Agent") with `account` {homePage, name} or `mbox`; `verb.id`; `object`
// with `id` and an `objectType` of "Activity" (the default) or "StatementRef"; optional
// `result.duration` (text) and `timestamp` (ISO 8601, its date is the day credited). Each
// statement is kept as received with its id (canonical: keys sorted, no spaces) and as served
// by GET: with `stored` = `stored_at`, `timestamp` = `stored_at` when absent, `version`
// "1.0.0" when absent and `authority` the client (an Agent with account
// {homePage "urn:trappa:api-client", name `client`}). kInvalidInput with every problem as
// "statements[i].field" (the single statement is statements[0]), or "body" when it is not
// JSON or not an object or array of objects.
[[nodiscard]] core::Result<std::vector<core::XapiStatement>> read_xapi_statements(
    std::string_view body, const std::string& client, const std::string& stored_at,
    const std::function<std::string()>& new_id);

// The JSON array of ids: ["…","…"].
[[nodiscard]] std::string write_xapi_ids(const std::vector<std::string>& ids);

}  // namespace trappa::io
