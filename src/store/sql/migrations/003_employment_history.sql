-- employment history

CREATE TABLE employments (
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
  CHECK (end_date IS NULL OR end_date >= start_date));

CREATE INDEX employments_person ON employments(employee_id, start_date);

CREATE INDEX employments_unit ON employments(unit_code);

