-- placeholder: version 12 belongs to the development plans (issue 16, built on another
-- branch); migrations must be contiguous, so this branch holds the number with a no-op until
-- the real 012 replaces this file at the merge
CREATE TABLE IF NOT EXISTS migration_012_placeholder (unused INTEGER);
