-- development plans per person and round: goals, chosen activities, agreement and follow-ups (docs/learning.md)
CREATE TABLE development_plans (
  employee_id TEXT NOT NULL REFERENCES people(employee_id),
  round_name TEXT NOT NULL REFERENCES rounds(name),
  note TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('draft', 'agreed')),
  proposed_by TEXT NOT NULL,
  agreed_by TEXT NOT NULL DEFAULT '',
  agreed_at TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (employee_id, round_name));
CREATE INDEX development_plans_by_round ON development_plans (round_name);

CREATE TABLE plan_goals (
  employee_id TEXT NOT NULL,
  round_name TEXT NOT NULL,
  position INTEGER NOT NULL,
  competency TEXT NOT NULL,
  target_level INTEGER NOT NULL,
  target_date TEXT NOT NULL,
  PRIMARY KEY (employee_id, round_name, position),
  FOREIGN KEY (employee_id, round_name) REFERENCES development_plans(employee_id, round_name));

CREATE TABLE plan_activities (
  employee_id TEXT NOT NULL,
  round_name TEXT NOT NULL,
  position INTEGER NOT NULL,
  activity TEXT NOT NULL REFERENCES learning_activities(code),
  PRIMARY KEY (employee_id, round_name, position),
  FOREIGN KEY (employee_id, round_name) REFERENCES development_plans(employee_id, round_name));

CREATE TABLE plan_follow_ups (
  employee_id TEXT NOT NULL,
  round_name TEXT NOT NULL,
  position INTEGER NOT NULL,
  date TEXT NOT NULL,
  progress TEXT NOT NULL CHECK (progress IN ('not_started', 'in_progress', 'done')),
  comment TEXT NOT NULL DEFAULT '',
  followed_by TEXT NOT NULL,
  PRIMARY KEY (employee_id, round_name, position),
  FOREIGN KEY (employee_id, round_name) REFERENCES development_plans(employee_id, round_name));
