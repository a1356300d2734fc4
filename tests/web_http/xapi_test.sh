#!/usr/bin/env bash
# POST and GET /api/v1/xapi/statements over real HTTP (issue 16, docs/learning.md "xAPI"),
# against a real `trappa serve --demo` on 127.0.0.1 with curl, with statements shaped like
# Moodle's logstore_xapi: a course `completed` with result.completion and an actor with
# account.homePage + account.name, a classroom `attended` with result.duration, an actor by
# mbox.
#
# Checks: an API client made with `trappa client add` posts a batch (200, the ids); the rows
# are credited with the activity's hours or the duration and their source; a replay changes
# nothing; the same id with other content is 409; a voided statement withdraws its credit
# (the row removed, or back to the registration it replaced); GET by statementId and
# voidedStatementId; a missing or wrong version header is 400; a bad batch (unknown verb,
# actor, activity, bad duration, bad JSON) is 400 naming the statement and stores nothing;
# no or wrong credentials are 401 and a session cookie does not help; a revoked client gets
# 401 at once; /api/v1/learning/stats shows the credited hours.
#
# Usage: tests/web_http/xapi_test.sh PATH/TO/trappa
set -uo pipefail

test_name=xapi_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v jq >/dev/null || { echo "$test_name: needs jq" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "$test_name: needs sqlite3" >&2; exit 1; }

start_server first
hr="$(account_id demo_hr)"
hr_jar="$work/hr.jar"
check "HR signs in" equals "$(sign_in "$hr_jar" "$hr" "$(account_password demo_hr)")" 303

# The catalogue gets xapi_ids for two activities: a Moodle course and a classroom session.
course_iri="https://moodle.stad.se/course/view.php?id=12"
session_iri="https://moodle.stad.se/mod/attendance/view.php?id=7"
"$trappa" export activities -o "$work/all.csv"
{
  head -n 1 "$work/all.csv"
  grep '^AI-01,' "$work/all.csv" | sed "s|,\$|,$course_iri|"
  grep '^AI-03,' "$work/all.csv" | sed "s|,\$|,$session_iri|"
} > "$work/xapi_ids.csv"
check "the catalogue takes xapi_ids" "$trappa" import activities "$work/xapi_ids.csv" --framework digital-kompetens
check "... and exports them" contains <("$trappa" export activities) "$course_iri"
course_hours="$(sqlite3 "$TRAPPA_DB" "SELECT hours FROM learning_activities WHERE code = 'AI-01'")"

# Two people of the demo, one by employee id and one by e-mail; a third registered for AI-03.
read -r jose < <(sqlite3 "$TRAPPA_DB" "SELECT employee_id FROM people WHERE email <> '' ORDER BY employee_id LIMIT 1 OFFSET 10")
read -r eva_id eva_mail < <(sqlite3 -separator ' ' "$TRAPPA_DB" "SELECT employee_id, email FROM people WHERE email <> '' ORDER BY employee_id LIMIT 1 OFFSET 11")
read -r kim < <(sqlite3 "$TRAPPA_DB" "SELECT employee_id FROM people WHERE email <> '' ORDER BY employee_id LIMIT 1 OFFSET 12")
printf 'employee_id,activity,date,status,hours\n%s,AI-03,2026-10-20,registered,\n' "$kim" > "$work/registered.csv"
check "a registration for the classroom session" "$trappa" import participation "$work/registered.csv"

check "an API client is made" "$trappa" client add moodle-prod > "$work/client.out"
secret="$(sed -n 's/^Secret: //p' "$work/client.out")"
check "... with a secret shown once" test -n "$secret"
check "... kept only as a digest" equals "$(sqlite3 "$TRAPPA_DB" "SELECT COUNT(*) FROM api_clients WHERE secret_digest LIKE '%$secret%'")" 0
credentials="moodle-prod:$secret"

