"""Alembic environment: runs on the connection the workspace hands over, or on a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from costready.storage.db import make_engine
from costready.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(
    *, connection: Connection | None = None, url: str | None = None, literal_binds: bool = False
) -> None:
    """Point Alembic at a connection (online) or a URL (offline); None and False are its
    own defaults, so passing them is the same as leaving them out."""
    # Batch mode: SQLite can only alter a table by copying it, and the names in
    # models.NAMING_CONVENTION let a batch migration find each constraint.
    context.configure(
        connection=connection,
        url=url,
        literal_binds=literal_binds,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )


def run_migrations_offline() -> None:
    """Write the SQL instead of running it (`alembic upgrade --sql`)."""
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def _run_on(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.begin() as connection:
            _run_on(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
