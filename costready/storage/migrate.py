"""Alembic migrations shipped in the package, applied on open after a backup (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from costready.i18n import _
from costready.storage.backup import backup_sqlite
from costready.storage.db import sqlite_path
from costready.storage.errors import StorageError
from costready.storage.revision import HEAD

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str = "") -> Config:
    """A Config pointing at the packaged migrations, independent of the current directory."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        # ConfigParser treats % as interpolation; URLs may carry %-escaped passwords.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision among the migration scripts (Alembic's own view)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None: an empty database, or one never migrated)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return rows[0][0] if len(rows) == 1 else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to `revision` in one transaction."""
    from alembic import command

    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Undo migrations down to `revision` ("base": an empty schema); used by tests and support."""
    from alembic import command

    _run(engine, command.downgrade, revision)


def _run(engine: Engine, action: object, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)  # type: ignore[operator]


def _is_foreign(engine: Engine) -> bool:
    """Tables, but none of Alembic's: a database CostReady never migrated."""
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
    return bool(tables) and "alembic_version" not in tables


def prepare(engine: Engine) -> None:
    """Bring the database to head, backing up an existing SQLite file that is behind first."""
    current = current_revision(engine)
    if current == HEAD:
        return
    if current is None and _is_foreign(engine):
        # someone else's database: never add our tables to it
        raise StorageError(
            _(
                "This database is not a CostReady workspace (it already holds other "
                "tables). Choose a new file or an existing workspace."
            )
        )
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise StorageError(
            _(
                "This workspace was saved by a newer version of CostReady (schema {revision}). "
                "Update CostReady to open it."
            ).format(revision=current)
        )
    path = sqlite_path(engine.url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        backup_sqlite(path)
    upgrade(engine)
