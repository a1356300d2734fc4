#include "core/learning/xapi.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <set>
#include <utility>

#include "core/base/case_fold.hpp"

namespace trappa::core {

namespace {

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_hex(char c) { return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

constexpr std::array<std::pair<XapiVerb, std::string_view>, 4> kVerbs{{
    {XapiVerb::kCompleted, "completed"},
    {XapiVerb::kPassed, "passed"},
    {XapiVerb::kAttended, "attended"},
    {XapiVerb::kVoided, "voided"},
}};

}  // namespace

bool is_absolute_iri(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
  if (!ascii_alpha(text[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = text[i];
    if (!(ascii_alpha(c) || ascii_digit(c) || c == '+' || c == '-' || c == '.')) return false;
  }
  for (std::size_t i = colon + 1; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c <= 0x20 || c == 0x7f) return false;
    if (std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string_view::npos) return false;
  }
  return true;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !ascii_hex(text[i])) return false;
  }
  return true;
}

std::optional<double> parse_xapi_duration_hours(std::string_view text) {
  if (text.size() < 2 || text[0] != 'P') return std::nullopt;
  std::size_t position = 1;
  bool in_time = false;
  bool any = false;
  bool fraction_seen = false;  // a fraction is allowed on the last component only
  double hours = 0;
  // Units in order: W D (date part), H M S (time part); each at most once, in that order.
  constexpr std::string_view kDateUnits = "WD";
  constexpr std::string_view kTimeUnits = "HMS";
  std::size_t next_date_unit = 0;
  std::size_t next_time_unit = 0;
  while (position < text.size()) {
    if (text[position] == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      ++position;
      if (position == text.size()) return std::nullopt;  // "PT" or "P1DT" without a time
      continue;
    }
    if (fraction_seen) return std::nullopt;
    const std::size_t start = position;
    while (position < text.size() && ascii_digit(text[position])) ++position;
    if (position == start) return std::nullopt;
    double value = 0;
    for (std::size_t i = start; i < position; ++i) value = value * 10 + (text[i] - '0');
    if (position < text.size() && (text[position] == '.' || text[position] == ',')) {
      ++position;
      const std::size_t digits = position;
      double scale = 0.1;
      while (position < text.size() && ascii_digit(text[position])) {
        value += (text[position] - '0') * scale;
        scale /= 10;
        ++position;
      }
      if (position == digits) return std::nullopt;
      fraction_seen = true;
    }
    if (position == text.size()) return std::nullopt;  // a number without its unit
    const char unit = text[position++];
    const std::string_view units = in_time ? kTimeUnits : kDateUnits;
    std::size_t& next = in_time ? next_time_unit : next_date_unit;
    const std::size_t found = units.find(unit, next);
    if (found == std::string_view::npos) return std::nullopt;  // Y, M in the date part, repeats, order
    next = found + 1;
    switch (unit) {
      case 'W': hours += value * 7 * 24; break;
      case 'D': hours += value * 24; break;
      case 'H': hours += value; break;
      case 'M': hours += value / 60; break;
      case 'S': hours += value / 3600; break;
      default: return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return hours;
}

std::optional<XapiVerb> parse_xapi_verb(std::string_view iri) {
  if (!iri.starts_with(kXapiVerbPrefix)) return std::nullopt;
  const std::string_view name = iri.substr(kXapiVerbPrefix.size());
  for (const auto& [verb, code] : kVerbs) {
    if (code == name) return verb;
  }
  return std::nullopt;
}

std::string_view to_code(XapiVerb verb) {
  for (const auto& [value, code] : kVerbs) {
    if (value == verb) return code;
  }
  return {};
}

std::string xapi_source(std::string_view statement_id) { return "xapi:" + std::string(statement_id); }

Result<XapiOutcome> plan_xapi_statements(const std::vector<XapiStatement>& statements,
                                         const std::vector<Person>& people,
                                         const std::vector<LearningActivity>& activities,
                                         const std::vector<Participation>& rows,
                                         const std::map<std::string, StoredXapiStatement>& stored,
                                         const std::string& client, Date today) {
  std::map<std::string, const Person*> by_id;
  std::map<std::string, const Person*> by_email;  // folded e-mail
  for (const Person& person : people) {
    by_id.emplace(person.employee_id, &person);
    if (!person.email.empty()) by_email.emplace(fold_case(person.email), &person);
  }
  std::map<std::string, const LearningActivity*> by_iri;
  for (const LearningActivity& activity : activities) {
    if (!activity.xapi_id.empty()) by_iri.emplace(activity.xapi_id, &activity);
  }
  // The rows as the batch leaves them; nullopt: removed.
  std::map<std::pair<std::string, std::string>, std::optional<Participation>> current;
  for (const Participation& row : rows) current.emplace(std::pair{row.employee_id, row.activity}, row);
  std::map<std::pair<std::string, std::string>, std::string> touched;  // key → the last change's cause

  XapiOutcome outcome;
  std::vector<Problem> problems;
  std::set<std::string> seen;
  // The batch's own statements by id (index into outcome.batch.statements), for voiding
  // within the batch.
  std::map<std::string, std::size_t> in_batch;
  std::set<std::string> voided_now;
  // Voiding statements stored before the statement they void: target id → voiding id.
  std::map<std::string, std::string> voided_early;
  for (const auto& [id, kept] : stored) {
    if (!kept.voids.empty()) voided_early.emplace(kept.voids, id);
  }

  for (std::size_t i = 0; i < statements.size(); ++i) {
    const XapiStatement& statement = statements[i];
    const std::string where = "statements[" + std::to_string(i) + "]";
    const auto problem = [&](const std::string& field, std::string what) {
      problems.push_back({where + (field.empty() ? "" : "." + field), std::move(what)});
    };
    if (!seen.insert(statement.id).second) {
      problem("id", "the id '" + statement.id + "' is used twice in the batch");
      continue;
    }
    outcome.ids.push_back(statement.id);
    if (const auto found = stored.find(statement.id); found != stored.end()) {
      if (found->second.received == statement.received) continue;  // a replay
      return fail(ErrorKind::kConflict, "a different statement with id '" + statement.id +
                                            "' is stored already; statements cannot be changed");
    }
    const auto verb = parse_xapi_verb(statement.verb_id);
    if (!verb) {
      problem("verb.id", "the verb '" + statement.verb_id +
                             "' is not accepted: send completed, passed, attended or voided (" +
                             std::string(kXapiVerbPrefix) + "…)");
      continue;
    }
    StoredXapiStatement record{statement.id, client, statement.received, statement.served,
                               std::string(to_code(*verb)), {}, {}, {}, {}, std::nullopt};

    if (*verb == XapiVerb::kVoided) {
      if (statement.object_type != "StatementRef") {
        problem("object.objectType", "a voided statement's object must be a StatementRef");
        continue;
      }
      const std::string target_id = fold_case(statement.object_id);
      const StoredXapiStatement* target = nullptr;
      if (const auto batch = in_batch.find(target_id); batch != in_batch.end()) {
        target = &outcome.batch.statements[batch->second];
      } else if (const auto kept = stored.find(target_id); kept != stored.end()) {
        target = &kept->second;
      }
      if (target == nullptr) {
        // xAPI: the LRS should not refuse a voiding statement whose target it has not seen. It
        // is kept; the target, should it come later, is stored voided and credits nothing.
        if (voided_early.contains(target_id)) {
          problem("object.id", "statement '" + target_id + "' is voided already");
          continue;
        }
        voided_early.emplace(target_id, statement.id);
        record.voids = target_id;
        in_batch.emplace(record.id, outcome.batch.statements.size());
        outcome.batch.statements.push_back(std::move(record));
        continue;
      }
      if (target->verb == to_code(XapiVerb::kVoided)) {
        problem("object.id", "statement '" + target_id + "' is a voiding statement, which cannot be voided");
        continue;
      }
      if (!target->voided_by.empty() || voided_now.contains(target_id)) {
        problem("object.id", "statement '" + target_id + "' is voided already");
        continue;
      }
      voided_now.insert(target_id);
      record.voids = target_id;
      outcome.batch.voided.emplace_back(target_id, statement.id);
      // Undo the credit if the row is still the voided statement's.
      const std::pair key{target->employee_id, target->activity};
      const auto row = current.find(key);
      if (row != current.end() && row->second && row->second->source == xapi_source(target_id)) {
        row->second = target->previous_row;
        touched[key] = xapi_source(statement.id) + " voids " + xapi_source(target_id);
      }
      in_batch.emplace(record.id, outcome.batch.statements.size());
      outcome.batch.statements.push_back(std::move(record));
      continue;
    }

    // completed, passed, attended
    const Person* person = nullptr;
    if (!statement.actor_account_name.empty()) {
      const auto found = by_id.find(statement.actor_account_name);
      if (found == by_id.end()) {
        problem("actor.account.name", "no person with employee id '" + statement.actor_account_name + "'");
        continue;
      }
      person = found->second;
    } else if (!statement.actor_mbox.empty()) {
      constexpr std::string_view kMailto = "mailto:";
      const std::string folded = fold_case(statement.actor_mbox);
      const auto found = folded.starts_with(kMailto) ? by_email.find(folded.substr(kMailto.size())) : by_email.end();
      if (found == by_email.end()) {
        problem("actor.mbox", "no person with the e-mail address of '" + statement.actor_mbox + "'");
        continue;
      }
      person = found->second;
    } else {
      problem("actor", "name the person by account.name (the employee id) or mbox (mailto: their e-mail)");
      continue;
    }
    if (statement.object_type != "Activity") {
      problem("object.objectType", "the object of a " + record.verb + " statement must be an Activity");
      continue;
    }
    const auto activity = by_iri.find(statement.object_id);
    if (activity == by_iri.end()) {
      problem("object.id", "no learning activity has the xapi_id '" + statement.object_id + "'");
      continue;
    }
    std::optional<double> hours;
    if (statement.duration) {
      hours = parse_xapi_duration_hours(*statement.duration);
      if (!hours) {
        problem("result.duration", "'" + *statement.duration + "' is not an ISO 8601 duration such as PT1H30M");
        continue;
      }
      if (*hours > 10'000) {
        problem("result.duration", "'" + *statement.duration + "' is more than 10 000 hours");
        continue;
      }
    }
    const std::pair key{person->employee_id, activity->second->code};
    const auto row = current.find(key);
    record.employee_id = key.first;
    record.activity = key.second;
    if (const auto early = voided_early.find(statement.id); early != voided_early.end()) {
      record.voided_by = early->second;  // voided before it came: stored, credits nothing
      in_batch.emplace(record.id, outcome.batch.statements.size());
      outcome.batch.statements.push_back(std::move(record));
      continue;
    }
    record.previous_row = row == current.end() ? std::nullopt : row->second;
    current[key] = Participation{key.first, key.second, statement.date.value_or(today),
                                 ParticipationStatus::kAttended, hours, xapi_source(statement.id)};
    touched[key] = xapi_source(statement.id);
    in_batch.emplace(record.id, outcome.batch.statements.size());
    outcome.batch.statements.push_back(std::move(record));
  }
  if (!problems.empty()) return invalid("the statements were not stored", std::move(problems));

  std::map<std::pair<std::string, std::string>, const Participation*> before;
  for (const Participation& row : rows) before.emplace(std::pair{row.employee_id, row.activity}, &row);
  for (const auto& [key, cause] : touched) {
    const auto old = before.find(key);
    std::optional<Participation> was = old == before.end() ? std::nullopt : std::optional<Participation>(*old->second);
    const std::optional<Participation>& after = current.at(key);
    if (was == after) continue;
    outcome.batch.rows.push_back({key.first, key.second, std::move(was), after, cause});
  }
  return outcome;
}

}  // namespace trappa::core
