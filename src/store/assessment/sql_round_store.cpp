// Assessment rounds and assessments in the store.
#include <soci/soci.h>

#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "store/assessment/assessment_writer.hpp"
#include "store/assessment/sql_round_store.hpp"

namespace trappa::store {

using core::Result;

namespace {

core::Round round_from_row(const soci::row& row) {
  core::Round round;
  round.name = row.get<std::string>(0);
  round.framework_id = row.get<std::string>(1);
  round.framework_revision = row.get<int>(2);
  round.scope_unit = row.get_indicator(3) == soci::i_ok ? row.get<std::string>(3) : "";
  round.opens = row.get<std::string>(4);
  round.closes = row.get<std::string>(5);
  round.state = core::parse_round_state(row.get<std::string>(6)).value_or(core::RoundState::kDraft);
  return round;
}

constexpr const char* kRoundColumns = "name, framework_id, framework_revision, scope_unit, opens, closes, state";

}  // namespace

Result<void> SqlRoundStore::create_round(const core::Round& round, const Actor& actor) {
  return guarded("creating the round", [&]() -> Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    long long existing = 0;
    *session_ << "SELECT COUNT(*) FROM rounds WHERE name = :name", soci::use(round.name), soci::into(existing);
    if (existing > 0) return core::fail(core::ErrorKind::kConflict, "a round named '" + round.name + "' already exists");
    const std::string state(core::to_code(round.state));
    const std::string created_at = utc_timestamp_now();
    soci::indicator scope_indicator = round.scope_unit.empty() ? soci::i_null : soci::i_ok;
    *session_ << "INSERT INTO rounds (name, framework_id, framework_revision, scope_unit, opens, closes, state, "
                 "created_at) VALUES (:name, :framework, :revision, :scope, :opens, :closes, :state, :at)",
        soci::use(round.name), soci::use(round.framework_id), soci::use(round.framework_revision),
        soci::use(round.scope_unit, scope_indicator), soci::use(round.opens), soci::use(round.closes),
        soci::use(state), soci::use(created_at);
    append_audit_in_transaction({created_at, actor.name, "round.create", round.name,
                                 fmt::format("framework {} revision {}, scope '{}'", round.framework_id,
                                             round.framework_revision, round.scope_unit)});
    record_change_in_transaction(ChangeKind::kRound, round.name);
    transaction.commit();
    return {};
  });
}

Result<std::vector<core::Round>> SqlRoundStore::list_rounds() {
  return guarded("listing rounds", [&]() -> Result<std::vector<core::Round>> {
    std::vector<core::Round> rounds;
    soci::rowset<soci::row> rows = (session_->prepare << "SELECT " << kRoundColumns << " FROM rounds ORDER BY id");
    for (const soci::row& row : rows) rounds.push_back(round_from_row(row));
    return rounds;
  });
}

Result<std::optional<core::Round>> SqlRoundStore::load_round(const std::string& name) {
  return guarded("reading the round", [&]() -> Result<std::optional<core::Round>> {
    soci::rowset<soci::row> rows =
        (session_->prepare << "SELECT " << kRoundColumns << " FROM rounds WHERE name = :name", soci::use(name));
    for (const soci::row& row : rows) return std::optional<core::Round>(round_from_row(row));
    return std::optional<core::Round>{};
  });
}

Result<void> SqlRoundStore::set_round_state(const std::string& name, core::RoundState state, const Actor& actor) {
  return guarded("changing the round's state", [&]() -> Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    std::string current;
    *session_ << "SELECT state FROM rounds WHERE name = :name", soci::use(name), soci::into(current);
    if (!session_->got_data()) return core::fail(core::ErrorKind::kNotFound, "no round named '" + name + "'");
    const auto from = core::parse_round_state(current).value_or(core::RoundState::kDraft);
    // Rounds move forward only: draft → open → closed.
    if (static_cast<int>(state) <= static_cast<int>(from)) {
      return core::fail(core::ErrorKind::kConflict, fmt::format("round '{}' is {}; it cannot become {}", name,
                                                                core::to_code(from), core::to_code(state)));
    }
    const std::string next(core::to_code(state));
    *session_ << "UPDATE rounds SET state = :state WHERE name = :name", soci::use(next), soci::use(name);
    append_audit_in_transaction({utc_timestamp_now(), actor.name, "round.state", name,
                                 fmt::format("{}→{}", core::to_code(from), next)});
    record_change_in_transaction(ChangeKind::kRound, name);
    transaction.commit();
    return {};
  });
}

