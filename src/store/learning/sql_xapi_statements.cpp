// xAPI statements in the store: the table xapi_statements of migration 014, and the
// participation rows a batch of statements changes (store/learning/learning_store.hpp).
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <set>

#include "core/base/date.hpp"
#include "store/learning/sql_learning_store.hpp"

namespace trappa::store {

using core::Result;

namespace {

std::string number_text(double value) {
  std::array<char, 32> buffer{};
  const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), written.ptr);
}

// A participation row as one text: "status\tdate\thours\tsource" (hours empty when none).
std::string row_text(const core::Participation& row) {
  return std::string(core::to_code(row.status)) + '\t' + core::to_iso(row.date) + '\t' +
         (row.hours ? number_text(*row.hours) : std::string()) + '\t' + row.source;
}

std::optional<core::Participation> row_from_text(const std::string& employee_id, const std::string& activity,
                                                 const std::string& text) {
  std::array<std::string, 4> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::size_t tab = i + 1 < parts.size() ? text.find('\t', start) : std::string::npos;
    parts[i] = text.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
    if (tab == std::string::npos && i + 1 < parts.size()) return std::nullopt;
    start = tab + 1;
  }
  core::Participation row;
  row.employee_id = employee_id;
  row.activity = activity;
  const auto status = core::parse_participation_status(parts[0]);
  const auto date = core::parse_iso_date(parts[1]);
  if (!status || !date) return std::nullopt;
  row.status = *status;
  row.date = *date;
  if (!parts[2].empty()) {
    double hours = 0;
    std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), hours);
    row.hours = hours;
  }
  row.source = parts[3];
  return row;
}

std::string column(const soci::row& row, std::size_t index) {
  return row.get_indicator(index) == soci::i_ok ? row.get<std::string>(index) : std::string();
}

}  // namespace

Result<std::map<std::string, core::StoredXapiStatement>> SqlLearningStore::load_xapi_statements(
    const std::vector<std::string>& ids) {
  return guarded("reading the xAPI statements", [&]() -> Result<std::map<std::string, core::StoredXapiStatement>> {
    std::map<std::string, core::StoredXapiStatement> found;
    for (const std::string& id : ids) {
      soci::rowset<soci::row> rows =
          (session_->prepare << "SELECT id, client, received, statement, verb, employee_id, activity, voids, "
                                "voided_by, previous_row FROM xapi_statements WHERE id = :id OR voids = :voids",
           soci::use(id), soci::use(id));
      for (const soci::row& row : rows) {
        core::StoredXapiStatement statement;
        statement.id = row.get<std::string>(0);
        statement.client = row.get<std::string>(1);
        statement.received = row.get<std::string>(2);
        statement.statement = row.get<std::string>(3);
        statement.verb = row.get<std::string>(4);
        statement.employee_id = column(row, 5);
        statement.activity = column(row, 6);
        statement.voids = column(row, 7);
        statement.voided_by = column(row, 8);
        if (const std::string previous = column(row, 9); !previous.empty()) {
          statement.previous_row = row_from_text(statement.employee_id, statement.activity, previous);
        }
        found.emplace(statement.id, std::move(statement));
      }
    }
    return found;
  });
}

Result<std::vector<core::Participation>> SqlLearningStore::load_participation_of(
    const std::vector<std::string>& employee_ids) {
  const std::set<std::string> people(employee_ids.begin(), employee_ids.end());
  std::vector<core::Participation> rows;
  for (const std::string& employee_id : people) {
    auto own = load_participation_of_person(employee_id);
    if (!own) return own;
    rows.insert(rows.end(), std::make_move_iterator(own->begin()), std::make_move_iterator(own->end()));
  }
  return rows;
}

