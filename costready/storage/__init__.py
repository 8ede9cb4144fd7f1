"""Storage: SQLAlchemy models, units of work, Alembic migrations, backups (no Qt)."""
