-- SQLite: the schema, the CSV import (run from the data directory) and the indexes.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1048576;
CREATE TABLE units (code TEXT PRIMARY KEY, name TEXT, parent_code TEXT, kind TEXT);
CREATE TABLE areas (code TEXT PRIMARY KEY, ord INTEGER);
CREATE TABLE competencies (code TEXT PRIMARY KEY, area TEXT, ord INTEGER);
CREATE TABLE profiles (role TEXT, competency TEXT, expected INTEGER, PRIMARY KEY (role, competency));
CREATE TABLE participants (round TEXT, employee_id TEXT, unit_code TEXT, role TEXT, gender TEXT,
                           PRIMARY KEY (round, employee_id));
CREATE TABLE ratings (round TEXT, employee_id TEXT, competency TEXT, self_level INTEGER, agreed_level INTEGER);
CREATE TABLE motivations (round TEXT, employee_id TEXT, area TEXT, motivation INTEGER);
.import --csv --skip 1 units.csv units
.import --csv --skip 1 areas.csv areas
.import --csv --skip 1 competencies.csv competencies
.import --csv --skip 1 profiles.csv profiles
.import --csv --skip 1 participants.csv participants
.import --csv --skip 1 motivations.csv motivations
-- The CSV import reads an empty field as '', not NULL: stage the levels and convert.
CREATE TEMP TABLE ratings_raw (round TEXT, employee_id TEXT, competency TEXT, self_level TEXT, agreed_level TEXT);
.import --csv --skip 1 --schema temp ratings.csv ratings_raw
INSERT INTO ratings
  SELECT round, employee_id, competency, CAST(NULLIF(self_level, '') AS INTEGER), CAST(NULLIF(agreed_level, '') AS INTEGER)
  FROM temp.ratings_raw;
DROP TABLE temp.ratings_raw;
UPDATE units SET parent_code = NULL WHERE parent_code = '';
CREATE INDEX units_parent ON units (parent_code);
CREATE INDEX ratings_round_person ON ratings (round, employee_id);
CREATE INDEX motivations_round_person ON motivations (round, employee_id);
ANALYZE;