Result<void> SqlLearningStore::save_xapi_batch(const core::XapiBatch& batch, const Actor& actor) {
  return guarded("saving the xAPI statements", [&]() -> Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> entries;
    // The rows must still be as the plan found them.
    for (const core::XapiRowChange& change : batch.rows) {
      std::optional<core::Participation> current;
      soci::rowset<soci::row> rows =
          (session_->prepare << "SELECT status, date, hours, source FROM learning_participation "
                                "WHERE employee_id = :employee AND activity = :activity",
           soci::use(change.employee_id), soci::use(change.activity));
      for (const soci::row& row : rows) {
        core::Participation stored;
        stored.employee_id = change.employee_id;
        stored.activity = change.activity;
        stored.status = core::parse_participation_status(row.get<std::string>(0)).value_or(core::ParticipationStatus::kRegistered);
        stored.date = core::parse_iso_date(row.get<std::string>(1)).value_or(core::Date{});
        if (row.get_indicator(2) == soci::i_ok) stored.hours = row.get<double>(2);
        stored.source = row.get<std::string>(3);
        current = std::move(stored);
      }
      if (current != change.before) {
        return core::fail(core::ErrorKind::kConflict, "the participation of '" + change.employee_id + "' in '" +
                                                          change.activity +
                                                          "' changed while the statements were stored; send them again");
      }
    }
    for (const core::StoredXapiStatement& statement : batch.statements) {
      long long taken = 0;
      *session_ << "SELECT COUNT(*) FROM xapi_statements WHERE id = :id", soci::use(statement.id), soci::into(taken);
      if (taken != 0) {
        return core::fail(core::ErrorKind::kConflict, "statement '" + statement.id + "' was stored meanwhile; send the batch again");
      }
      const std::string previous = statement.previous_row ? row_text(*statement.previous_row) : std::string();
      soci::indicator employee_indicator = statement.employee_id.empty() ? soci::i_null : soci::i_ok;
      soci::indicator activity_indicator = statement.activity.empty() ? soci::i_null : soci::i_ok;
      soci::indicator voids_indicator = statement.voids.empty() ? soci::i_null : soci::i_ok;
      soci::indicator previous_indicator = statement.previous_row ? soci::i_ok : soci::i_null;
      soci::indicator voided_indicator = statement.voided_by.empty() ? soci::i_null : soci::i_ok;
      *session_ << "INSERT INTO xapi_statements (id, client, received, statement, stored_at, verb, employee_id, "
                   "activity, voids, voided_by, previous_row) VALUES (:id, :client, :received, :statement, :stored, "
                   ":verb, :employee, :activity, :voids, :voided_by, :previous)",
          soci::use(statement.id), soci::use(statement.client), soci::use(statement.received),
          soci::use(statement.statement), soci::use(now), soci::use(statement.verb),
          soci::use(statement.employee_id, employee_indicator), soci::use(statement.activity, activity_indicator),
          soci::use(statement.voids, voids_indicator), soci::use(statement.voided_by, voided_indicator),
          soci::use(previous, previous_indicator);
      if (statement.voids.empty()) {
        entries.push_back({now, actor.name, "xapi.statement", statement.employee_id,
                           statement.verb + " " + statement.activity +
                               (statement.voided_by.empty() ? "" : ", voided already by xapi:" + statement.voided_by) +
                               " (xapi:" + statement.id + ")"});
      } else if (std::none_of(batch.voided.begin(), batch.voided.end(),
                              [&](const auto& pair) { return pair.second == statement.id; })) {
        entries.push_back({now, actor.name, "xapi.statement", "xapi",
                           "voided xapi:" + statement.voids + ", not stored yet (xapi:" + statement.id + ")"});
      }
    }
    for (const auto& [voided, voiding] : batch.voided) {
      std::string employee;
      soci::indicator employee_indicator = soci::i_null;
      *session_ << "SELECT employee_id FROM xapi_statements WHERE id = :id", soci::use(voided),
          soci::into(employee, employee_indicator);
      *session_ << "UPDATE xapi_statements SET voided_by = :voiding WHERE id = :voided", soci::use(voiding),
          soci::use(voided);
      entries.push_back({now, actor.name, "xapi.statement", employee_indicator == soci::i_ok ? employee : voided,
                         "voided xapi:" + voided + " (xapi:" + voiding + ")"});
    }
    for (const core::XapiRowChange& change : batch.rows) {
      const std::string where = " (" + change.cause + ")";
      if (!change.after) {
        *session_ << "DELETE FROM learning_participation WHERE employee_id = :employee AND activity = :activity",
            soci::use(change.employee_id), soci::use(change.activity);
        entries.push_back({now, actor.name, "participation.delete", change.employee_id,
                           change.activity + ": " + std::string(core::to_code(change.before->status)) + where});
        continue;
      }
      const core::Participation& row = *change.after;
      upsert_participation(row, now);
      const std::string status(core::to_code(row.status));
      if (!change.before) {
        entries.push_back({now, actor.name, "participation.create", row.employee_id, row.activity + ": " + status + where});
      } else {
        entries.push_back({now, actor.name, "participation.update", row.employee_id,
                           row.activity + ": " + changed_participation(*change.before, row) + where});
      }
    }
    if (!entries.empty()) append_audit_entries_in_transaction(entries);
    if (!batch.rows.empty() || !batch.statements.empty()) record_change_in_transaction(ChangeKind::kLearning);
    transaction.commit();
    return {};
  });
}

}  // namespace trappa::store
