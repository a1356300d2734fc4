-- the learning-activity catalogue (docs/learning.md); lists of codes are space-separated
CREATE TABLE learning_activities (
  code TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,
  provider TEXT NOT NULL DEFAULT '',
  framework_id TEXT NOT NULL REFERENCES frameworks(id),
  competencies TEXT NOT NULL,
  level_from INTEGER NOT NULL,
  level_to INTEGER NOT NULL,
  hours DOUBLE PRECISION NOT NULL,
  starts TEXT NOT NULL,
  ends TEXT NOT NULL,
  capacity INTEGER,
  audience_roles TEXT NOT NULL DEFAULT '',
  theme TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('planned', 'open', 'closed', 'cancelled')),
  updated_at TEXT NOT NULL);