Result<SqlRoundStore::WritableRound> SqlRoundStore::writable_round(const std::string& round) {
  long long id = 0;
  std::string state;
  *session_ << "SELECT id, state FROM rounds WHERE name = :name", soci::use(round), soci::into(id), soci::into(state);
  if (!session_->got_data()) return core::fail(core::ErrorKind::kNotFound, "no round named '" + round + "'");
  if (state == "closed") {
    return core::fail(core::ErrorKind::kConflict, "round '" + round + "' is closed; its assessments can no longer change");
  }
  const auto parsed = core::parse_round_state(state);
  if (!parsed) return core::fail(core::ErrorKind::kStorage, "round '" + round + "' has the unknown state '" + state + "'");
  return WritableRound{id, *parsed};
}

std::vector<core::Assessment> SqlRoundStore::read_assessments(long long round_id, const std::string& round,
                                                          const std::string* only_employee) {
  const std::string filter = only_employee != nullptr ? " AND employee_id = :employee" : "";
  const std::string employee = only_employee != nullptr ? *only_employee : "";
  auto prepare = [&](const std::string& sql) {
    soci::details::prepare_temp_type statement = (session_->prepare << sql, soci::use(round_id, "round"));
    if (only_employee != nullptr) statement, soci::use(employee, "employee");
    return statement;
  };
  std::vector<core::Assessment> assessments;
  std::unordered_map<std::string, std::size_t> index;
  {
    soci::rowset<soci::row> rows = prepare(
        "SELECT employee_id, status, self_assessed_at, conversation_at, followed_up_at, notes FROM assessments "
        "WHERE round_id = :round" + filter + " ORDER BY employee_id");
    for (const soci::row& row : rows) {
      core::Assessment assessment;
      assessment.round = round;
      assessment.employee_id = row.get<std::string>(0);
      assessment.status = core::parse_assessment_status(row.get<std::string>(1)).value_or(core::AssessmentStatus::kNotStarted);
      assessment.self_assessed_at = row.get<std::string>(2);
      assessment.conversation_at = row.get<std::string>(3);
      assessment.followed_up_at = row.get<std::string>(4);
      assessment.notes = row.get<std::string>(5);
      index[assessment.employee_id] = assessments.size();
      assessments.push_back(std::move(assessment));
    }
  }
  {
    soci::rowset<soci::row> rows = prepare(
        "SELECT employee_id, competency, self_level, agreed_level, agreed_by, agreed_at FROM ratings "
        "WHERE round_id = :round" + filter + " ORDER BY employee_id, competency");
    for (const soci::row& row : rows) {
      core::Rating rating;
      rating.competency = row.get<std::string>(1);
      if (row.get_indicator(2) == soci::i_ok) rating.self_level = row.get<int>(2);
      if (row.get_indicator(3) == soci::i_ok) rating.agreed_level = row.get<int>(3);
      rating.agreed_by = row.get<std::string>(4);
      rating.agreed_at = row.get<std::string>(5);
      assessments[index.at(row.get<std::string>(0))].ratings.push_back(std::move(rating));
    }
  }
  {
    soci::rowset<soci::row> rows = prepare("SELECT employee_id, area, motivation FROM motivations WHERE round_id = :round" +
                                           filter);
    for (const soci::row& row : rows) {
      assessments[index.at(row.get<std::string>(0))].motivation[row.get<std::string>(1)] = row.get<int>(2);
    }
  }
  {
    soci::rowset<soci::row> rows = prepare("SELECT employee_id, competency FROM priorities WHERE round_id = :round" +
                                           filter + " ORDER BY employee_id, position");
    for (const soci::row& row : rows) {
      assessments[index.at(row.get<std::string>(0))].priorities.push_back(row.get<std::string>(1));
    }
  }
  return assessments;
}

