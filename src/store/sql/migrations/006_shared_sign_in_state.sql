-- sign-in state every serving node shares: failed sign-ins per account and address, and secrets
CREATE TABLE sign_in_throttle (
  scope TEXT NOT NULL,
  throttle_key TEXT NOT NULL,
  failures INTEGER NOT NULL,
  blocks INTEGER NOT NULL,
  last_activity_ms BIGINT NOT NULL,
  blocked_until_ms BIGINT NOT NULL,
  PRIMARY KEY (scope, throttle_key));
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  secret TEXT NOT NULL);
