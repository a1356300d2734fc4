-- the organisation's settings, one value per key (docs/learning.md, "Targets"): e.g. learning.target_participants
CREATE TABLE organisation_settings (
  setting_key TEXT PRIMARY KEY,
  setting_value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL);
