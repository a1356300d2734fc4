-- xAPI statements from the learning platform and the API clients that send them (docs/learning.md, "xAPI")
-- an activity's xAPI object id (an absolute IRI), unique when given; NULL when the activity has none
ALTER TABLE learning_activities ADD COLUMN xapi_id TEXT;
CREATE UNIQUE INDEX learning_activities_by_xapi_id ON learning_activities (xapi_id);
-- API clients (`trappa client`): the secret is kept only as its BLAKE2b digest; a revoked client keeps its row
CREATE TABLE api_clients (
  name TEXT PRIMARY KEY,
  secret_digest TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at TEXT);
-- every statement accepted, by its id: as received (for the idempotence check) and as served,
-- with the participation row it credited and that row as it was before (to undo on voiding)
CREATE TABLE xapi_statements (
  id TEXT PRIMARY KEY,
  client TEXT NOT NULL,
  received TEXT NOT NULL,
  statement TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  verb TEXT NOT NULL,
  employee_id TEXT,
  activity TEXT,
  voids TEXT,
  voided_by TEXT,
  previous_row TEXT);
