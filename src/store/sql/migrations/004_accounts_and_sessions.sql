-- web accounts and sessions

CREATE TABLE accounts (
  employee_id TEXT PRIMARY KEY REFERENCES people(employee_id),
  role TEXT NOT NULL CHECK (role IN ('employee', 'hr', 'admin', 'observer')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  scope_unit TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);

CREATE TABLE sessions (
  token_digest TEXT PRIMARY KEY,
  employee_id TEXT NOT NULL REFERENCES accounts(employee_id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL);

CREATE INDEX sessions_employee ON sessions(employee_id);

CREATE INDEX sessions_expiry ON sessions(expires_at);

