"""The schema revision this version of CostReady reads and writes (start-up reads it early)."""

#: The newest migration shipped. Opening a workspace already at it never imports Alembic, and
#: start-up reads the first screen straight from SQLite only at it; tests check this against the
#: migration scripts.
HEAD = "0011"
