-- registrations and attendance: one row per person and learning activity (docs/learning.md)
CREATE TABLE learning_participation (
  employee_id TEXT NOT NULL REFERENCES people(employee_id),
  activity TEXT NOT NULL REFERENCES learning_activities(code),
  date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('registered', 'attended', 'no_show', 'cancelled')),
  hours DOUBLE PRECISION,
  source TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (employee_id, activity));
CREATE INDEX learning_participation_by_activity ON learning_participation (activity);
