#include "app/learning/xapi_service.hpp"

#include <set>

#include "app/access/password.hpp"
#include "app/learning/api_clients.hpp"
#include "core/base/case_fold.hpp"
#include "core/learning/xapi.hpp"
#include "io/json/xapi_json.hpp"
#include "store/learning/learning_store.hpp"
#include "store/org/organisation_store.hpp"

namespace trappa::app {

namespace {

// A version 4 UUID from the system's CSPRNG (through a random token's digest).
std::string new_uuid() {
  std::string hex = token_digest(random_token(16)).substr(0, 32);
  hex[12] = '4';
  constexpr std::string_view kVariant = "89ab";
  hex[16] = kVariant[static_cast<std::size_t>(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0') % 4];
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
         hex.substr(20, 12);
}

}  // namespace

core::Result<bool> XapiStatements::authenticate(const std::string& name, std::string_view secret) {
  auto store = pool_.borrow();
  return authenticate_api_client(*store, name, secret);
}

core::Result<std::vector<std::string>> XapiStatements::receive(const std::string& client, std::string_view body) {
  TRY(initialise_crypto());
  const std::string stored_at = store::utc_timestamp_now();
  ASSIGN_OR_RETURN(auto statements, io::read_xapi_statements(body, client, stored_at, new_uuid));
  auto store = pool_.borrow();
  std::vector<std::string> ids;
  for (const core::XapiStatement& statement : statements) {
    ids.push_back(statement.id);
    if (statement.object_type == "StatementRef") ids.push_back(core::fold_case(statement.object_id));
  }
  ASSIGN_OR_RETURN(auto stored, store->learning().load_xapi_statements(ids));
  ASSIGN_OR_RETURN(auto people, store->organisation().load_people());
  ASSIGN_OR_RETURN(auto activities, store->learning().load_activities());
  // Only the rows of the people the batch names (by employee id or e-mail) or whose credit it
  // voids: a batch is a handful of statements, the participation table is the city's.
  std::set<std::string> names;
  std::set<std::string> mailboxes;
  for (const core::XapiStatement& statement : statements) {
    if (!statement.actor_account_name.empty()) names.insert(statement.actor_account_name);
    if (!statement.actor_mbox.empty()) mailboxes.insert(core::fold_case(statement.actor_mbox));
  }
  std::vector<std::string> employee_ids(names.begin(), names.end());
  for (const core::Person& person : people) {
    if (!person.email.empty() && mailboxes.contains("mailto:" + core::fold_case(person.email))) {
      employee_ids.push_back(person.employee_id);
    }
  }
  for (const auto& [id, kept] : stored) {
    if (!kept.employee_id.empty()) employee_ids.push_back(kept.employee_id);
  }
  ASSIGN_OR_RETURN(auto rows, store->learning().load_participation_of(employee_ids));
  ASSIGN_OR_RETURN(auto outcome, core::plan_xapi_statements(statements, people, activities, rows, stored, client,
                                                           clock_.today()));
  if (!outcome.batch.statements.empty()) {
    TRY(store->learning().save_xapi_batch(outcome.batch, store::Actor{"api:" + client}));
  }
  return outcome.ids;
}

core::Result<std::optional<std::string>> XapiStatements::find(const std::string& id, bool voided) {
  auto store = pool_.borrow();
  ASSIGN_OR_RETURN(auto stored, store->learning().load_xapi_statements({core::fold_case(id)}));
  if (stored.empty()) return std::nullopt;
  const core::StoredXapiStatement& statement = stored.begin()->second;
  if (statement.voided_by.empty() == voided) return std::nullopt;
  return statement.statement;
}

}  // namespace trappa::app
