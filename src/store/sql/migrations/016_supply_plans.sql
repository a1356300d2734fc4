-- competence supply plans (issue 19, docs/supply-plan.md): the JSON document with its follow-ups, and the columns lists filter by
CREATE TABLE supply_plans (
  id TEXT PRIMARY KEY,
  unit_code TEXT NOT NULL,
  title TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'adopted', 'archived')),
  period_from INTEGER NOT NULL,
  period_to INTEGER NOT NULL,
  previous TEXT NOT NULL DEFAULT '',
  document TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL);
CREATE INDEX supply_plans_by_unit ON supply_plans (unit_code, period_from);
CREATE INDEX supply_plans_by_state ON supply_plans (state);