Result<std::optional<core::Assessment>> SqlRoundStore::load_assessment(const std::string& round,
                                                                   const std::string& employee_id) {
  return guarded("reading the assessment", [&]() -> Result<std::optional<core::Assessment>> {
    long long round_id = 0;
    *session_ << "SELECT id FROM rounds WHERE name = :name", soci::use(round), soci::into(round_id);
    if (!session_->got_data()) return core::fail(core::ErrorKind::kNotFound, "no round named '" + round + "'");
    auto found = read_assessments(round_id, round, &employee_id);
    if (found.empty()) return std::optional<core::Assessment>{};
    return std::optional<core::Assessment>(std::move(found.front()));
  });
}

Result<core::Assessment> SqlRoundStore::change_assessment(const std::string& round, const std::string& employee_id,
                                                         const AssessmentChange& change, const Actor& actor) {
  return guarded("saving the assessment", [&]() -> Result<core::Assessment> {
    WriteTransaction transaction(*session_, *dialect_);
    ASSIGN_OR_RETURN(const WritableRound target, writable_round(round));
    // The person and their manager may save at the same moment (several server connections
    // or nodes): one at a time, each seeing the other's result as "before".
    dialect_->lock(*session_, "assessment:" + std::to_string(target.id) + ":" + employee_id);
    const auto stored = read_assessments(target.id, round, &employee_id);
    const core::Assessment before =
        stored.empty() ? core::Assessment{round, employee_id, {}, {}, {}, {}, {}, {}, {}, {}} : stored.front();
    ASSIGN_OR_RETURN(core::Assessment after, change(before, target.state));
    if (after.round != round || after.employee_id != employee_id) {
      return core::fail(core::ErrorKind::kInternal, "a change of " + employee_id + "'s assessment in round " + round +
                                                        " returned someone else's");
    }
    AssessmentWriter(*session_, target.id, true).write(std::span(&after, 1));
    append_audit_in_transaction({utc_timestamp_now(), actor.name, "assessment.save", employee_id,
                                 fmt::format("round {}: {}", round,
                                             core::describe_assessment_change(stored.empty() ? nullptr : &before,
                                                                              after))});
    record_change_in_transaction(ChangeKind::kAssessment, round, employee_id);
    transaction.commit();
    return after;
  });
}

Result<void> SqlRoundStore::save_assessment(const core::Assessment& assessment, const Actor& actor) {
  auto saved = change_assessment(
      assessment.round, assessment.employee_id,
      [&](const core::Assessment&, core::RoundState) -> Result<core::Assessment> { return assessment; }, actor);
  if (!saved) return std::unexpected(std::move(saved.error()));
  return {};
}

Result<void> SqlRoundStore::save_assessments(const std::string& round, const std::vector<core::Assessment>& assessments,
                                         const Actor& actor) {
  return guarded("saving assessments", [&]() -> Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    ASSIGN_OR_RETURN(const WritableRound target, writable_round(round));
    const long long round_id = target.id;
    dialect_->prepare_bulk_write(*session_);
    // A round without assessments has nothing to replace: skip the per-person deletes.
    long long existing = 0;
    *session_ << "SELECT COUNT(*) FROM assessments WHERE round_id = :round", soci::use(round_id), soci::into(existing);
    // Each person whose assessment the import creates or changes gets an audit entry with
    // old → new values (created ones unless the actor says not to itemise them). Only the
    // people who already have an assessment are read back, so filling a round in chunks (the
    // demo, a national-scale load) never rereads what the earlier chunks wrote.
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> changes;
    std::unordered_set<std::string> assessed;
    if (existing > 0) {
      soci::rowset<std::string> ids =
          (session_->prepare << "SELECT employee_id FROM assessments WHERE round_id = :round", soci::use(round_id));
      for (const std::string& id : ids) assessed.insert(id);
    }
    std::size_t created = 0, changed = 0;
    for (const core::Assessment& assessment : assessments) {
      if (!assessed.contains(assessment.employee_id)) {
        ++created;
        if (actor.itemise_created) {
          changes.push_back({now, actor.name, "assessment.import", assessment.employee_id,
                             fmt::format("round {}: {}{}", round, core::describe_assessment_change(nullptr, assessment),
                                         actor.where(assessment.employee_id))});
        }
        continue;
      }
      const auto before = read_assessments(round_id, round, &assessment.employee_id);
      if (before.empty() || before.front() == assessment) continue;
      const std::string change = core::describe_assessment_change(&before.front(), assessment);
      if (change == "no change") continue;  // only timestamps moved
      ++changed;
      changes.push_back({now, actor.name, "assessment.import", assessment.employee_id,
                         fmt::format("round {}: {}{}", round, change, actor.where(assessment.employee_id))});
    }
    AssessmentWriter writer(*session_, round_id, existing > 0);
    constexpr std::size_t kBatch = 5000;
    const std::span<const core::Assessment> all(assessments);
    for (std::size_t begin = 0; begin < all.size(); begin += kBatch) {
      writer.write(all.subspan(begin, std::min(kBatch, all.size() - begin)));
    }
    append_audit_entries_in_transaction(changes);
    std::string detail = fmt::format("{} assessments written", assessments.size());
    if (existing > 0) detail += fmt::format(" ({} new, {} changed)", created, changed);
    append_audit_in_transaction({now, actor.name, "import.assessments", round, detail});
    record_change_in_transaction(ChangeKind::kAssessments, round);
    transaction.commit();
    return {};
  });
}