# xapi [CURL-OPTIONS...] PATH: a request as the client with the version header; the status to
# stdout, the body to $work/body.
xapi() {
  local path="${*: -1}"
  curl -s -u "$credentials" -H 'X-Experience-API-Version: 1.0.3' -o "$work/body" -w '%{http_code}' "${@:1:$#-1}" "$base$path"
}
post() { xapi -H 'Content-Type: application/json' --data-binary "@$1" /api/v1/xapi/statements; }
problem_at() { jq -e --arg w "$1" '[.error.problems[].where] | index($w) != null' "$work/body" > /dev/null || { echo "  $(cat "$work/body")" >&2; return 1; }; }
count() { sqlite3 "$TRAPPA_DB" "$1"; }
row() { sqlite3 "$TRAPPA_DB" "SELECT status || ' ' || IFNULL(hours, '-') || ' ' || source FROM learning_participation WHERE employee_id = '$1' AND activity = '$2'"; }
stats_hours() {
  get "$hr_jar" "/api/v1/learning/stats?from=2026-11-02&to=2026-11-02" > /dev/null
  jq -r .hours.total "$work/body"
}
# wait_hours H: the statistics show H hours on 2026-11-02 within 5 s (the change feed).
wait_hours() {
  local hours
  for _ in $(seq 1 50); do
    hours="$(stats_hours)"
    [[ "$hours" == "$1" ]] && return 0
    sleep 0.1
  done
  echo "  expected $1 hours, the statistics show $hours" >&2
  return 1
}

check "no hours on the day before" equals "$(stats_hours)" 0

completed_id=8a7c1f52-3b1e-4c2a-9d1e-0f6b2a4c5d01
attended_id=5b0e6f10-7d4c-4a8e-b1f2-3c4d5e6f7a82
kim_id=6c1f7021-8e5d-4b9f-82a3-4d5e6f7a8b93
cat > "$work/batch.json" <<JSON
[
  {"id": "$completed_id",
   "actor": {"objectType": "Agent", "name": "Jose Kaya",
             "account": {"homePage": "https://moodle.stad.se", "name": "$jose"}},
   "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en": "completed"}},
   "object": {"id": "$course_iri", "objectType": "Activity",
              "definition": {"type": "http://id.tincanapi.com/activitytype/lms/course",
                             "name": {"sv": "Generativ AI i vardagen"}}},
   "result": {"completion": true},
   "timestamp": "2026-11-02T10:15:00+01:00",
   "context": {"platform": "Moodle", "language": "sv",
               "extensions": {"http://lrs.learninglocker.net/define/extensions/info": {"https://moodle.org/": "4.1"}}}},
  {"id": "$attended_id",
   "actor": {"objectType": "Agent", "mbox": "mailto:$eva_mail"},
   "verb": {"id": "http://adlnet.gov/expapi/verbs/attended", "display": {"en": "attended"}},
   "object": {"id": "$session_iri", "objectType": "Activity"},
   "result": {"duration": "PT1H30M"},
   "timestamp": "2026-11-02T13:00:00Z"},
  {"id": "$kim_id",
   "actor": {"objectType": "Agent", "account": {"homePage": "https://moodle.stad.se", "name": "$kim"}},
   "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
   "object": {"id": "$session_iri"},
   "result": {"duration": "PT2H"},
   "timestamp": "2026-11-02T13:00:00Z"}
]
JSON

echo "# A batch like Moodle's"
check "the batch is accepted" equals "$(post "$work/batch.json")" 200
check "... answering the ids in order" equals "$(jq -c . "$work/body")" "[\"$completed_id\",\"$attended_id\",\"$kim_id\"]"
check "... with the version header" contains <(curl -s -D - -o /dev/null -u "$credentials" -H 'X-Experience-API-Version: 1.0.3' "$base/api/v1/xapi/statements?statementId=$completed_id") "X-Experience-API-Version: 1.0.3"
check "the completion credits the activity's hours" equals "$(row "$jose" AI-01)" "attended - xapi:$completed_id"
check "the attendance by e-mail credits its duration" equals "$(row "$eva_id" AI-03)" "attended 1.5 xapi:$attended_id"
check "the registration became attended" equals "$(row "$kim" AI-03)" "attended 2.0 xapi:$kim_id"
check "the writes are audited as the client" equals "$(count "SELECT COUNT(*) FROM audit_log WHERE actor = 'api:moodle-prod' AND action = 'participation.create'")" 2
expected_hours="$(jq -n "$course_hours + 1.5 + 2")"
check "the statistics show the credited hours ($expected_hours)" wait_hours "$expected_hours"

