#include "io/exports/person_export_json.hpp"

#include <boost/json.hpp>

#include "core/base/date.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

// Optional facts are null when absent, so a reader need not know which empty string means
// "not yet".
json::value text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return json::string(text);
}

json::value level_or_null(const std::optional<int>& level) {
  if (!level) return nullptr;
  return *level;
}

json::value route_or_null(core::Route route) {
  if (route == core::Route::kUnknown) return nullptr;
  return static_cast<int>(route);
}

json::object person_object(const core::PersonRecord& record) {
  const core::Person& person = record.person;
  json::object object;
  object["employee_id"] = person.employee_id;
  object["name"] = person.name;
  object["email"] = text_or_null(person.email);
  object["gender"] = core::to_code(person.gender);
  object["birth_year"] = person.birth_year_known() ? json::value(person.birth_year) : json::value(nullptr);
  object["unit_code"] = person.unit_code;
  object["role"] = person.role;
  object["manager_id"] = text_or_null(person.manager_id);
  object["city_start_date"] = person.city_start_date ? json::value(json::string(*person.city_start_date)) : nullptr;
  object["erased"] = record.erased;
  return object;
}

json::array employments_array(const std::vector<core::Employment>& employments) {
  json::array array;
  for (const core::Employment& employment : employments) {
    json::object object;
    object["start"] = core::to_iso(employment.start);
    object["end"] = employment.end ? json::value(json::string(core::to_iso(*employment.end))) : nullptr;
    object["type"] = core::to_code(employment.type);
    object["position"] = employment.position;
    object["fte"] = employment.fte;
    object["unit_code"] = employment.unit_code;
    object["recruitment_route"] = route_or_null(employment.recruitment_route);
    object["departure_route"] = route_or_null(employment.departure_route);
    object["departure_reason"] = text_or_null(employment.departure_reason);
    array.push_back(std::move(object));
  }
  return array;
}

json::object assessment_object(const core::PersonAssessment& entry) {
  const core::Assessment& assessment = entry.assessment;
  json::object object;
  object["round"] = entry.round.name;
  object["round_state"] = core::to_code(entry.round.state);
  object["framework_id"] = entry.round.framework_id;
  object["framework_revision"] = entry.round.framework_revision;
  object["status"] = core::to_code(assessment.status);
  object["self_assessed_at"] = text_or_null(assessment.self_assessed_at);
  object["conversation_at"] = text_or_null(assessment.conversation_at);
  object["followed_up_at"] = text_or_null(assessment.followed_up_at);
  json::array ratings;
  for (const core::Rating& rating : assessment.ratings) {
    json::object item;
    item["competency"] = rating.competency;
    item["self_level"] = level_or_null(rating.self_level);
    item["agreed_level"] = level_or_null(rating.agreed_level);
    item["agreed_by"] = text_or_null(rating.agreed_by);
    item["agreed_at"] = text_or_null(rating.agreed_at);
    ratings.push_back(std::move(item));
  }
  object["ratings"] = std::move(ratings);
  json::array motivation;
  for (const auto& [area, value] : assessment.motivation) {
    motivation.push_back(json::object{{"area", area}, {"value", value}});
  }
  object["motivation"] = std::move(motivation);
  json::array priorities;
  for (const std::string& code : assessment.priorities) priorities.push_back(json::string(code));
  object["priorities"] = std::move(priorities);
  object["notes"] = assessment.notes;
  return object;
}

json::value account_value(const std::optional<core::Account>& account) {
  if (!account) return nullptr;
  json::object object;
  object["role"] = core::to_code(account->role);
  object["scope_unit"] = text_or_null(account->scope_unit);
  object["must_change_password"] = account->must_change_password;
  object["created_at"] = account->created_at;
  return object;
}

json::array audit_array(const std::vector<core::AuditEntry>& entries) {
  json::array array;
  for (const core::AuditEntry& entry : entries) {
    json::object object;
    object["at"] = entry.at;
    object["actor"] = entry.actor;
    object["action"] = entry.action;
    object["detail"] = entry.detail;
    array.push_back(std::move(object));
  }
  return array;
}

}  // namespace

std::string write_person_export_json(const core::PersonRecord& record, const ExportStamp& stamp) {
  json::object document;
  document["format"] = "trappa-person-export";
  document["version"] = kPersonExportVersion;
  document["exported_at"] = stamp.exported_at;
  document["exported_by"] = stamp.exported_by;
  document["person"] = person_object(record);
  document["employments"] = employments_array(record.employments);
  json::array assessments;
  for (const core::PersonAssessment& entry : record.assessments) assessments.push_back(assessment_object(entry));
  document["assessments"] = std::move(assessments);
  document["account"] = account_value(record.account);
  document["sessions"] = record.sessions;
  document["audit"] = audit_array(record.audit);
  return write_json_text(document);
}

std::string write_audit_history_json(const std::string& employee_id, const std::vector<core::AuditEntry>& entries) {
  json::object document;
  document["format"] = "trappa-audit-history";
  document["version"] = kAuditHistoryVersion;
  document["employee_id"] = employee_id;
  document["entries"] = audit_array(entries);
  return write_json_text(document);
}

std::string person_export_file_name(const std::string& employee_id) {
  std::string safe;
  for (char c : employee_id) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '_' || c == '-';
    safe += plain ? c : '_';
  }
  return "personuppgifter-" + safe + ".json";
}

}  // namespace trappa::io
