-- changes every serving node follows to refresh what it holds (docs/operations.md, "Several nodes")
CREATE TABLE changes (
  id ${IDENTITY_PRIMARY_KEY},
  kind TEXT NOT NULL,
  round_name TEXT NOT NULL,
  subject TEXT NOT NULL);
