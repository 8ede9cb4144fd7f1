"""Alembic migrations shipped in the package, applied on open after a backup (no alembic.ini)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from costready.i18n import _
from costready.storage.backup import COSTREADY_TABLES, backup_if_due, backup_sqlite
from costready.storage.db import sqlite_path, writer
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


def _table_names(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def known_revisions() -> set[str]:
    """Every revision among the migration scripts: the schemas this version can open."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _not_a_workspace() -> StorageError:
    return StorageError(
        _(
            "This database is not a CostReady workspace (it already holds other "
            "tables). Choose a new file or an existing workspace."
        )
    )


def prepare(engine: Engine) -> None:
    """Bring the database to head, and keep the day's backup of a SQLite file.

    A file that is behind is backed up first, and only when the migration can run (a
    read-only file is refused untouched, with no backup); a failed backup stops it.
    """
    current = current_revision(engine)
    file = _workspace_file(engine)
    if current == HEAD:
        if file is not None:
            backup_if_due(file)
        return
    _refuse_what_is_not_ours(engine, current)
    if file is not None:
        _check_writable(engine)
        _backup_before_migrating(file)
    upgrade(engine)


def _workspace_file(engine: Engine) -> Path | None:
    """The SQLite file behind `engine`, if it has anything in it to back up."""
    path = sqlite_path(engine.url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    return path


def _refuse_what_is_not_ours(engine: Engine, current: str | None) -> None:
    """Another program's database, or a workspace from a newer CostReady: StorageError."""
    if current is None:
        tables = _table_names(engine)
        if tables and "alembic_version" not in tables:  # someone else's: never add our tables
            raise _not_a_workspace()
    elif current not in known_revisions():
        if not COSTREADY_TABLES.issubset(_table_names(engine)):  # another program's Alembic
            raise _not_a_workspace()
        raise StorageError(
            _(
                "This workspace was saved by a newer version of CostReady (schema {revision}). "
                "Update CostReady to open it."
            ).format(revision=current)
        )


def _check_writable(engine: Engine) -> None:
    """Refuse, before any backup, a workspace that cannot be changed (read-only file or folder).

    A write to the header, rolled back, proves the migration could save (and, by BEGIN
    IMMEDIATE, that no other program is writing).
    """
    try:
        with writer(engine).connect() as connection, connection.begin() as transaction:
            version = connection.exec_driver_sql("PRAGMA user_version").scalar()
            connection.exec_driver_sql(f"PRAGMA user_version = {int(version or 0)}")
            transaction.rollback()
    except SQLAlchemyError as error:
        from costready.storage.unit_of_work import plain_database_error

        raise StorageError(
            _(
                "This workspace needs updating for this version of CostReady, but it cannot "
                "be changed: {reason}. Nothing was changed."
            ).format(reason=plain_database_error(error))
        ) from error


def _backup_before_migrating(path: Path) -> None:
    try:
        backup_sqlite(path)
    except (OSError, sqlite3.Error) as error:
        raise StorageError(
            _(
                "This workspace needs updating for this version of CostReady, but the backup "
                "made first failed. {reason}. Nothing was changed."
            ).format(reason=error)
        ) from error
