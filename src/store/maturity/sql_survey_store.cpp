#include "store/maturity/sql_survey_store.hpp"

#include <soci/soci.h>

#include <random>

#include <fmt/format.h>

#include "store/sql/row_scan.hpp"

namespace trappa::store {

std::string_view to_code(SurveyScope scope) { return scope == SurveyScope::kEveryone ? "everyone" : "chosen"; }

namespace {

// 128 random bits as hex: a respondent's token, which says nothing about the person.
std::string random_token() {
  static thread_local std::random_device device;
  std::string token;
  for (int i = 0; i < 4; ++i) token += fmt::format("{:08x}", static_cast<std::uint32_t>(device()));
  return token;
}

std::string version_subject(std::string_view instrument, int version) { return fmt::format("{}@{}", instrument, version); }

// The round columns every read selects, in the order read_round expects.
constexpr std::string_view kRoundColumns =
    "r.name, r.instrument, r.version, r.unit_code, r.period, r.scope, r.state, r.opened_at, r.opened_by, "
    "(SELECT COUNT(*) FROM survey_respondents p WHERE p.round_name = r.name), "
    "(SELECT COUNT(DISTINCT a.token) FROM survey_answers a WHERE a.round_name = r.name)";

SurveyRound read_round(const RowScan& row) {
  SurveyRound round;
  round.name = std::string(row.text(0));
  round.instrument = std::string(row.text(1));
  round.version = static_cast<int>(row.integer(2));
  round.unit_code = std::string(row.text(3));
  round.period = std::string(row.text(4));
  round.scope = row.text(5) == "chosen" ? SurveyScope::kChosen : SurveyScope::kEveryone;
  round.open = row.text(6) == "open";
  round.opened_at = std::string(row.text(7));
  round.opened_by = std::string(row.text(8));
  round.invited = static_cast<std::size_t>(row.integer(9));
  round.answering = static_cast<std::size_t>(row.integer(10));
  return round;
}

}  // namespace

core::Result<bool> SqlSurveyStore::save_instrument_version(const core::SurveyInstrument& instrument,
                                                           const std::string& definition, const Actor& actor) {
  return guarded("saving the survey instrument", [&]() -> core::Result<bool> {
    WriteTransaction transaction(*session_, *dialect_);
    const std::string subject = version_subject(instrument.code, instrument.version);
    dialect_->lock(*session_, "survey-instrument:" + subject);
    long long existing = 0;
    long long answers = 0;
    *session_ << "SELECT COUNT(*) FROM survey_instrument_versions WHERE instrument = :i AND version = :v",
        soci::use(instrument.code), soci::use(instrument.version), soci::into(existing);
    *session_ << "SELECT COUNT(*) FROM survey_answers a JOIN survey_rounds r ON r.name = a.round_name "
                 "WHERE r.instrument = :i AND r.version = :v",
        soci::use(instrument.code), soci::use(instrument.version), soci::into(answers);
    if (answers > 0) {
      return core::fail(core::ErrorKind::kConflict,
                        fmt::format("the survey instrument {} is locked: rounds have answers to it; import the "
                                    "changed instrument as a new instrument_version",
                                    subject));
    }
    const std::string now = utc_timestamp_now();
    if (existing > 0) {
      *session_ << "DELETE FROM survey_items WHERE instrument = :i AND version = :v", soci::use(instrument.code),
          soci::use(instrument.version);
      *session_ << "UPDATE survey_instrument_versions SET title = :t, definition = :d, imported_at = :at, "
                   "imported_by = :by WHERE instrument = :i AND version = :v",
          soci::use(instrument.title.sv), soci::use(definition), soci::use(now), soci::use(actor.name),
          soci::use(instrument.code), soci::use(instrument.version);
    } else {
      *session_ << "INSERT INTO survey_instrument_versions (instrument, version, title, definition, imported_at, "
                   "imported_by) VALUES (:i, :v, :t, :d, :at, :by)",
          soci::use(instrument.code), soci::use(instrument.version), soci::use(instrument.title.sv),
          soci::use(definition), soci::use(now), soci::use(actor.name);
    }
    for (const core::SurveyItem* item : core::survey_items(instrument)) {
      const int not_applicable = item->not_applicable_allowed ? 1 : 0;
      *session_ << "INSERT INTO survey_items (instrument, version, item, scale_min, scale_max, not_applicable_allowed) "
                   "VALUES (:i, :v, :item, :lo, :hi, :na)",
          soci::use(instrument.code), soci::use(instrument.version), soci::use(item->code), soci::use(item->scale_min),
          soci::use(item->scale_max), soci::use(not_applicable);
    }
    const std::size_t item_count = core::survey_items(instrument).size();
    append_audit_in_transaction({now, actor.name, existing > 0 ? "survey.instrument.replace" : "survey.instrument.import",
                                 subject, fmt::format("{} items{}", item_count, actor.where(subject))});
    transaction.commit();
    return existing > 0;
  });
}

core::Result<std::vector<SurveyInstrumentVersion>> SqlSurveyStore::list_instrument_versions() {
  return guarded("reading the survey instruments", [&]() -> core::Result<std::vector<SurveyInstrumentVersion>> {
    std::vector<SurveyInstrumentVersion> versions;
    for (auto row = scan("SELECT v.instrument, v.version, v.title, v.definition, v.imported_at, v.imported_by, "
                         "(SELECT COUNT(*) FROM survey_answers a JOIN survey_rounds r ON r.name = a.round_name "
                         "WHERE r.instrument = v.instrument AND r.version = v.version) "
                         "FROM survey_instrument_versions v ORDER BY v.instrument, v.version");
         row->next();) {
      versions.push_back({std::string(row->text(0)), static_cast<int>(row->integer(1)), std::string(row->text(2)),
                          std::string(row->text(3)), std::string(row->text(4)), std::string(row->text(5)),
                          row->integer(6) > 0});
    }
    return versions;
  });
}

core::Result<std::optional<SurveyInstrumentVersion>> SqlSurveyStore::load_instrument_version(
    const std::string& instrument, int version) {
  ASSIGN_OR_RETURN(auto versions, list_instrument_versions());
  std::optional<SurveyInstrumentVersion> found;
  for (SurveyInstrumentVersion& candidate : versions) {
    if (candidate.instrument != instrument) continue;
    if (version == 0 ? (!found || candidate.version > found->version) : candidate.version == version) {
      found = std::move(candidate);
    }
  }
  return found;
}

core::Result<SurveyRound> SqlSurveyStore::open_round(const SurveyRoundSpec& spec, const Actor& actor) {
  ASSIGN_OR_RETURN(auto version, load_instrument_version(spec.instrument, spec.version));
  if (!version) {
    return core::fail(core::ErrorKind::kNotFound,
                      spec.version == 0 ? fmt::format("no survey instrument '{}'", spec.instrument)
                                        : fmt::format("no survey instrument {}", version_subject(spec.instrument, spec.version)));
  }
  return guarded("opening the survey round", [&]() -> core::Result<SurveyRound> {
    std::vector<core::Problem> problems;
    if (spec.name.empty()) problems.push_back({"name", "a round name is needed"});
    if (spec.period.empty()) problems.push_back({"--period", "a period is needed (\"2026\", \"2026-10\", …)"});
    WriteTransaction transaction(*session_, *dialect_);
    long long count = 0;
    *session_ << "SELECT COUNT(*) FROM survey_rounds WHERE name = :n", soci::use(spec.name), soci::into(count);
    if (count > 0) return core::fail(core::ErrorKind::kConflict, fmt::format("a survey round '{}' exists already", spec.name));
    *session_ << "SELECT COUNT(*) FROM units WHERE code = :u", soci::use(spec.unit_code), soci::into(count);
    if (count == 0) problems.push_back({"--unit", fmt::format("no unit '{}'", spec.unit_code)});
    std::vector<std::string> respondents;
    if (spec.scope == SurveyScope::kChosen) {
      for (const std::string& id : spec.chosen) {
        if (!person_exists(id) || is_erased(id)) {
          problems.push_back({"--person", fmt::format("no person '{}'", id)});
        } else if (std::find(respondents.begin(), respondents.end(), id) == respondents.end()) {
          respondents.push_back(id);
        }
      }
    } else if (count > 0) {
      const std::vector<std::string> erased = erased_people();
      for (auto row = scan("WITH RECURSIVE scope(code) AS (SELECT code FROM units WHERE code = $1 "
                           "UNION SELECT u.code FROM units u JOIN scope s ON u.parent_code = s.code) "
                           "SELECT employee_id FROM people WHERE unit_code IN (SELECT code FROM scope) ORDER BY employee_id",
                           {spec.unit_code});
           row->next();) {
        std::string id(row->text(0));
        if (std::find(erased.begin(), erased.end(), id) == erased.end()) respondents.push_back(std::move(id));
      }
    }
    if (problems.empty() && respondents.empty()) {
      problems.push_back({spec.scope == SurveyScope::kChosen ? "--person" : "--unit", "nobody to ask"});
    }
    if (!problems.empty()) return core::invalid("the survey round cannot be opened", std::move(problems));

    const std::string now = utc_timestamp_now();
    const std::string scope(to_code(spec.scope));
    *session_ << "INSERT INTO survey_rounds (name, instrument, version, unit_code, period, scope, state, opened_at, "
                 "opened_by) VALUES (:n, :i, :v, :u, :p, :s, 'open', :at, :by)",
        soci::use(spec.name), soci::use(version->instrument), soci::use(version->version), soci::use(spec.unit_code),
        soci::use(spec.period), soci::use(scope), soci::use(now), soci::use(actor.name);
    for (const std::string& id : respondents) {
      const std::string token = random_token();
      *session_ << "INSERT INTO survey_respondents (round_name, employee_id, token) VALUES (:n, :e, :t)",
          soci::use(spec.name), soci::use(id), soci::use(token);
    }
    append_audit_in_transaction({now, actor.name, "survey.round.open", spec.name,
                                 fmt::format("{}, unit {}, period {}, {} respondents ({})",
                                             version_subject(version->instrument, version->version), spec.unit_code,
                                             spec.period, respondents.size(), scope)});
    transaction.commit();
    SurveyRound round{.name = spec.name, .instrument = version->instrument, .version = version->version,
                      .unit_code = spec.unit_code, .period = spec.period, .scope = spec.scope, .open = true,
                      .opened_at = now, .opened_by = actor.name, .invited = respondents.size(), .answering = 0};
    return round;
  });
}

core::Result<std::vector<SurveyRound>> SqlSurveyStore::rounds_where(std::string_view condition,
                                                                    std::initializer_list<ScanParameter> parameters) {
  return guarded("reading the survey rounds", [&]() -> core::Result<std::vector<SurveyRound>> {
    std::vector<SurveyRound> rounds;
    const std::string sql = fmt::format("SELECT {} FROM survey_rounds r {} ORDER BY r.instrument, r.unit_code, r.period, "
                                        "r.opened_at, r.name",
                                        kRoundColumns, condition);
    for (auto row = scan(sql, parameters); row->next();) rounds.push_back(read_round(*row));
    return rounds;
  });
}

core::Result<std::optional<SurveyRound>> SqlSurveyStore::load_round(const std::string& name) {
  ASSIGN_OR_RETURN(auto rounds, rounds_where("WHERE r.name = $1", {name}));
  if (rounds.empty()) return std::optional<SurveyRound>();
  return std::optional<SurveyRound>(std::move(rounds.front()));
}

core::Result<std::vector<SurveyRound>> SqlSurveyStore::list_rounds() { return rounds_where("", {}); }

core::Result<std::optional<SurveyRound>> SqlSurveyStore::previous_round(const SurveyRound& round) {
  ASSIGN_OR_RETURN(auto rounds, rounds_where("WHERE r.instrument = $1 AND r.unit_code = $2 AND r.period < $3",
                                             {round.instrument, round.unit_code, round.period}));
  if (rounds.empty()) return std::optional<SurveyRound>();
  return std::optional<SurveyRound>(std::move(rounds.back()));  // ordered by period, then opening time
}

core::Result<void> SqlSurveyStore::close_round(const std::string& name, const Actor& actor) {
  return guarded("closing the survey round", [&]() -> core::Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    std::string state;
    soci::indicator found = soci::i_null;
    *session_ << "SELECT state FROM survey_rounds WHERE name = :n", soci::use(name), soci::into(state, found);
    if (!session_->got_data()) return core::fail(core::ErrorKind::kNotFound, fmt::format("no survey round '{}'", name));
    if (state != "open") return core::fail(core::ErrorKind::kConflict, fmt::format("the survey round '{}' is closed already", name));
    *session_ << "UPDATE survey_rounds SET state = 'closed' WHERE name = :n", soci::use(name);
    append_audit_in_transaction({utc_timestamp_now(), actor.name, "survey.round.close", name, ""});
    transaction.commit();
    return {};
  });
}

