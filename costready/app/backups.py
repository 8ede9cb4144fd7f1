"""Backups of a SQLite workspace, for the window and the CLI: take one, list them, restore one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from costready.i18n import _
from costready.storage import migrate
from costready.storage.backup import Backup, backup_sqlite, backups_of, restore_sqlite
from costready.storage.db import sqlite_path
from costready.storage.errors import StorageError
from costready.storage.location import masked_url, workspace_url
from costready.storage.workspace import Workspace

__all__ = ["Backup", "Restored", "backup_now", "list_backups", "restore_backup", "workspace_file"]


@dataclass(frozen=True)
class Restored:
    """A restore done: the backup now in use, and where the workspace as it was is kept."""

    backup: Path
    aside: Path | None  # None: there was no workspace file to keep


def workspace_file(url: str | None = None) -> Path:
    """The SQLite file of the workspace at `url` (None: the default one).

    StorageError for a server database, whose own tools (pg_dump) back it up.
    """
    resolved = workspace_url(url)
    path = sqlite_path(resolved)
    if path is None:
        raise StorageError(
            _(
                "Backups are made of workspace files; “{url}” is a database server. "
                "Use its own backup tools (for PostgreSQL, pg_dump)."
            ).format(url=masked_url(resolved))
        )
    return path


def backup_now(url: str | None = None) -> Path:
    """Copy the workspace to a dated backup beside it (the last 14 are kept); its path."""
    path = workspace_file(url)
    if not path.is_file():
        raise StorageError(_("There is no workspace at “{file}” yet.").format(file=path))
    return backup_sqlite(path)


def list_backups(url: str | None = None) -> list[Backup]:
    """The workspace's dated backups, newest first (for a window's file picker or the CLI)."""
    return backups_of(workspace_file(url))


def restore_backup(file: Path, url: str | None = None) -> Restored:
    """Replace the workspace with the backup `file`, keeping the current one aside.

    The backup's integrity and schema are checked first (StorageError, nothing changed).
    A backup from an earlier version is brought up to date as any workspace is on opening.
    Nothing may have the workspace open in this process: close it first, reopen it after.
    """
    path = workspace_file(url)
    aside = restore_sqlite(path, file, migrate.known_revisions())
    try:
        Workspace(workspace_url(url)).close()  # migrates an older backup; proves it opens
    except StorageError as error:
        if aside is None:
            raise
        raise StorageError(
            _("{error} The workspace as it was is kept as “{file}”.").format(
                error=error, file=aside
            )
        ) from error
    return Restored(file, aside)
