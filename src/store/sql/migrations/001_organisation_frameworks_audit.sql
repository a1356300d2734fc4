-- organisation, frameworks with revisions, audit trail

CREATE TABLE units (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_code TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL);

CREATE TABLE people (
  employee_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL CHECK (gender IN ('K', 'M', 'X')),
  birth_year INTEGER NOT NULL,
  unit_code TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
  role TEXT NOT NULL,
  manager_id TEXT REFERENCES people(employee_id) DEFERRABLE INITIALLY DEFERRED,
  city_start_date TEXT);

CREATE INDEX people_unit ON people(unit_code);

CREATE INDEX people_manager ON people(manager_id);

CREATE TABLE frameworks (
  id TEXT PRIMARY KEY,
  latest_revision INTEGER NOT NULL);

CREATE TABLE framework_revisions (
  framework_id TEXT NOT NULL REFERENCES frameworks(id),
  revision INTEGER NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  description TEXT NOT NULL,
  scale_min INTEGER NOT NULL,
  scale_max INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (framework_id, revision));

CREATE TABLE framework_levels (
  framework_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  level INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (framework_id, revision, level),
  FOREIGN KEY (framework_id, revision) REFERENCES framework_revisions(framework_id, revision));

CREATE TABLE framework_roles (
  framework_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (framework_id, revision, role),
  FOREIGN KEY (framework_id, revision) REFERENCES framework_revisions(framework_id, revision));

CREATE TABLE framework_areas (
  framework_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  motivation_question TEXT NOT NULL,
  PRIMARY KEY (framework_id, revision, code),
  FOREIGN KEY (framework_id, revision) REFERENCES framework_revisions(framework_id, revision));

CREATE TABLE framework_area_roles (
  framework_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  area_code TEXT NOT NULL,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (framework_id, revision, area_code, role),
  FOREIGN KEY (framework_id, revision, area_code)
    REFERENCES framework_areas(framework_id, revision, code));

CREATE TABLE framework_competencies (
  framework_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  area_code TEXT NOT NULL,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (framework_id, revision, code),
  FOREIGN KEY (framework_id, revision, area_code)
    REFERENCES framework_areas(framework_id, revision, code));

CREATE TABLE framework_descriptors (
  framework_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  competency_code TEXT NOT NULL,
  level INTEGER NOT NULL,
  descriptor TEXT NOT NULL,
  PRIMARY KEY (framework_id, revision, competency_code, level),
  FOREIGN KEY (framework_id, revision, competency_code)
    REFERENCES framework_competencies(framework_id, revision, code));

CREATE TABLE framework_profiles (
  framework_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  role TEXT NOT NULL,
  competency_code TEXT NOT NULL,
  expected_level INTEGER NOT NULL,
  PRIMARY KEY (framework_id, revision, role, competency_code),
  FOREIGN KEY (framework_id, revision, role) REFERENCES framework_roles(framework_id, revision, role),
  FOREIGN KEY (framework_id, revision, competency_code)
    REFERENCES framework_competencies(framework_id, revision, code));

CREATE TABLE audit_log (
  id ${IDENTITY_PRIMARY_KEY},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL);

CREATE INDEX audit_log_subject ON audit_log(subject);

