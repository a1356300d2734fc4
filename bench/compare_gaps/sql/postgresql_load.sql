-- PostgreSQL: the schema, the CSV load with \copy (run from the data directory), the indexes
-- and fresh statistics.
CREATE TABLE units (code TEXT PRIMARY KEY, name TEXT, parent_code TEXT, kind TEXT);
CREATE TABLE areas (code TEXT PRIMARY KEY, ord INTEGER);
CREATE TABLE competencies (code TEXT PRIMARY KEY, area TEXT, ord INTEGER);
CREATE TABLE profiles (role TEXT, competency TEXT, expected INTEGER, PRIMARY KEY (role, competency));
CREATE TABLE participants (round TEXT, employee_id TEXT, unit_code TEXT, role TEXT, gender TEXT,
                           PRIMARY KEY (round, employee_id));
CREATE TABLE ratings (round TEXT, employee_id TEXT, competency TEXT, self_level INTEGER, agreed_level INTEGER);
CREATE TABLE motivations (round TEXT, employee_id TEXT, area TEXT, motivation INTEGER);
\copy units FROM 'units.csv' WITH (FORMAT csv, HEADER true)
\copy areas FROM 'areas.csv' WITH (FORMAT csv, HEADER true)
\copy competencies FROM 'competencies.csv' WITH (FORMAT csv, HEADER true)
\copy profiles FROM 'profiles.csv' WITH (FORMAT csv, HEADER true)
\copy participants FROM 'participants.csv' WITH (FORMAT csv, HEADER true)
\copy ratings FROM 'ratings.csv' WITH (FORMAT csv, HEADER true)
\copy motivations FROM 'motivations.csv' WITH (FORMAT csv, HEADER true)
CREATE INDEX units_parent ON units (parent_code);
CREATE INDEX ratings_round_person ON ratings (round, employee_id);
CREATE INDEX motivations_round_person ON motivations (round, employee_id);
VACUUM ANALYZE;