echo "# Replay and conflict"
statements_before="$(count "SELECT COUNT(*) FROM xapi_statements")"
audit_before="$(count "SELECT COUNT(*) FROM audit_log")"
check "a replay is accepted" equals "$(post "$work/batch.json")" 200
check "... changing nothing" equals "$(count "SELECT COUNT(*) FROM xapi_statements"):$(count "SELECT COUNT(*) FROM audit_log")" "$statements_before:$audit_before"
sed 's/PT1H30M/PT3H/' "$work/batch.json" > "$work/changed.json"
check "the same id with other content is 409" equals "$(post "$work/changed.json")" 409
check "... naming the id" contains "$work/body" "$attended_id"
check "... changing nothing" equals "$(row "$eva_id" AI-03)" "attended 1.5 xapi:$attended_id"

echo "# Reading statements back"
check "GET by statementId" equals "$(xapi "/api/v1/xapi/statements?statementId=$completed_id")" 200
check "... the statement as sent" equals "$(jq -r .actor.account.name "$work/body") $(jq -r .result.completion "$work/body")" "$jose true"
check "... with stored and authority" equals "$(jq -r '.authority.account.name' "$work/body")" moodle-prod
check "an unknown id is 404" equals "$(xapi "/api/v1/xapi/statements?statementId=00000000-0000-4000-8000-000000000000")" 404
check "no parameter is 400" equals "$(xapi /api/v1/xapi/statements)" 400

echo "# Voiding"
void_id=9d2a8132-9f6e-4cab-93b4-5e6f7a8b9ca4
void_kim_id=ae3b9243-a07f-4dbc-a4c5-6f7a8b9cadb5
cat > "$work/void.json" <<JSON
[{"id": "$void_id",
  "actor": {"objectType": "Agent", "account": {"homePage": "https://moodle.stad.se", "name": "admin"}},
  "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
  "object": {"objectType": "StatementRef", "id": "$completed_id"}},
 {"id": "$void_kim_id",
  "actor": {"objectType": "Agent", "mbox": "mailto:lms-admin@stad.se"},
  "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
  "object": {"objectType": "StatementRef", "id": "$kim_id"}}]
