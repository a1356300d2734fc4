#include "store/learning/sql_learning_store.hpp"

#include <soci/soci.h>

#include <array>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "core/base/date.hpp"
#include "store/sql/row_scan.hpp"

namespace trappa::store {

using core::Result;

namespace {


// The fields that differ, by their names in the catalogue file: "title, hours".
std::string changed_fields(const core::LearningActivity& before, const core::LearningActivity& after) {
  std::vector<std::string> names;
  if (before.title != after.title) names.emplace_back("title");
  if (before.description != after.description) names.emplace_back("description");
  if (before.format != after.format) names.emplace_back("format");
  if (before.provider != after.provider) names.emplace_back("provider");
  if (before.framework_id != after.framework_id) names.emplace_back("framework");
  if (before.competencies != after.competencies) names.emplace_back("competencies");
  if (before.level_from != after.level_from) names.emplace_back("level_from");
  if (before.level_to != after.level_to) names.emplace_back("level_to");
  if (before.hours != after.hours) names.emplace_back("hours");
  if (before.starts != after.starts) names.emplace_back("starts");
  if (before.ends != after.ends) names.emplace_back("ends");
  if (before.capacity != after.capacity) names.emplace_back("capacity");
  if (before.audience_roles != after.audience_roles) names.emplace_back("audience_roles");
  if (before.theme != after.theme) names.emplace_back("theme");
  if (before.status != after.status) names.emplace_back("status");
  if (before.xapi_id != after.xapi_id) names.emplace_back("xapi_id");
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

Result<std::vector<core::LearningActivity>> SqlLearningStore::load_activities() {
  return guarded("reading the learning activities", [&]() -> Result<std::vector<core::LearningActivity>> {
    std::vector<core::LearningActivity> activities;
    soci::rowset<soci::row> rows =
        (session_->prepare << "SELECT code, title, description, format, provider, framework_id, competencies, "
                              "level_from, level_to, hours, starts, ends, capacity, audience_roles, theme, status, xapi_id "
                              "FROM learning_activities ORDER BY code");
    for (const soci::row& row : rows) {
      core::LearningActivity activity;
      activity.code = row.get<std::string>(0);
      activity.title = row.get<std::string>(1);
      activity.description = row.get<std::string>(2);
      activity.format = core::parse_activity_format(row.get<std::string>(3)).value_or(core::ActivityFormat::kCourse);
      activity.provider = row.get<std::string>(4);
      activity.framework_id = row.get<std::string>(5);
      activity.competencies = core::parse_code_list(row.get<std::string>(6));
      activity.level_from = row.get<int>(7);
      activity.level_to = row.get<int>(8);
      activity.hours = row.get<double>(9);
      activity.starts = core::parse_iso_date(row.get<std::string>(10)).value_or(core::Date{});
      activity.ends = core::parse_iso_date(row.get<std::string>(11)).value_or(core::Date{});
      if (row.get_indicator(12) == soci::i_ok) activity.capacity = row.get<int>(12);
      activity.audience_roles = core::parse_code_list(row.get<std::string>(13));
      activity.theme = row.get<std::string>(14);
      activity.status = core::parse_activity_status(row.get<std::string>(15)).value_or(core::ActivityStatus::kPlanned);
      if (row.get_indicator(16) == soci::i_ok) activity.xapi_id = row.get<std::string>(16);
      activities.push_back(std::move(activity));
    }
    return activities;
  });
}

Result<ActivitySaveSummary> SqlLearningStore::save_activities(const std::vector<core::LearningActivity>& activities,
                                                              const Actor& actor) {
  return guarded("saving the learning activities", [&]() -> Result<ActivitySaveSummary> {
    WriteTransaction transaction(*session_, *dialect_);
    std::set<std::string> frameworks;
    for (const core::LearningActivity& activity : activities) {
      if (!frameworks.insert(activity.framework_id).second) continue;
      long long found = 0;
      *session_ << "SELECT COUNT(*) FROM frameworks WHERE id = :id", soci::use(activity.framework_id), soci::into(found);
      if (found == 0) return core::fail(core::ErrorKind::kNotFound, "no framework with id '" + activity.framework_id + "'");
    }
    ASSIGN_OR_RETURN(auto stored, load_activities());
    std::map<std::string, core::LearningActivity> before;
    for (core::LearningActivity& activity : stored) {
      std::string code = activity.code;
      before.emplace(std::move(code), std::move(activity));
    }
    // An xapi_id names one activity: check the catalogue as the save leaves it.
    {
      std::map<std::string, std::string> xapi_owner;  // xapi_id → code
      std::map<std::string, const core::LearningActivity*> after;
      for (const auto& [code, activity] : before) after[code] = &activity;
      for (const core::LearningActivity& activity : activities) after[activity.code] = &activity;
      for (const auto& [code, activity] : after) {
        if (activity->xapi_id.empty()) continue;
        if (auto [owner, inserted] = xapi_owner.emplace(activity->xapi_id, code); !inserted) {
          return core::fail(core::ErrorKind::kConflict, "the xapi_id '" + activity->xapi_id + "' of activity '" + code +
                                                            "' is the xapi_id of activity '" + owner->second + "' already");
        }
      }
    }
    ActivitySaveSummary summary;
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> entries;
    for (const core::LearningActivity& activity : activities) {
      const auto found = before.find(activity.code);
      if (found != before.end() && found->second == activity) {
        ++summary.unchanged;
        continue;
      }
      const std::string format(core::to_code(activity.format));
      const std::string status(core::to_code(activity.status));
      const std::string competencies = core::format_code_list(activity.competencies);
      const std::string roles = core::format_code_list(activity.audience_roles);
      const std::string starts = core::to_iso(activity.starts);
      const std::string ends = core::to_iso(activity.ends);
      const int capacity = activity.capacity.value_or(0);
      soci::indicator capacity_indicator = activity.capacity ? soci::i_ok : soci::i_null;
      soci::indicator xapi_indicator = activity.xapi_id.empty() ? soci::i_null : soci::i_ok;
      *session_ << "INSERT INTO learning_activities (code, title, description, format, provider, framework_id, "
                   "competencies, level_from, level_to, hours, starts, ends, capacity, audience_roles, theme, status, "
                   "updated_at, xapi_id) VALUES (:code, :title, :description, :format, :provider, :framework, "
                   ":competencies, :level_from, :level_to, :hours, :starts, :ends, :capacity, :roles, :theme, :status, "
                   ":updated, :xapi_id) "
                   "ON CONFLICT (code) DO UPDATE SET title = excluded.title, description = excluded.description, "
                   "format = excluded.format, provider = excluded.provider, framework_id = excluded.framework_id, "
                   "competencies = excluded.competencies, level_from = excluded.level_from, "
                   "level_to = excluded.level_to, hours = excluded.hours, starts = excluded.starts, "
                   "ends = excluded.ends, capacity = excluded.capacity, audience_roles = excluded.audience_roles, "
                   "theme = excluded.theme, status = excluded.status, updated_at = excluded.updated_at, "
                   "xapi_id = excluded.xapi_id",
          soci::use(activity.code), soci::use(activity.title), soci::use(activity.description), soci::use(format),
          soci::use(activity.provider), soci::use(activity.framework_id), soci::use(competencies),
          soci::use(activity.level_from), soci::use(activity.level_to), soci::use(activity.hours), soci::use(starts),
          soci::use(ends), soci::use(capacity, capacity_indicator), soci::use(roles), soci::use(activity.theme),
          soci::use(status), soci::use(now), soci::use(activity.xapi_id, xapi_indicator);
      if (found == before.end()) {
        ++summary.created;
        entries.push_back({now, actor.name, "activity.create", activity.code, activity.title + actor.where(activity.code)});
      } else {
        ++summary.changed;
        entries.push_back({now, actor.name, "activity.update", activity.code,
                           changed_fields(found->second, activity) + actor.where(activity.code)});
      }
    }
    if (!entries.empty()) {
      append_audit_entries_in_transaction(entries);
      record_change_in_transaction(ChangeKind::kLearning);
    }
    transaction.commit();
    return summary;
  });
}

namespace {

std::string hours_text(const std::optional<double>& hours) {
  if (!hours) return "–";
  std::array<char, 32> buffer{};
  const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *hours);
  return std::string(buffer.data(), written.ptr);
}


}  // namespace

std::string SqlLearningStore::changed_participation(const core::Participation& before, const core::Participation& after) {
  std::string text;
  const auto add = [&](std::string_view field, const std::string& old_value, const std::string& new_value) {
    if (old_value == new_value) return;
    text += (text.empty() ? "" : ", ") + std::string(field) + " " + old_value + "→" + new_value;
  };
  add("status", std::string(core::to_code(before.status)), std::string(core::to_code(after.status)));
  add("date", core::to_iso(before.date), core::to_iso(after.date));
  add("hours", hours_text(before.hours), hours_text(after.hours));
  add("source", before.source, after.source);
  return text;
}

void SqlLearningStore::upsert_participation(const core::Participation& row, const std::string& now) {
  const std::string date = core::to_iso(row.date);
  const std::string status(core::to_code(row.status));
  const double hours = row.hours.value_or(0);
  soci::indicator hours_indicator = row.hours ? soci::i_ok : soci::i_null;
  *session_ << "INSERT INTO learning_participation (employee_id, activity, date, status, hours, source, updated_at) "
               "VALUES (:employee, :activity, :date, :status, :hours, :source, :updated) "
               "ON CONFLICT (employee_id, activity) DO UPDATE SET date = excluded.date, status = excluded.status, "
               "hours = excluded.hours, source = excluded.source, updated_at = excluded.updated_at",
      soci::use(row.employee_id), soci::use(row.activity), soci::use(date), soci::use(status),
      soci::use(hours, hours_indicator), soci::use(row.source), soci::use(now);
}

Result<std::vector<core::Participation>> SqlLearningStore::load_participation() {
  return participation_where(nullptr, {});
}

Result<std::vector<core::Participation>> SqlLearningStore::load_participation_of_person(const std::string& employee_id) {
  return participation_where("employee_id = $1", employee_id);
}

Result<std::vector<core::Participation>> SqlLearningStore::load_participation_of_activity(const std::string& activity) {
  return participation_where("activity = $1", activity);
}

Result<std::vector<core::Participation>> SqlLearningStore::participation_where(const char* condition,
                                                                                const std::string& value) {
  return guarded("reading the learning participation", [&]() -> Result<std::vector<core::Participation>> {
    std::vector<core::Participation> rows;
    std::string sql = "SELECT employee_id, activity, date, status, hours, source FROM learning_participation";
    if (condition != nullptr) sql += std::string(" WHERE ") + condition;
    sql += " ORDER BY employee_id, activity";
    auto scanned = condition != nullptr ? scan(sql, {ScanParameter{value}}) : scan(sql, {});
    while (scanned->next()) {
      core::Participation row;
      row.employee_id = scanned->text(0);
      row.activity = scanned->text(1);
      row.date = core::parse_iso_date(scanned->text(2)).value_or(core::Date{});
      row.status = core::parse_participation_status(scanned->text(3)).value_or(core::ParticipationStatus::kRegistered);
      if (!scanned->is_null(4)) {
        const std::string_view text = scanned->text(4);
        double hours = 0;
        std::from_chars(text.data(), text.data() + text.size(), hours);
        row.hours = hours;
      }
      row.source = scanned->text(5);
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

Result<ParticipationSaveSummary> SqlLearningStore::save_participation(const std::vector<core::Participation>& rows,
                                                                      const Actor& actor) {
  return guarded("saving the learning participation", [&]() -> Result<ParticipationSaveSummary> {
    WriteTransaction transaction(*session_, *dialect_);
    ASSIGN_OR_RETURN(auto stored, load_participation());
    std::map<std::pair<std::string, std::string>, core::Participation> before;
    for (core::Participation& row : stored) {
      std::pair key{row.employee_id, row.activity};
      before.emplace(std::move(key), std::move(row));
    }
    ParticipationSaveSummary summary;
    const std::string now = utc_timestamp_now();
    std::vector<AuditEntry> entries;
    for (const core::Participation& row : rows) {
      const auto found = before.find({row.employee_id, row.activity});
      if (found != before.end() && found->second == row) {
        ++summary.unchanged;
        continue;
      }
      upsert_participation(row, now);
      const std::string status(core::to_code(row.status));
      if (found == before.end()) {
        ++summary.created;
        entries.push_back({now, actor.name, "participation.create", row.employee_id,
                           row.activity + ": " + status + actor.where(participation_source_key(row.employee_id, row.activity))});
      } else {
        ++summary.changed;
        entries.push_back({now, actor.name, "participation.update", row.employee_id,
                           row.activity + ": " + changed_participation(found->second, row) +
                               actor.where(participation_source_key(row.employee_id, row.activity))});
      }
    }
    if (!entries.empty()) {
      append_audit_entries_in_transaction(entries);
      record_change_in_transaction(ChangeKind::kLearning);
    }
    transaction.commit();
    return summary;
  });
}

}  // namespace trappa::store
