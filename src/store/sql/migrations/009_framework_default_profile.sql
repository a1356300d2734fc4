-- the profile that applies to roles without their own (issue 13, item 6); empty: none
ALTER TABLE framework_revisions ADD COLUMN default_profile TEXT NOT NULL DEFAULT '';
