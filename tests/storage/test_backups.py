"""Backups and private files: dated, 14 kept, once a day, 0600, none when nothing can change."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from costready import files, paths
from costready.organisation import Organisation
from costready.storage import backup, migrate
from costready.storage.db import make_engine
from costready.storage.workspace import StorageError, Workspace
from tests.disks import fill, remount_read_only, small_disk
from tests.storage.conftest import sqlite_url

__all__ = ["small_disk"]  # a fixture

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
NOON = datetime(2026, 11, 29, 12, 0, 0)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _workspace_with_an_organisation(path: Path) -> None:
    with Workspace(sqlite_url(path)) as workspace:
        workspace.save_organisation(Organisation(name="Riverside"))


def _behind(path: Path) -> None:
    """A workspace saved by the version before (revision 0001), with an organisation in it."""
    _workspace_with_an_organisation(path)
    for old in backup.backups_of(path):
        old.path.unlink()
    engine = make_engine(sqlite_url(path))
    migrate.downgrade(engine, "0001")
    engine.dispose()


def _revision(path: Path) -> str | None:
    engine = make_engine(sqlite_url(path))
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


def test_backups_are_dated_and_only_the_last_14_are_kept(db_path: Path) -> None:
    _workspace_with_an_organisation(db_path)
    old_style = db_path.with_name("workspace.backup-20250101-090000.sqlite")  # before 2026-11
    old_style.write_bytes(b"")
    taken = [backup.backup_sqlite(db_path, NOON + timedelta(days=day)) for day in range(20)]
    assert taken[0].name == "workspace.backup-2026-11-29-120000.sqlite"
    kept = backup.backups_of(db_path)
    assert [b.path for b in kept] == taken[::-1][: backup.KEEP]
    assert kept[0].taken == NOON + timedelta(days=19)
    assert not old_style.exists() and not taken[5].exists()
    with sqlite3.connect(kept[0].path) as copy:
        assert copy.execute("SELECT name FROM organisation").fetchall() == [("Riverside",)]
    copy.close()


def test_the_days_backup_is_taken_once_and_only_when_something_changed(db_path: Path) -> None:
    _workspace_with_an_organisation(db_path)
    first = backup.backup_if_due(db_path, NOON)
    assert first is not None
    assert backup.backup_if_due(db_path, NOON + timedelta(hours=6)) is None  # same day
    os.utime(db_path, (0, first.stat().st_mtime - 10))  # untouched since
    assert backup.backup_if_due(db_path, NOON + timedelta(days=1)) is None
    os.utime(db_path, (0, first.stat().st_mtime + 10))  # changed since
    assert backup.backup_if_due(db_path, NOON + timedelta(days=1)) is not None
    assert len(backup.backups_of(db_path)) == 2


@posix_only
def test_a_new_workspace_its_journal_and_its_backups_are_private(db_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask, which would make files readable by everyone
    try:
        _workspace_with_an_organisation(db_path)
        with sqlite3.connect(db_path) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(
                "INSERT INTO setting (organisation_id, key, value) VALUES (NULL, 'k', 'v')"
            )
            wal_mode = _mode(db_path.with_name(db_path.name + "-wal"))
            copy = backup.backup_sqlite(db_path)
        connection.close()
    finally:
        os.umask(old)
    assert _mode(db_path) == 0o600
    assert wal_mode == 0o600
    assert _mode(copy) == 0o600


@posix_only
def test_the_data_folder_is_made_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    folder = tmp_path / "data" / "CostReady"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *_a, **_k: str(folder))
    assert paths.data_dir() == folder
    assert _mode(folder) == 0o700
    folder.chmod(0o755)  # made by an earlier version
    paths.data_dir()
    assert _mode(folder) == 0o700


def test_a_read_only_workspace_that_needs_updating_is_refused_with_no_backup(
    db_path: Path,
) -> None:
    _behind(db_path)
    read_only = f"sqlite:///file:{db_path}?mode=ro&uri=true"
    for _try in range(3):
        with pytest.raises(StorageError, match=r"needs updating .* cannot be changed: .*read-only"):
            Workspace(read_only)
    assert backup.backups_of(db_path) == []
    assert _revision(db_path) == "0001"


def test_a_workspace_on_a_read_only_disk_is_refused_with_no_backup(small_disk: Path) -> None:
    path = small_disk / "workspace.sqlite"
    _behind(path)
    before = _names(small_disk)
    remount_read_only(small_disk)
    for _try in range(2):
        with pytest.raises(StorageError, match="needs updating"):
            Workspace(sqlite_url(path))
    assert _names(small_disk) == before


def test_a_backup_that_fails_stops_the_migration(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _behind(db_path)

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(
        StorageError, match=r"backup made first failed\. Could not save .*: the disk is full"
    ):
        Workspace(sqlite_url(db_path))
    monkeypatch.undo()
    assert _revision(db_path) == "0001"  # not migrated without its backup
    assert _names(db_path.parent) == ["workspace.sqlite"]  # and no partial backup left


def test_a_full_disk_leaves_no_partial_backup_and_the_workspace_as_it_was(
    small_disk: Path,
) -> None:
    path = small_disk / "workspace.sqlite"
    _behind(path)
    before = path.read_bytes()
    fill(small_disk, leave=16 * 1024)  # room for SQLite's journal, not for a copy
    with pytest.raises(StorageError, match="needs updating") as caught:
        Workspace(sqlite_url(path))
    assert "full" in str(caught.value)
    assert path.read_bytes() == before
    assert _names(small_disk) == ["filler", "workspace.sqlite"]


def test_a_workspace_at_head_opens_even_when_its_daily_backup_cannot_be_made(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _workspace_with_an_organisation(db_path)

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with Workspace(sqlite_url(db_path)) as workspace:
        assert [org.name for org in workspace.organisations()] == ["Riverside"]
    assert _names(db_path.parent) == ["workspace.sqlite"]
