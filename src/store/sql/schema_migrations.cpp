#include "store/sql/schema_migrations.hpp"

namespace trappa::store {

const std::vector<Migration>& schema_migrations() {
  static const std::vector<Migration> migrations{
      {1,
       "organisation, frameworks with revisions, audit trail",
       {
           R"(CREATE TABLE units (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                parent_code TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
                kind TEXT NOT NULL))",
           R"(CREATE TABLE people (
                employee_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT NOT NULL DEFAULT '',
                gender TEXT NOT NULL CHECK (gender IN ('K', 'M', 'X')),
                birth_year INTEGER NOT NULL,
                unit_code TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
                role TEXT NOT NULL,
                manager_id TEXT REFERENCES people(employee_id) DEFERRABLE INITIALLY DEFERRED,
                city_start_date TEXT))",
           "CREATE INDEX people_unit ON people(unit_code)",
           "CREATE INDEX people_manager ON people(manager_id)",
           R"(CREATE TABLE frameworks (
                id TEXT PRIMARY KEY,
                latest_revision INTEGER NOT NULL))",
           R"(CREATE TABLE framework_revisions (
                framework_id TEXT NOT NULL REFERENCES frameworks(id),
                revision INTEGER NOT NULL,
                name TEXT NOT NULL,
                version TEXT NOT NULL,
                description TEXT NOT NULL,
                scale_min INTEGER NOT NULL,
                scale_max INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (framework_id, revision)))",
           R"(CREATE TABLE framework_levels (
                framework_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                level INTEGER NOT NULL,
                name TEXT NOT NULL,
                PRIMARY KEY (framework_id, revision, level),
                FOREIGN KEY (framework_id, revision) REFERENCES framework_revisions(framework_id, revision)))",
           R"(CREATE TABLE framework_roles (
                framework_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                position INTEGER NOT NULL,
                role TEXT NOT NULL,
                PRIMARY KEY (framework_id, revision, role),
                FOREIGN KEY (framework_id, revision) REFERENCES framework_revisions(framework_id, revision)))",
           R"(CREATE TABLE framework_areas (
                framework_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                position INTEGER NOT NULL,
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                motivation_question TEXT NOT NULL,
                PRIMARY KEY (framework_id, revision, code),
                FOREIGN KEY (framework_id, revision) REFERENCES framework_revisions(framework_id, revision)))",
           R"(CREATE TABLE framework_area_roles (
                framework_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                area_code TEXT NOT NULL,
                position INTEGER NOT NULL,
                role TEXT NOT NULL,
                PRIMARY KEY (framework_id, revision, area_code, role),
                FOREIGN KEY (framework_id, revision, area_code)
                  REFERENCES framework_areas(framework_id, revision, code)))",
           R"(CREATE TABLE framework_competencies (
                framework_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                area_code TEXT NOT NULL,
                position INTEGER NOT NULL,
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                PRIMARY KEY (framework_id, revision, code),
                FOREIGN KEY (framework_id, revision, area_code)
                  REFERENCES framework_areas(framework_id, revision, code)))",
           R"(CREATE TABLE framework_descriptors (
                framework_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                competency_code TEXT NOT NULL,
                level INTEGER NOT NULL,
                descriptor TEXT NOT NULL,
                PRIMARY KEY (framework_id, revision, competency_code, level),
                FOREIGN KEY (framework_id, revision, competency_code)
                  REFERENCES framework_competencies(framework_id, revision, code)))",
           R"(CREATE TABLE framework_profiles (
                framework_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                role TEXT NOT NULL,
                competency_code TEXT NOT NULL,
                expected_level INTEGER NOT NULL,
                PRIMARY KEY (framework_id, revision, role, competency_code),
                FOREIGN KEY (framework_id, revision, role) REFERENCES framework_roles(framework_id, revision, role),
                FOREIGN KEY (framework_id, revision, competency_code)
                  REFERENCES framework_competencies(framework_id, revision, code)))",
           R"(CREATE TABLE audit_log (
                id ${IDENTITY_PRIMARY_KEY},
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                detail TEXT NOT NULL))",
           "CREATE INDEX audit_log_subject ON audit_log(subject)",
       }},
      {2,
       "assessment rounds and assessments",
       {
           R"(CREATE TABLE rounds (
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
                  REFERENCES framework_revisions(framework_id, revision)))",
           R"(CREATE TABLE assessments (
                round_id BIGINT NOT NULL REFERENCES rounds(id),
                employee_id TEXT NOT NULL REFERENCES people(employee_id),
                status TEXT NOT NULL
                  CHECK (status IN ('not_started', 'self_assessed', 'conversation_held', 'followed_up')),
                self_assessed_at TEXT NOT NULL DEFAULT '',
                conversation_at TEXT NOT NULL DEFAULT '',
                followed_up_at TEXT NOT NULL DEFAULT '',
                notes TEXT NOT NULL DEFAULT '',
                updated_at TEXT NOT NULL,
                PRIMARY KEY (round_id, employee_id))${WITHOUT_ROWID})",
           R"(CREATE TABLE ratings (
                round_id BIGINT NOT NULL,
                employee_id TEXT NOT NULL,
                competency TEXT NOT NULL,
                self_level INTEGER,
                agreed_level INTEGER,
                agreed_by TEXT NOT NULL DEFAULT '',
                agreed_at TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (round_id, employee_id, competency),
                FOREIGN KEY (round_id, employee_id) REFERENCES assessments(round_id, employee_id))${WITHOUT_ROWID})",
           R"(CREATE TABLE motivations (
                round_id BIGINT NOT NULL,
                employee_id TEXT NOT NULL,
                area TEXT NOT NULL,
                motivation INTEGER NOT NULL CHECK (motivation BETWEEN 1 AND 5),
                PRIMARY KEY (round_id, employee_id, area),
                FOREIGN KEY (round_id, employee_id) REFERENCES assessments(round_id, employee_id))${WITHOUT_ROWID})",
           R"(CREATE TABLE priorities (
                round_id BIGINT NOT NULL,
                employee_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                competency TEXT NOT NULL,
                PRIMARY KEY (round_id, employee_id, position),
                FOREIGN KEY (round_id, employee_id) REFERENCES assessments(round_id, employee_id))${WITHOUT_ROWID})",
       }},
      {3,
       "employment history",
       {
           R"(CREATE TABLE employments (
                id ${IDENTITY_PRIMARY_KEY},
                employee_id TEXT NOT NULL REFERENCES people(employee_id) DEFERRABLE INITIALLY DEFERRED,
                start_date TEXT NOT NULL,
                end_date TEXT,
                employment_type TEXT NOT NULL
                  CHECK (employment_type IN ('permanent', 'temporary', 'hourly', 'program')),
                position TEXT NOT NULL,
                fte DOUBLE PRECISION NOT NULL CHECK (fte >= 0 AND fte <= 1),
                unit_code TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
                recruitment_route INTEGER CHECK (recruitment_route IN (1, 2, 3)),
                departure_route INTEGER CHECK (departure_route IN (1, 2, 3)),
                departure_reason TEXT NOT NULL DEFAULT '',
                CHECK (end_date IS NULL OR end_date >= start_date)))",
           "CREATE INDEX employments_person ON employments(employee_id, start_date)",
           "CREATE INDEX employments_unit ON employments(unit_code)",
       }},
      {4,
       "web accounts and sessions",
       {
           R"(CREATE TABLE accounts (
                employee_id TEXT PRIMARY KEY REFERENCES people(employee_id),
                role TEXT NOT NULL CHECK (role IN ('employee', 'hr', 'admin', 'observer')),
                password_hash TEXT NOT NULL,
                must_change_password INTEGER NOT NULL DEFAULT 0,
                scope_unit TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL))",
           R"(CREATE TABLE sessions (
                token_digest TEXT PRIMARY KEY,
                employee_id TEXT NOT NULL REFERENCES accounts(employee_id),
                csrf_token TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL))",
           "CREATE INDEX sessions_employee ON sessions(employee_id)",
           "CREATE INDEX sessions_expiry ON sessions(expires_at)",
       }},
  };
  return migrations;
}

}  // namespace trappa::store