core::Result<void> SqlSurveyStore::save_answer(const std::string& round, const std::string& employee_id,
                                               const std::string& item, std::optional<int> value, const Actor& actor) {
  return guarded("saving the survey answer", [&]() -> core::Result<void> {
    WriteTransaction transaction(*session_, *dialect_);
    std::string state;
    std::string instrument;
    int version = 0;
    *session_ << "SELECT state, instrument, version FROM survey_rounds WHERE name = :n", soci::use(round),
        soci::into(state), soci::into(instrument), soci::into(version);
    if (!session_->got_data()) return core::fail(core::ErrorKind::kNotFound, fmt::format("no survey round '{}'", round));
    if (state != "open") return core::fail(core::ErrorKind::kConflict, fmt::format("the survey round '{}' is closed", round));
    std::string token;
    *session_ << "SELECT token FROM survey_respondents WHERE round_name = :n AND employee_id = :e", soci::use(round),
        soci::use(employee_id), soci::into(token);
    if (!session_->got_data()) {
      return core::fail(core::ErrorKind::kForbidden, fmt::format("'{}' is not asked in the survey round '{}'", employee_id, round));
    }
    int scale_min = 0;
    int scale_max = 0;
    int not_applicable = 0;
    *session_ << "SELECT scale_min, scale_max, not_applicable_allowed FROM survey_items WHERE instrument = :i AND "
                 "version = :v AND item = :item",
        soci::use(instrument), soci::use(version), soci::use(item), soci::into(scale_min), soci::into(scale_max),
        soci::into(not_applicable);
    if (!session_->got_data()) {
      return core::invalid("the answer is not valid", {{"item", fmt::format("no item '{}' in {}", item, version_subject(instrument, version))}});
    }
    core::SurveyItem shape;
    shape.code = item;
    shape.scale_min = scale_min;
    shape.scale_max = scale_max;
    shape.not_applicable_allowed = not_applicable != 0;
    if (auto problem = core::survey_answer_problem(shape, value)) {
      return core::invalid("the answer is not valid", {{"value", *problem}});
    }
    int stored = value.value_or(0);
    soci::indicator indicator = value ? soci::i_ok : soci::i_null;
    *session_ << "INSERT INTO survey_answers (round_name, token, item, value) VALUES (:n, :t, :item, :value) "
                 "ON CONFLICT (round_name, token, item) DO UPDATE SET value = excluded.value",
        soci::use(round), soci::use(token), soci::use(item), soci::use(stored, indicator);
    append_audit_in_transaction({utc_timestamp_now(), actor.name, "survey.answer", round, "item " + item});
    transaction.commit();
    return {};
  });
}