JSON
check "the voiding batch is accepted" equals "$(post "$work/void.json")" 200
check "the completion's row is gone" equals "$(row "$jose" AI-01)" ""
check "the attendance is back to the registration" equals "$(row "$kim" AI-03)" "registered - import"
check "the statistics lose the hours" wait_hours 1.5
check "a voided statement is 404 by statementId" equals "$(xapi "/api/v1/xapi/statements?statementId=$completed_id")" 404
check "... and found by voidedStatementId" equals "$(xapi "/api/v1/xapi/statements?voidedStatementId=$completed_id")" 200
check "a statement not voided is 404 by voidedStatementId" equals "$(xapi "/api/v1/xapi/statements?voidedStatementId=$attended_id")" 404
check "voiding again is 400" equals "$(post "$work/void.json" && sed -i "s/$void_id/0f4cad54-b180-4edc-b5d6-7a8b9cadbec6/; s/$void_kim_id/1a5dbe65-c291-4fed-86e7-8b9cadbecfd7/" "$work/void.json" && post "$work/void.json")" "200400"
check "... naming the statement" problem_at "statements[0].object.id"
late_id=2b6ecf76-d3a2-4f0e-97e8-9cadbecfd0e8
cat > "$work/void_first.json" <<JSON
{"id": "3c7fd087-e4b3-4a1f-a8f9-adbecfd0e1f9", "actor": {"mbox": "mailto:lms-admin@stad.se"},
 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"}, "object": {"objectType": "StatementRef", "id": "$late_id"}}
JSON
check "voiding a statement not stored yet is accepted (xAPI: SHOULD NOT reject)" equals "$(post "$work/void_first.json")" 200
sed "s/$completed_id/$late_id/" "$work/batch.json" | jq '.[0]' > "$work/late.json"
check "the statement it voids, coming later, is accepted" equals "$(post "$work/late.json")" 200
check "... stored voided" equals "$(xapi "/api/v1/xapi/statements?voidedStatementId=$late_id")" 200
check "... crediting nothing" equals "$(row "$jose" AI-01)" ""

echo "# Bad requests store nothing"
statements_before="$(count "SELECT COUNT(*) FROM xapi_statements")"
rows_before="$(count "SELECT COUNT(*) FROM learning_participation")"
check "no version header is 400" equals "$(curl -s -u "$credentials" -o "$work/body" -w '%{http_code}' --data-binary @"$work/batch.json" "$base/api/v1/xapi/statements")" 400
check "... naming it" problem_at X-Experience-API-Version
check "version 0.95 is 400" equals "$(curl -s -u "$credentials" -H 'X-Experience-API-Version: 0.95' -o "$work/body" -w '%{http_code}' --data-binary @"$work/batch.json" "$base/api/v1/xapi/statements")" 400
good='{"actor": {"account": {"homePage": "https://moodle.stad.se", "name": "'"$jose"'"}}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}, "object": {"id": "'"$course_iri"'"}}'
bad_batch() {  # bad_batch JSON WHERE: a batch of a good statement and JSON is 400 naming WHERE
  printf '[%s, %s]' "$good" "$1" > "$work/bad.json"
  equals "$(post "$work/bad.json")" 400 && problem_at "$2"
}
check "an unknown verb" bad_batch '{"actor": {"mbox": "mailto:'"$eva_mail"'"}, "verb": {"id": "http://id.tincanapi.com/verb/viewed"}, "object": {"id": "'"$course_iri"'"}}' "statements[1].verb.id"
check "an unknown actor" bad_batch '{"actor": {"account": {"homePage": "https://moodle.stad.se", "name": "E999999"}}, "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}, "object": {"id": "'"$course_iri"'"}}' "statements[1].actor.account.name"
check "an unknown e-mail" bad_batch '{"actor": {"mbox": "mailto:nobody@example.org"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}, "object": {"id": "'"$course_iri"'"}}' "statements[1].actor.mbox"
check "an unknown activity" bad_batch '{"actor": {"mbox": "mailto:'"$eva_mail"'"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}, "object": {"id": "https://moodle.stad.se/course/view.php?id=999"}}' "statements[1].object.id"
check "a bad duration" bad_batch '{"actor": {"mbox": "mailto:'"$eva_mail"'"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"}, "object": {"id": "'"$session_iri"'"}, "result": {"duration": "1.5 hours"}}' "statements[1].result.duration"
check "a bad id" bad_batch '{"id": "42", "actor": {"mbox": "mailto:'"$eva_mail"'"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}, "object": {"id": "'"$course_iri"'"}}' "statements[1].id"
printf '[%s, {"actor": ' "$good" > "$work/broken.json"
check "bad JSON is 400" equals "$(post "$work/broken.json")" 400
check "... naming the body" problem_at body
check "nothing of the bad requests was stored" equals "$(count "SELECT COUNT(*) FROM xapi_statements"):$(count "SELECT COUNT(*) FROM learning_participation")" "$statements_before:$rows_before"
check "the good statement of a bad batch did not credit" equals "$(row "$jose" AI-01)" ""

echo "# Authentication"
check "no credentials: 401" equals "$(curl -s -H 'X-Experience-API-Version: 1.0.3' -o "$work/body" -w '%{http_code}' --data-binary @"$work/batch.json" "$base/api/v1/xapi/statements")" 401
check "... asking for Basic" contains <(curl -s -D - -o /dev/null -H 'X-Experience-API-Version: 1.0.3' "$base/api/v1/xapi/statements?statementId=$attended_id") 'WWW-Authenticate: Basic'
check "a wrong secret: 401" equals "$(curl -s -u "moodle-prod:not-the-secret" -H 'X-Experience-API-Version: 1.0.3' -o "$work/body" -w '%{http_code}' "$base/api/v1/xapi/statements?statementId=$attended_id")" 401
check "an unknown client: 401" equals "$(curl -s -u "nobody:$secret" -H 'X-Experience-API-Version: 1.0.3' -o "$work/body" -w '%{http_code}' "$base/api/v1/xapi/statements?statementId=$attended_id")" 401
check "HR's session is no client: 401" equals "$(curl -s -b "$hr_jar" -H 'X-Experience-API-Version: 1.0.3' -o "$work/body" -w '%{http_code}' "$base/api/v1/xapi/statements?statementId=$attended_id")" 401
check "the client is revoked" "$trappa" client revoke moodle-prod
check "a revoked client: 401 at once" equals "$(xapi "/api/v1/xapi/statements?statementId=$attended_id")" 401
check "... and its posts too" equals "$(post "$work/batch.json")" 401
check "the revocation is audited" equals "$(count "SELECT COUNT(*) FROM audit_log WHERE action = 'client.revoke' AND subject = 'moodle-prod'")" 1

echo "$test_name: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
