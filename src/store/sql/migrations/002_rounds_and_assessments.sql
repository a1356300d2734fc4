-- assessment rounds and assessments

CREATE TABLE rounds (
  id ${IDENTITY_PRIMARY_KEY},
  name TEXT NOT NULL UNIQUE,
  framework_id TEXT NOT NULL,
  framework_revision INTEGER NOT NULL,
  scope_unit TEXT REFERENCES units(code),
  opens TEXT NOT NULL DEFAULT '',
  closes TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('draft', 'open', 'closed')),
  created_at TEXT NOT NULL,
  FOREIGN KEY (framework_id, framework_revision)
    REFERENCES framework_revisions(framework_id, revision));

CREATE TABLE assessments (
  round_id BIGINT NOT NULL REFERENCES rounds(id),
  employee_id TEXT NOT NULL REFERENCES people(employee_id),
  status TEXT NOT NULL
    CHECK (status IN ('not_started', 'self_assessed', 'conversation_held', 'followed_up')),
  self_assessed_at TEXT NOT NULL DEFAULT '',
  conversation_at TEXT NOT NULL DEFAULT '',
  followed_up_at TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (round_id, employee_id))${WITHOUT_ROWID};

CREATE TABLE ratings (
  round_id BIGINT NOT NULL,
  employee_id TEXT NOT NULL,
  competency TEXT NOT NULL,
  self_level INTEGER,
  agreed_level INTEGER,
  agreed_by TEXT NOT NULL DEFAULT '',
  agreed_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (round_id, employee_id, competency),
  FOREIGN KEY (round_id, employee_id) REFERENCES assessments(round_id, employee_id))${WITHOUT_ROWID};

CREATE TABLE motivations (
  round_id BIGINT NOT NULL,
  employee_id TEXT NOT NULL,
  area TEXT NOT NULL,
  motivation INTEGER NOT NULL CHECK (motivation BETWEEN 1 AND 5),
  PRIMARY KEY (round_id, employee_id, area),
  FOREIGN KEY (round_id, employee_id) REFERENCES assessments(round_id, employee_id))${WITHOUT_ROWID};

CREATE TABLE priorities (
  round_id BIGINT NOT NULL,
  employee_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  competency TEXT NOT NULL,
  PRIMARY KEY (round_id, employee_id, position),
  FOREIGN KEY (round_id, employee_id) REFERENCES assessments(round_id, employee_id))${WITHOUT_ROWID};

