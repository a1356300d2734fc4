// Units and people over SQL (the common subset of SQLite and PostgreSQL; what differs lives in
// the dialect files).
#include <soci/soci.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "core/people/person_change.hpp"
#include "core/base/clock.hpp"
#include "store/sql/dialect.hpp"
#include "store/sql/schema_migrations.hpp"
#include "store/org/sql_organisation_store.hpp"
#include "store/store.hpp"

namespace trappa::store {

using core::Result;


Result<std::vector<core::Unit>> SqlOrganisationStore::load_units() {
  return guarded("reading units", [&]() -> Result<std::vector<core::Unit>> {
    std::vector<core::Unit> units;
    soci::rowset<soci::row> rows =
        (session_->prepare << "SELECT code, name, COALESCE(parent_code, ''), kind FROM units ORDER BY code");
    for (const soci::row& row : rows) {
      core::Unit unit;
      unit.code = row.get<std::string>(0);
      unit.name = row.get<std::string>(1);
      unit.parent_code = row.get<std::string>(2);
      unit.kind = core::parse_unit_kind(row.get<std::string>(3)).value_or(core::UnitKind::kUnit);
      units.push_back(std::move(unit));
    }
    return units;
  });
}

Result<void> SqlOrganisationStore::save_units(const std::vector<core::Unit>& units, const Actor& actor) {
  return guarded("saving units", [&]() -> Result<void> {
    std::vector<std::string> codes, names, parents, kinds;
    std::vector<soci::indicator> parent_indicators;
    codes.reserve(units.size());
    for (const core::Unit& unit : units) {
      codes.push_back(unit.code);
      names.push_back(unit.name);
      parents.push_back(unit.parent_code);
      parent_indicators.push_back(unit.parent_code.empty() ? soci::i_null : soci::i_ok);
      kinds.emplace_back(core::to_code(unit.kind));
    }
    WriteTransaction transaction(*session_, *dialect_);
    if (!units.empty()) {
      *session_ << "INSERT INTO units (code, name, parent_code, kind) VALUES (:code, :name, :parent, :kind) "
                   "ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code, "
                   "kind = excluded.kind",
          soci::use(codes), soci::use(names), soci::use(parents, parent_indicators), soci::use(kinds);
    }
    append_audit_in_transaction({utc_timestamp_now(), actor.name, "import.units", "units",
                                 fmt::format("{} units written", units.size())});
    record_change_in_transaction(ChangeKind::kOrganisation);
    transaction.commit();
    return {};
  });
}

Result<std::vector<core::Person>> SqlOrganisationStore::load_people() {
  return guarded("reading people", [&]() -> Result<std::vector<core::Person>> {
    std::vector<core::Person> people;
    long long count = 0;
    *session_ << "SELECT COUNT(*) FROM people", soci::into(count);
    people.reserve(static_cast<std::size_t>(count));
    // Streamed from the backend (RowScan): a national organisation is millions of rows.
    for (auto rows = scan("SELECT employee_id, name, email, gender, birth_year, unit_code, role, "
                          "COALESCE(manager_id, ''), city_start_date FROM people ORDER BY employee_id");
         rows->next();) {
      core::Person person;
      person.employee_id = rows->text(0);
      person.name = rows->text(1);
      person.email = rows->text(2);
      person.gender = core::parse_gender(rows->text(3)).value_or(core::Gender::kOther);
      person.birth_year = static_cast<int>(rows->integer(4));
      person.unit_code = rows->text(5);
      person.role = rows->text(6);
      person.manager_id = rows->text(7);
      if (!rows->is_null(8)) person.city_start_date = std::string(rows->text(8));
      people.push_back(std::move(person));
    }
    return people;
  });
}

Result<void> SqlOrganisationStore::save_people(const std::vector<core::Person>& people, const Actor& actor) {
  return guarded("saving people", [&]() -> Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    // A store that already holds people gets one audit entry per person created or changed,
    // with old → new values; the first import (or the demo) into an empty store is recorded
    // once, below, so a national-scale load does not write a million audit rows.
    long long existing = 0;
    *session_ << "SELECT COUNT(*) FROM (SELECT 1 FROM people LIMIT 1) AS any_row", soci::into(existing);
    std::unordered_map<std::string, core::Person> before;
    if (existing > 0) {
      ASSIGN_OR_RETURN(auto loaded, load_people());
      before.reserve(loaded.size());
      for (core::Person& person : loaded) {
        std::string id = person.employee_id;
        before.emplace(std::move(id), std::move(person));
      }
    }
    // An erased person stays erased: a later import from the HR system updates their unit,
    // role and the rest, but never brings the name or e-mail back.
    std::set<std::string> erased;
    if (existing > 0) {
      for (std::string& id : erased_people()) erased.insert(std::move(id));
    }
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> changes;
    std::size_t created = 0, changed = 0, kept_erased = 0;
    constexpr std::size_t kBatch = 10000;
    for (std::size_t begin = 0; begin < people.size(); begin += kBatch) {
      const std::size_t end = std::min(people.size(), begin + kBatch);
      std::vector<std::string> ids, names, emails, genders, units, roles, managers, starts;
      std::vector<int> birth_years;
      std::vector<soci::indicator> manager_indicators, start_indicators;
      for (std::size_t i = begin; i < end; ++i) {
        const core::Person* person = &people[i];
        core::Person kept;
        if (!erased.empty() && erased.contains(person->employee_id)) {
          kept = *person;
          kept.name = std::string(core::kErasedName);
          kept.email.clear();
          person = &kept;
          ++kept_erased;
        }
        // Every person the import creates or changes gets an entry (a first import too);
        // `before` is empty when the store has nobody yet.
        auto found = before.find(person->employee_id);
        if (found == before.end()) {
          ++created;
          if (actor.itemise_created) {
            changes.push_back({now, actor.name, "person.create", person->employee_id,
                               core::describe_person_change(nullptr, *person) + actor.where(person->employee_id)});
          }
        } else if (!(found->second == *person)) {
          ++changed;
          changes.push_back({now, actor.name, "person.update", person->employee_id,
                             core::describe_person_change(&found->second, *person) + actor.where(person->employee_id)});
        }
        ids.push_back(person->employee_id);
        names.push_back(person->name);
        emails.push_back(person->email);
        genders.emplace_back(core::to_code(person->gender));
        birth_years.push_back(person->birth_year);
        units.push_back(person->unit_code);
        roles.push_back(person->role);
        managers.push_back(person->manager_id);
        manager_indicators.push_back(person->manager_id.empty() ? soci::i_null : soci::i_ok);
        starts.push_back(person->city_start_date.value_or(""));
        start_indicators.push_back(person->city_start_date ? soci::i_ok : soci::i_null);
      }
      *session_ << "INSERT INTO people (employee_id, name, email, gender, birth_year, unit_code, role, manager_id, "
                   "city_start_date) VALUES (:id, :name, :email, :gender, :birth, :unit, :role, :manager, :start) "
                   "ON CONFLICT (employee_id) DO UPDATE SET name = excluded.name, email = excluded.email, "
                   "gender = excluded.gender, birth_year = excluded.birth_year, unit_code = excluded.unit_code, "
                   "role = excluded.role, manager_id = excluded.manager_id, "
                   "city_start_date = excluded.city_start_date",
          soci::use(ids), soci::use(names), soci::use(emails), soci::use(genders), soci::use(birth_years),
          soci::use(units), soci::use(roles), soci::use(managers, manager_indicators),
          soci::use(starts, start_indicators);
    }
    append_audit_entries_in_transaction(changes);
    std::string detail = fmt::format("{} people written", people.size());
    if (existing > 0) detail += fmt::format(" ({} new, {} changed)", created, changed);
    if (kept_erased > 0) detail += fmt::format("; {} erased people kept without name and e-mail", kept_erased);
    append_audit_in_transaction({now, actor.name, "import.people", "people", detail});
    record_change_in_transaction(ChangeKind::kOrganisation);
    transaction.commit();
    return {};
  });
}

}  // namespace trappa::store
