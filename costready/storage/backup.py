"""Copies of a SQLite workspace (before a migration, once a day, on request), and restoring one."""

from __future__ import annotations

import errno
import logging
import re
import sqlite3
from collections.abc import Collection
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from costready.files import PRIVATE, replacing
from costready.i18n import _
from costready.storage.errors import StorageError

#: How many dated backups of a workspace are kept; the oldest go as new ones are taken.
KEEP = 14

#: The date and time in a backup's name, e.g. workspace.backup-2026-11-29-170102.sqlite.
STAMP = "%Y-%m-%d-%H%M%S"
_OLD_STAMP = "%Y%m%d-%H%M%S"  # the names taken before 2026-11 (kept in the count)
_NAME = re.compile(
    r"^(?P<stem>.+)\.backup-(?P<stamp>\d{4}-\d\d-\d\d-\d{6}|\d{8}-\d{6})(?:-\d+)?\.sqlite$"
)

#: Tables only a CostReady workspace has (another program's database has none of them).
COSTREADY_TABLES = frozenset({"organisation", "scenario", "service"})

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backup:
    """One dated copy of a workspace file."""

    path: Path
    taken: datetime


def backup_path(path: Path, when: datetime | None = None) -> Path:
    """`<stem>.backup-<YYYY-mm-dd-HHMMSS>.sqlite` beside `path` (a counter added if it exists)."""
    stamp = (when or datetime.now()).strftime(STAMP)
    candidate = path.with_name(f"{path.stem}.backup-{stamp}.sqlite")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.backup-{stamp}-{counter}.sqlite")
        counter += 1
    return candidate


def backups_of(path: Path) -> list[Backup]:
    """The dated backups beside the workspace at `path`, newest first."""
    found = []
    with suppress(OSError):
        for candidate in path.parent.iterdir():
            match = _NAME.match(candidate.name)
            if match and match["stem"] == path.stem:
                stamp = match["stamp"]
                taken = datetime.strptime(stamp, STAMP if "-" in stamp[:5] else _OLD_STAMP)
                found.append(Backup(candidate, taken))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def backup_sqlite(path: Path, when: datetime | None = None) -> Path:
    """Copy the workspace at `path` to a dated backup beside it (0600); keep the newest KEEP.

    Raises OSError (FileWriteError, which says why in plain words) if the copy cannot be
    written; a partial copy is never left behind.
    """
    target = backup_path(path, when)
    copy_database(path, target)
    _prune(path)
    return target


def backup_if_due(path: Path, now: datetime | None = None) -> Path | None:
    """The day's backup, on the first open of a day on which there is none yet.

    None is taken when the workspace has not changed since its newest backup (so an
    untouched workspace does not push older, different copies out of the last KEEP), nor
    when the copy cannot be made: this backup is a safety net and never stops the work.
    """
    now = now or datetime.now()
    newest = next(iter(backups_of(path)), None)
    try:
        if newest is not None and (
            newest.taken.date() >= now.date() or path.stat().st_mtime <= newest.path.stat().st_mtime
        ):
            return None
        return backup_sqlite(path, now)
    except (OSError, sqlite3.Error) as error:
        _log.warning("no daily backup of %s: %s", path, error)
        return None


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite database `source` as `target` (0600, whole or nothing).

    SQLite's online backup copies pages still in a journal or WAL file, which a plain file
    copy could miss, and waits for a writer in another program to finish.
    """
    if not source.is_file():
        raise FileNotFoundError(errno.ENOENT, _("the workspace file does not exist"), str(source))
    with replacing(target, mode=PRIVATE) as temporary:
        try:
            with (
                closing(sqlite3.connect(source)) as origin,
                closing(sqlite3.connect(temporary)) as copy,
            ):
                origin.backup(copy)
        except sqlite3.Error as error:
            raise _as_os_error(error) from error


def _sqlite_code(error: sqlite3.Error) -> int:
    """SQLite's primary result code (SQLITE_FULL...), without the extended part."""
    return int(getattr(error, "sqlite_errorcode", 0)) & 0xFF


_CORRUPT, _NOTADB = 11, 26


