-- where a framework's content comes from and how it was interpreted, for administrators only
ALTER TABLE framework_revisions ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
