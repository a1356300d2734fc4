-- reminder e-mails sent to people who had not started a round (issue 13), for the per-round limit
CREATE TABLE reminders (
  round_name TEXT NOT NULL,
  employee_id TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  sent_unix BIGINT NOT NULL,
  sent_by TEXT NOT NULL);
CREATE INDEX reminders_by_round ON reminders (round_name, employee_id);
