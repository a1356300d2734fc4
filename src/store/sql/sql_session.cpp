#include "store/sql/sql_session.hpp"

#include <soci/soci.h>

#include <algorithm>

namespace trappa::store {

SqlSession::SqlSession(std::unique_ptr<Dialect> dialect, std::unique_ptr<soci::session> session)
    : dialect_(std::move(dialect)), session_(std::move(session)) {}

SqlSession::~SqlSession() = default;

void SqlSession::append_audit_in_transaction(const AuditEntry& entry) {
  *session_ << "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (:at, :actor, :action, :subject, "
               ":detail)",
      soci::use(entry.at), soci::use(entry.actor), soci::use(entry.action), soci::use(entry.subject),
      soci::use(entry.detail);
}

void SqlSession::record_change_in_transaction(ChangeKind kind, std::string_view round, std::string_view subject) {
  const std::string code(to_code(kind));
  const std::string round_name(round);
  const std::string subject_text(subject);
  *session_ << "INSERT INTO changes (kind, round_name, subject) VALUES (:kind, :round, :subject)", soci::use(code),
      soci::use(round_name), soci::use(subject_text);
  dialect_->notify_change(*session_);
}

void SqlSession::append_audit_entries_in_transaction(const std::vector<AuditEntry>& entries) {
  constexpr std::size_t kBatch = 10000;
  for (std::size_t begin = 0; begin < entries.size(); begin += kBatch) {
    const std::size_t end = std::min(entries.size(), begin + kBatch);
    std::vector<std::string> at, actor, action, subject, detail;
    for (std::size_t i = begin; i < end; ++i) {
      at.push_back(entries[i].at);
      actor.push_back(entries[i].actor);
      action.push_back(entries[i].action);
      subject.push_back(entries[i].subject);
      detail.push_back(entries[i].detail);
    }
    *session_ << "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (:at, :actor, :action, "
                 ":subject, :detail)",
        soci::use(at), soci::use(actor), soci::use(action), soci::use(subject), soci::use(detail);
  }
}

bool SqlSession::person_exists(const std::string& employee_id) {
  long long count = 0;
  *session_ << "SELECT COUNT(*) FROM people WHERE employee_id = :id", soci::use(employee_id), soci::into(count);
  return count > 0;
}

bool SqlSession::is_erased(const std::string& employee_id) {
  long long count = 0;
  *session_ << "SELECT COUNT(*) FROM audit_log WHERE subject = :id AND action = 'person.erase'",
      soci::use(employee_id), soci::into(count);
  return count > 0;
}

std::vector<std::string> SqlSession::erased_people() {
  std::vector<std::string> ids;
  soci::rowset<std::string> rows =
      (session_->prepare << "SELECT DISTINCT subject FROM audit_log WHERE action = 'person.erase'");
  for (const std::string& id : rows) ids.push_back(id);
  return ids;
}

}  // namespace trappa::store
