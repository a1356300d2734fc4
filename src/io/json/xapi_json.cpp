#include "io/json/xapi_json.hpp"

#include <algorithm>
#include <utility>

#include <boost/json.hpp>

#include "core/base/case_fold.hpp"
#include "core/base/date.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

// Keys sorted at every level, no spaces: two statements with the same content have the
// same text whatever order their keys were sent in.
void write_canonical(const json::value& value, std::string& out) {
  if (value.is_object()) {
    const json::object& object = value.get_object();
    std::vector<std::pair<std::string_view, const json::value*>> members;
    for (const auto& member : object) members.emplace_back(member.key(), &member.value());
    std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out += '{';
    bool first = true;
    for (const auto& [key, member] : members) {
      if (!first) out += ',';
      first = false;
      out += json::serialize(json::string(key));
      out += ':';
      write_canonical(*member, out);
    }
    out += '}';
  } else if (value.is_array()) {
    out += '[';
    bool first = true;
    for (const json::value& item : value.get_array()) {
      if (!first) out += ',';
      first = false;
      write_canonical(item, out);
    }
    out += ']';
  } else {
    out += json::serialize(value);
  }
}

const json::object* object_at(const json::object& object, std::string_view key) {
  const json::value* found = object.if_contains(key);
  return found != nullptr ? found->if_object() : nullptr;
}

// The string at `key`: nullopt when absent; a problem when present but not a string.
std::optional<std::string> string_at(const json::object& object, std::string_view key, const std::string& where,
                                     std::vector<core::Problem>& problems) {
  const json::value* found = object.if_contains(key);
  if (found == nullptr) return std::nullopt;
  if (!found->is_string()) {
    problems.push_back({where, "must be a string"});
    return std::nullopt;
  }
  return std::string(found->get_string());
}

}  // namespace

core::Result<std::vector<core::XapiStatement>> read_xapi_statements(std::string_view body, const std::string& client,
                                                                   const std::string& stored_at,
                                                                   const std::function<std::string()>& new_id) {
  json::error_code error;
  json::parse_options options;
  options.max_depth = 32;
  const json::value document = json::parse(body, error, {}, options);
  if (error) return core::invalid("the statements were not stored", {{"body", "is not JSON: " + error.message()}});
  std::vector<const json::value*> items;
  if (document.is_array()) {
    for (const json::value& item : document.get_array()) items.push_back(&item);
  } else {
    items.push_back(&document);
  }
  std::vector<core::Problem> problems;
  std::vector<core::XapiStatement> statements;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string where = "statements[" + std::to_string(i) + "]";
    const std::size_t problems_before = problems.size();
    if (!items[i]->is_object()) {
      problems.push_back({document.is_array() ? where : "body", "a statement is a JSON object"});
      continue;
    }
    json::object received = items[i]->get_object();
    core::XapiStatement statement;
    if (auto id = string_at(received, "id", where + ".id", problems)) {
      if (!core::is_uuid(*id)) {
        problems.push_back({where + ".id", "'" + *id + "' is not a UUID"});
      } else {
        statement.id = core::fold_case(*id);
      }
    } else if (!received.contains("id")) {
      statement.id = new_id();
    }
    // actor
    if (const json::object* actor = object_at(received, "actor")) {
      const auto type = string_at(*actor, "objectType", where + ".actor.objectType", problems);
      if (type && *type != "Agent") {
        problems.push_back({where + ".actor.objectType", "the actor must be an Agent (a person), not '" + *type + "'"});
      }
      if (const json::object* account = object_at(*actor, "account")) {
        statement.actor_account_name = string_at(*account, "name", where + ".actor.account.name", problems).value_or("");
        if (statement.actor_account_name.empty()) {
          problems.push_back({where + ".actor.account.name", "is required (the employee id)"});
        }
      } else if (auto mbox = string_at(*actor, "mbox", where + ".actor.mbox", problems)) {
        statement.actor_mbox = *mbox;
        if (!core::fold_case(*mbox).starts_with("mailto:")) {
          problems.push_back({where + ".actor.mbox", "'" + *mbox + "' does not start with mailto:"});
        }
      }
    } else {
      problems.push_back({where + ".actor", "is required (an object)"});
    }
    // verb
    if (const json::object* verb = object_at(received, "verb")) {
      statement.verb_id = string_at(*verb, "id", where + ".verb.id", problems).value_or("");
      if (statement.verb_id.empty()) problems.push_back({where + ".verb.id", "is required (the verb's IRI)"});
    } else {
      problems.push_back({where + ".verb", "is required (an object with an id)"});
    }
    // object
    if (const json::object* object = object_at(received, "object")) {
      statement.object_type = string_at(*object, "objectType", where + ".object.objectType", problems).value_or("Activity");
      if (statement.object_type != "Activity" && statement.object_type != "StatementRef") {
        problems.push_back({where + ".object.objectType", "'" + statement.object_type +
                                                              "' is not accepted: the object is an Activity or a StatementRef"});
      }
      statement.object_id = string_at(*object, "id", where + ".object.id", problems).value_or("");
      if (statement.object_id.empty()) problems.push_back({where + ".object.id", "is required"});
    } else {
      problems.push_back({where + ".object", "is required (an object with an id)"});
    }
    // result.duration
    if (const json::value* result = received.if_contains("result")) {
      if (!result->is_object()) {
        problems.push_back({where + ".result", "must be an object"});
      } else {
        statement.duration = string_at(result->get_object(), "duration", where + ".result.duration", problems);
      }
    }
    // timestamp
    if (auto timestamp = string_at(received, "timestamp", where + ".timestamp", problems)) {
      const auto date = timestamp->size() >= 10 ? core::parse_iso_date(std::string_view(*timestamp).substr(0, 10))
                                                : std::nullopt;
      if (!date || (timestamp->size() > 10 && (*timestamp)[10] != 'T')) {
        problems.push_back({where + ".timestamp", "'" + *timestamp + "' is not an ISO 8601 timestamp"});
      } else {
        statement.date = date;
      }
    }
    if (problems.size() != problems_before) continue;
    received["id"] = statement.id;
    write_canonical(received, statement.received);
    json::object served = received;
    served["stored"] = stored_at;
    if (!served.contains("timestamp")) served["timestamp"] = stored_at;
    if (!served.contains("version")) served["version"] = "1.0.0";
    served["authority"] = json::object{{"objectType", "Agent"},
                                       {"account", json::object{{"homePage", "urn:trappa:api-client"}, {"name", client}}}};
    statement.served = json::serialize(served);
    statements.push_back(std::move(statement));
  }
  if (!problems.empty()) return core::invalid("the statements were not stored", std::move(problems));
  return statements;
}

std::string write_xapi_ids(const std::vector<std::string>& ids) {
  json::array array;
  for (const std::string& id : ids) array.emplace_back(id);
  return json::serialize(array);
}

}  // namespace trappa::io