Result<std::vector<core::Assessment>> SqlRoundStore::load_assessments(const std::string& round) {
  return guarded("reading assessments", [&]() -> Result<std::vector<core::Assessment>> {
    long long round_id = 0;
    *session_ << "SELECT id FROM rounds WHERE name = :name", soci::use(round), soci::into(round_id);
    if (!session_->got_data()) return core::fail(core::ErrorKind::kNotFound, "no round named '" + round + "'");
    return read_assessments(round_id, round, nullptr);
  });
}

Result<std::vector<core::SentReminder>> SqlRoundStore::load_reminders(const std::string& round) {
  return guarded("reading the reminders", [&]() -> Result<std::vector<core::SentReminder>> {
    std::vector<core::SentReminder> reminders;
    soci::rowset<soci::row> rows =
        (session_->prepare << "SELECT employee_id, sent_at, sent_unix, sent_by FROM reminders "
                              "WHERE round_name = :round ORDER BY sent_unix, employee_id",
         soci::use(round));
    for (const soci::row& row : rows) {
      reminders.push_back({round, row.get<std::string>(0), row.get<std::string>(1),
                           static_cast<std::int64_t>(row.get<long long>(2)), row.get<std::string>(3)});
    }
    return reminders;
  });
}

Result<void> SqlRoundStore::record_reminders(const std::string& round, const std::vector<std::string>& employee_ids,
                                             const std::string& sent_at, std::int64_t sent_unix, const Actor& actor) {
  if (employee_ids.empty()) return {};
  return guarded("recording the reminders", [&]() -> Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    long long round_id = 0;
    *session_ << "SELECT id FROM rounds WHERE name = :name", soci::use(round), soci::into(round_id);
    if (!session_->got_data()) return core::fail(core::ErrorKind::kNotFound, "no round named '" + round + "'");
    std::vector<std::string> ids_of(employee_ids);
    std::vector<std::string> rounds(employee_ids.size(), round);
    std::vector<std::string> at(employee_ids.size(), sent_at);
    std::vector<long long> unix_at(employee_ids.size(), static_cast<long long>(sent_unix));
    std::vector<std::string> by(employee_ids.size(), actor.name);
    *session_ << "INSERT INTO reminders (round_name, employee_id, sent_at, sent_unix, sent_by) "
                 "VALUES (:round, :employee, :at, :unix_at, :by)",
        soci::use(rounds), soci::use(ids_of), soci::use(at), soci::use(unix_at), soci::use(by);
    std::string ids;
    for (const std::string& id : employee_ids) ids += (ids.empty() ? "" : ", ") + id;
    std::vector<AuditEntry> entries;
    entries.reserve(employee_ids.size() + 1);
    entries.push_back({sent_at, actor.name, "round.reminders", round,
                       fmt::format("{} reminder e-mail{} sent: {}", employee_ids.size(),
                                   employee_ids.size() == 1 ? "" : "s", ids)});
    for (const std::string& id : employee_ids) {
      entries.push_back({sent_at, actor.name, "reminder.sent", id, "round " + round});
    }
    append_audit_entries_in_transaction(entries);
    transaction.commit();
    return {};
  });
}

}  // namespace trappa::store