core::Result<std::vector<core::SurveyAnswer>> SqlSurveyStore::load_answers(const std::string& round) {
  return guarded("reading the survey answers", [&]() -> core::Result<std::vector<core::SurveyAnswer>> {
    std::vector<core::SurveyAnswer> answers;
    for (auto row = scan("SELECT token, item, value FROM survey_answers WHERE round_name = $1 ORDER BY token, item", {round});
         row->next();) {
      answers.push_back({std::string(row->text(0)), std::string(row->text(1)),
                         row->is_null(2) ? std::nullopt : std::optional<int>(static_cast<int>(row->integer(2)))});
    }
    return answers;
  });
}

core::Result<std::map<std::string, std::optional<int>>> SqlSurveyStore::load_own_answers(const std::string& round,
                                                                                         const std::string& employee_id) {
  return guarded("reading the survey answers", [&]() -> core::Result<std::map<std::string, std::optional<int>>> {
    std::map<std::string, std::optional<int>> answers;
    for (auto row = scan("SELECT a.item, a.value FROM survey_answers a JOIN survey_respondents p ON p.round_name = "
                         "a.round_name AND p.token = a.token WHERE a.round_name = $1 AND p.employee_id = $2",
                         {round, employee_id});
         row->next();) {
      answers.emplace(std::string(row->text(0)),
                      row->is_null(1) ? std::nullopt : std::optional<int>(static_cast<int>(row->integer(1))));
    }
    return answers;
  });
}

}  // namespace trappa::store
