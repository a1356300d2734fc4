// xAPI statements from the learning platform (docs/learning.md, "xAPI"): the rules that turn
// a batch of statements into participation rows, as pure functions. The JSON is read by
// io/json/xapi_json.hpp, the batch written by the store in one transaction
// (store/learning/learning_store.hpp), and the whole is run by app/learning/xapi_service.hpp.
//
// A statement whose verb is completed, passed or attended credits attendance: the actor
// (account.name = employee id, or mbox = "mailto:" + the person's e-mail) attended the
// activity whose xapi_id is the object's id, with the hours of result.duration when given,
// else the activity's hours; the row's source is "xapi:<statement id>". A voided statement
// whose object is a StatementRef withdraws the credit of the statement it names. Statement
// ids make delivery idempotent.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/learning/learning_activity.hpp"
#include "core/learning/participation.hpp"
#include "core/org/org.hpp"

namespace trappa::core {

// Whether `text` is an absolute IRI (RFC 3987): a scheme (a letter, then letters, digits, '+',
// '-', '.'), ':', and a non-empty rest without spaces, control characters or <>"{}|\^`.
[[nodiscard]] bool is_absolute_iri(std::string_view text);

// Whether `text` is a UUID in the 8-4-4-4-12 hexadecimal form (any letter case).
[[nodiscard]] bool is_uuid(std::string_view text);

// The hours of an ISO 8601 duration as xAPI uses it ("PT1H30M" = 1.5, "P1DT2H" = 26, "PT45M",
// "PT0.5H", "P1W" = 168): weeks and days (24 hours each), hours, minutes and seconds, the
// last component given may have a decimal fraction ('.' or ','). Years and months (of no fixed
// length) are refused, as are an empty duration ("P", "PT"), a negative sign and anything
// else; nullopt then.
[[nodiscard]] std::optional<double> parse_xapi_duration_hours(std::string_view text);

enum class XapiVerb { kCompleted, kPassed, kAttended, kVoided };
inline constexpr std::string_view kXapiVerbPrefix = "http://adlnet.gov/expapi/verbs/";
// The verb of an IRI http://adlnet.gov/expapi/verbs/{completed,passed,attended,voided}
// (exact); nullopt for any other verb.
[[nodiscard]] std::optional<XapiVerb> parse_xapi_verb(std::string_view iri);
[[nodiscard]] std::string_view to_code(XapiVerb verb);  // "completed", ...

// A statement as read from the JSON (io/json/xapi_json.hpp) — only what the rules need.
struct XapiStatement {
  std::string id;                  // lowercase UUID, generated when the statement had none
  std::string verb_id;             // the verb's IRI
  std::string actor_account_name;  // actor.account.name; empty when absent
  std::string actor_mbox;          // actor.mbox ("mailto:..."); empty when absent
  std::string object_type;         // "Activity" (also when absent) or "StatementRef"
  std::string object_id;           // the activity's IRI, or the referenced statement's id
  std::optional<std::string> duration;  // result.duration as sent
  std::optional<Date> date;        // the day of `timestamp`; none: the day it was stored
  std::string received;            // the statement as received with its id, canonical JSON
  std::string served;              // as GET returns it: with stored, authority, version
};

// A statement the store holds (store/learning/learning_store.hpp).
struct StoredXapiStatement {
  std::string id;
  std::string client;
  std::string received;            // canonical JSON, for the idempotence check
  std::string statement;           // as served
  std::string verb;                // to_code(XapiVerb)
  std::string employee_id;         // of the credited row; empty for a voiding statement
  std::string activity;
  std::string voids;               // a voiding statement: the id it voids
  std::string voided_by;           // the id of the statement that voided this one; empty: none
  std::optional<Participation> previous_row;  // the credited row as it was before
  bool operator==(const StoredXapiStatement&) const = default;
};

// A participation row a batch changes: as the plan found it and as it leaves it (nullopt:
// no row). The store refuses the batch when the row is no longer as found.
struct XapiRowChange {
  std::string employee_id;
  std::string activity;
  std::optional<Participation> before;
  std::optional<Participation> after;
  std::string cause;  // for the audit: "xapi:<id>", or "xapi:<voiding id> voids xapi:<voided id>"
  bool operator==(const XapiRowChange&) const = default;
};

// What a batch writes, all in one transaction.
struct XapiBatch {
  std::vector<StoredXapiStatement> statements;  // new ones, in the batch's order
  std::vector<std::pair<std::string, std::string>> voided;  // (voided id, voiding id)
  std::vector<XapiRowChange> rows;              // by employee id and activity
};

struct XapiOutcome {
  std::vector<std::string> ids;  // every statement's id, in the batch's order (the response)
  XapiBatch batch;               // empty when every statement was a replay
};

// The batch `statements` (in order) against the people, the catalogue, the participation rows
// and the stored statements with the ids the batch names (its own ids and those it voids).
// `today` dates a credit whose statement has no timestamp. The rules, each refusal a problem
// "statements[i].field: reason" and the whole batch refused (kInvalidInput) unless said:
// - an id used twice in the batch is refused;
// - a stored id with the same received content is a replay: its id is answered, nothing
//   changes; with other content kConflict (HTTP 409), naming the id;
// - completed, passed, attended: the actor must name a person (account.name, else mbox), the
//   object an activity by its xapi_id, the duration (when given) parse and be at most 10 000
//   hours. The person's row for the activity becomes attended on the statement's day with the
//   hours (none: the activity's) and source "xapi:<id>"; what it was before is kept on the
//   statement;
// - voided: the object must be a StatementRef to a statement that is neither voided nor
//   itself a voiding statement. The credited row goes back to what it was before the voided
//   statement — removed when it had no row — if the row still carries that statement's
//   source; a row a later statement or import replaced stays. A target neither stored nor
//   earlier in the batch is no refusal (xAPI: the LRS should not reject a voiding statement
//   because its object is not present): the voiding statement is kept, and the target, when
//   it comes, is stored already voided and credits nothing. `stored` must therefore also hold
//   the stored statements that void any of the batch's ids;
// - any other verb is refused.
[[nodiscard]] Result<XapiOutcome> plan_xapi_statements(const std::vector<XapiStatement>& statements,
                                                       const std::vector<Person>& people,
                                                       const std::vector<LearningActivity>& activities,
                                                       const std::vector<Participation>& rows,
                                                       const std::map<std::string, StoredXapiStatement>& stored,
                                                       const std::string& client,
                                                       Date today);

// The source a statement gives the row it credits: "xapi:<id>".
[[nodiscard]] std::string xapi_source(std::string_view statement_id);

}  // namespace trappa::core
