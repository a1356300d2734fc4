-- the organisation's own maturity survey (docs/maturity-survey.md): instrument versions, rounds per unit and period, respondents and their pseudonymous answers
-- one row per imported instrument version; the definition is the canonical instrument file (io/json/survey_instrument_json.hpp)
CREATE TABLE survey_instrument_versions (
  instrument TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  definition TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  PRIMARY KEY (instrument, version));
-- the items of each version with their scale, so that an answer is checked without reading the definition
CREATE TABLE survey_items (
  instrument TEXT NOT NULL,
  version INTEGER NOT NULL,
  item TEXT NOT NULL,
  scale_min INTEGER NOT NULL,
  scale_max INTEGER NOT NULL,
  not_applicable_allowed INTEGER NOT NULL,
  PRIMARY KEY (instrument, version, item),
  FOREIGN KEY (instrument, version) REFERENCES survey_instrument_versions(instrument, version));
CREATE TABLE survey_rounds (
  name TEXT PRIMARY KEY,
  instrument TEXT NOT NULL,
  version INTEGER NOT NULL,
  unit_code TEXT NOT NULL REFERENCES units(code),
  period TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('everyone', 'chosen')),
  state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  FOREIGN KEY (instrument, version) REFERENCES survey_instrument_versions(instrument, version));
CREATE INDEX survey_rounds_by_instrument ON survey_rounds (instrument, unit_code, period);
-- who is asked, and the random token their answers are stored under: the only link between a person and answers
CREATE TABLE survey_respondents (
  round_name TEXT NOT NULL REFERENCES survey_rounds(name),
  employee_id TEXT NOT NULL REFERENCES people(employee_id),
  token TEXT NOT NULL,
  PRIMARY KEY (round_name, employee_id),
  UNIQUE (round_name, token));
-- the answers, per respondent token and item, saved one by one as they are given; value NULL is N/A
CREATE TABLE survey_answers (
  round_name TEXT NOT NULL,
  token TEXT NOT NULL,
  item TEXT NOT NULL,
  value INTEGER,
  PRIMARY KEY (round_name, token, item),
  FOREIGN KEY (round_name, token) REFERENCES survey_respondents(round_name, token));