def _as_os_error(error: sqlite3.Error) -> Exception:
    """A failure to write the copy as the OSError it is; other SQLite errors as they are."""
    code = _sqlite_code(error)
    meaning = {
        13: errno.ENOSPC,  # SQLITE_FULL
        10: errno.EIO,  # SQLITE_IOERR
        8: errno.EACCES,  # SQLITE_READONLY
        3: errno.EACCES,  # SQLITE_PERM
        14: errno.EACCES,  # SQLITE_CANTOPEN
    }
    if code in meaning:
        return OSError(meaning[code], str(error))
    return error


def _prune(path: Path) -> None:
    for old in backups_of(path)[KEEP:]:
        with suppress(OSError):
            old.path.unlink()


# Restoring ----------------------------------------------------------------------------------


def read_revision(file: Path) -> str:
    """The schema revision of a backup, after checking it is a sound CostReady workspace.

    Opened read-only; StorageError (in plain words) if it is not a SQLite database, fails
    SQLite's integrity check, or is not a CostReady workspace.
    """
    if not file.is_file():
        raise StorageError(_("There is no file “{file}”.").format(file=file))
    not_a_workspace = _("“{file}” is not a CostReady workspace or backup.").format(file=file.name)
    damaged = _("“{file}” is damaged (SQLite's integrity check failed).").format(file=file.name)
    try:
        with closing(sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)) as db:
            if [row[0] for row in db.execute("PRAGMA integrity_check")] != ["ok"]:
                raise StorageError(damaged)
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables or not COSTREADY_TABLES.issubset(tables):
                raise StorageError(not_a_workspace)
            revisions = [row[0] for row in db.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error as error:
        raise StorageError(
            damaged if _sqlite_code(error) == _CORRUPT else not_a_workspace
        ) from error
    if len(revisions) != 1:
        raise StorageError(not_a_workspace)
    return str(revisions[0])


def restore_sqlite(
    path: Path, file: Path, known_revisions: Collection[str], when: datetime | None = None
) -> Path | None:
    """Make the workspace at `path` a copy of the backup `file`; return where the old one is.

    The backup is checked first (integrity, and a schema this version knows); then the
    current workspace is copied aside, as `<stem>.before-restore-<date>.sqlite` (0600,
    never pruned); then the backup is copied in through SQLite's backup API, which writes it
    in one transaction that other programs using the file wait for. A workspace too damaged
    for SQLite to read is kept aside as it is, and replaced whole. None: there was no workspace.
    """
    revision = read_revision(file)
    if revision not in known_revisions:
        raise StorageError(
            _(
                "“{file}” was saved by a newer version of CostReady (schema {revision}). "
                "Update CostReady to restore it."
            ).format(file=file.name, revision=revision)
        )
    if file.resolve() == path.resolve():
        raise StorageError(_("That is the workspace itself; choose one of its backups."))
    if not path.exists():
        copy_database(file, path)
        return None
    stamp = (when or datetime.now()).strftime(STAMP)
    aside = _unused(path.with_name(f"{path.stem}.before-restore-{stamp}.sqlite"))
    try:
        copy_database(path, aside)
    except sqlite3.DatabaseError as error:
        if _sqlite_code(error) not in (_CORRUPT, _NOTADB):
            raise
        # too damaged to read: keep its bytes, then put a sound copy in its place
        _replace_damaged(path, file, aside)
        return aside
    try:
        with (
            closing(sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)) as source,
            closing(sqlite3.connect(path)) as workspace,
        ):
            source.backup(workspace)
    except sqlite3.Error as error:
        raise _as_os_error(error) from error
    return aside


def _replace_damaged(path: Path, file: Path, aside: Path) -> None:
    with replacing(aside, mode=PRIVATE) as temporary:
        temporary.write_bytes(path.read_bytes())
    for suffix in ("-journal", "-wal", "-shm"):  # they belong to the damaged file, not the new
        leftover = path.with_name(path.name + suffix)
        if leftover.exists():
            leftover.replace(aside.with_name(aside.name + suffix))
    copy_database(file, path)


def _unused(candidate: Path) -> Path:
    stem, counter = candidate.stem, 2
    while candidate.exists():
        candidate = candidate.with_name(f"{stem}-{counter}.sqlite")
        counter += 1
    return candidate
