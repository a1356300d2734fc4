-- maturity measurements (DiMiOS and the like) and indicator series (docs/maturity.md)
-- a measurement of a unit on a date with an instrument, identified as UNIT/DATE/INSTRUMENT
CREATE TABLE maturity_measurements (
  unit_code TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
  measured_on TEXT NOT NULL,
  instrument TEXT NOT NULL,
  overall DOUBLE PRECISION NOT NULL,
  overall_benchmark DOUBLE PRECISION,
  organisation_type TEXT NOT NULL DEFAULT '',
  respondents INTEGER,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  PRIMARY KEY (unit_code, measured_on, instrument));
-- its dimension and category results (category '' for a dimension's own, dimension '' for a category outside one)
CREATE TABLE maturity_results (
  unit_code TEXT NOT NULL,
  measured_on TEXT NOT NULL,
  instrument TEXT NOT NULL,
  position INTEGER NOT NULL,
  dimension TEXT NOT NULL,
  category TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  benchmark DOUBLE PRECISION,
  PRIMARY KEY (unit_code, measured_on, instrument, position),
  FOREIGN KEY (unit_code, measured_on, instrument) REFERENCES maturity_measurements(unit_code, measured_on, instrument));
-- the categories the organisation chose to focus on after the measurement
CREATE TABLE maturity_focus_categories (
  unit_code TEXT NOT NULL,
  measured_on TEXT NOT NULL,
  instrument TEXT NOT NULL,
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  PRIMARY KEY (unit_code, measured_on, instrument, position),
  FOREIGN KEY (unit_code, measured_on, instrument) REFERENCES maturity_measurements(unit_code, measured_on, instrument));
-- indicator series by name: the unit of measure, which way is better, the unit it describes
CREATE TABLE indicator_series (
  name TEXT PRIMARY KEY,
  measure TEXT NOT NULL CHECK (measure IN ('index', '%', 'count', 'score')),
  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
  unit_code TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL);
-- a series' values per period (a year "2024" or a date "2024-03-31")
CREATE TABLE indicator_values (
  series TEXT NOT NULL REFERENCES indicator_series(name),
  period TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  comparison DOUBLE PRECISION,
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (series, period));
