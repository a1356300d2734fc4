// Reading what the store holds about one person: the audit history and the whole record for
// the personal-data export (docs/personal-data.md).
#include <soci/soci.h>

#include <algorithm>

#include <fmt/format.h>

#include "core/base/date.hpp"
#include "store/people/sql_personal_data_store.hpp"

namespace trappa::store {

using core::Result;

namespace {

core::Route route_from(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) != soci::i_ok) return core::Route::kUnknown;
  return core::parse_route(std::to_string(row.get<int>(column))).value_or(core::Route::kUnknown);
}

}  // namespace




std::vector<AuditEntry> SqlPersonalDataStore::read_person_audit(const std::string& employee_id) {
  std::vector<AuditEntry> entries;
  // The index on subject finds the rows; the timestamps have whole seconds, so entries of
  // the same second keep the order they were written in.
  soci::rowset<soci::row> rows = (session_->prepare << "SELECT at, actor, action, subject, detail FROM audit_log "
                                                       "WHERE subject = :subject ORDER BY at, id",
                                  soci::use(employee_id));
  for (const soci::row& row : rows) {
    entries.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                       row.get<std::string>(3), row.get<std::string>(4)});
  }
  return entries;
}

Result<std::vector<AuditEntry>> SqlPersonalDataStore::load_person_audit(const std::string& employee_id) {
  return guarded("reading the person's audit history", [&]() -> Result<std::vector<AuditEntry>> {
    if (!person_exists(employee_id)) {
      return core::fail(core::ErrorKind::kNotFound, "no person with employee id '" + employee_id + "'");
    }
    return read_person_audit(employee_id);
  });
}

Result<std::optional<core::PersonRecord>> SqlPersonalDataStore::load_person_record(const std::string& employee_id) {
  return guarded("reading the person's record", [&]() -> Result<std::optional<core::PersonRecord>> {
    // One transaction, so the parts agree with each other even while others write.
    soci::transaction transaction(*session_);
    core::PersonRecord record;
    {
      soci::rowset<soci::row> rows =
          (session_->prepare << "SELECT employee_id, name, email, gender, birth_year, unit_code, role, "
                                "COALESCE(manager_id, ''), city_start_date FROM people WHERE employee_id = :id",
           soci::use(employee_id));
      bool found = false;
      for (const soci::row& row : rows) {
        found = true;
        core::Person& person = record.person;
        person.employee_id = row.get<std::string>(0);
        person.name = row.get<std::string>(1);
        person.email = row.get<std::string>(2);
        person.gender = core::parse_gender(row.get<std::string>(3)).value_or(core::Gender::kOther);
        person.birth_year = row.get<int>(4);
        person.unit_code = row.get<std::string>(5);
        person.role = row.get<std::string>(6);
        person.manager_id = row.get<std::string>(7);
        if (row.get_indicator(8) == soci::i_ok) person.city_start_date = row.get<std::string>(8);
      }
      if (!found) return std::optional<core::PersonRecord>{};
    }
    {
      soci::rowset<soci::row> rows =
          (session_->prepare << "SELECT start_date, end_date, employment_type, position, fte, unit_code, "
                                "recruitment_route, departure_route, departure_reason FROM employments "
                                "WHERE employee_id = :id ORDER BY start_date, id",
           soci::use(employee_id));
      for (const soci::row& row : rows) {
        core::Employment employment;
        employment.employee_id = employee_id;
        employment.start = core::parse_iso_date(row.get<std::string>(0)).value_or(core::Date{});
        if (row.get_indicator(1) == soci::i_ok) employment.end = core::parse_iso_date(row.get<std::string>(1));
        employment.type = core::parse_employment_type(row.get<std::string>(2)).value_or(core::EmploymentType::kPermanent);
        employment.position = row.get<std::string>(3);
        employment.fte = row.get<double>(4);
        employment.unit_code = row.get<std::string>(5);
        employment.recruitment_route = route_from(row, 6);
        employment.departure_route = route_from(row, 7);
        employment.departure_reason = row.get<std::string>(8);
        record.employments.push_back(std::move(employment));
      }
    }
    {
      std::vector<std::string> rounds;
      soci::rowset<std::string> names =
          (session_->prepare << "SELECT r.name FROM rounds r JOIN assessments a ON a.round_id = r.id "
                                "WHERE a.employee_id = :id ORDER BY r.id",
           soci::use(employee_id));
      for (const std::string& name : names) rounds.push_back(name);
      for (const std::string& name : rounds) {
        long long round_id = 0;
        *session_ << "SELECT id FROM rounds WHERE name = :name", soci::use(name), soci::into(round_id);
        ASSIGN_OR_RETURN(auto round, rounds_.load_round(name));
        auto found = rounds_.read_assessments(round_id, name, &employee_id);
        if (!round || found.empty()) continue;
        record.assessments.push_back({*round, std::move(found.front())});
      }
    }
    {
      // Every column but the password hash.
      soci::rowset<soci::row> rows =
          (session_->prepare << "SELECT role, must_change_password, scope_unit, created_at FROM accounts "
                                "WHERE employee_id = :id",
           soci::use(employee_id));
      for (const soci::row& row : rows) {
        core::Account account;
        account.employee_id = employee_id;
        account.role = core::parse_account_role(row.get<std::string>(0)).value_or(core::AccountRole::kEmployee);
        account.must_change_password = row.get<int>(1) != 0;
        account.scope_unit = row.get<std::string>(2);
        account.created_at = row.get<std::string>(3);
        record.account = std::move(account);
      }
    }
    long long sessions = 0;
    *session_ << "SELECT COUNT(*) FROM sessions WHERE employee_id = :id", soci::use(employee_id), soci::into(sessions);
    record.sessions = static_cast<std::size_t>(sessions);
    record.audit = read_person_audit(employee_id);
    record.erased = std::any_of(record.audit.begin(), record.audit.end(),
                                [](const AuditEntry& entry) { return entry.action == "person.erase"; });
    transaction.commit();
    return std::optional<core::PersonRecord>(std::move(record));
  });
}

}  // namespace trappa::store
