"""Backups as the window and the CLI use them: take one, list them, restore one safely."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from costready.app.backups import backup_now, list_backups, restore_backup
from costready.organisation import Organisation
from costready.storage import migrate
from costready.storage.db import make_engine
from costready.storage.errors import StorageError
from costready.storage.workspace import Workspace


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'w.sqlite'}"


def _add(url: str, name: str) -> None:
    with Workspace(url) as workspace:
        workspace.save_organisation(Organisation(name=name))


def _names(url: str) -> list[str]:
    with Workspace(url) as workspace:
        return [org.name for org in workspace.organisations()]


def _file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def test_a_restore_brings_the_backup_back_and_keeps_the_current_workspace_aside(url: str) -> None:
    _add(url, "Riverside")
    taken = backup_now(url)
    assert list_backups(url)[0].path == taken
    _add(url, "Added after the backup")

    restored = restore_backup(taken, url)

    assert _names(url) == ["Riverside"]
    assert restored.aside is not None and restored.aside.name.startswith("w.before-restore-")
    assert _names(f"sqlite:///{restored.aside}") == ["Added after the backup", "Riverside"]
    if sys.platform != "win32":
        assert stat.S_IMODE(restored.aside.stat().st_mode) == 0o600


def test_a_damaged_backup_is_refused_and_nothing_changes(url: str, tmp_path: Path) -> None:
    _add(url, "Riverside")
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(backup_now(url).read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # pages of the tables overwritten
    damaged.write_bytes(bytes(data))
    before = _file(url).read_bytes()
    with pytest.raises(StorageError, match="is damaged"):
        restore_backup(damaged, url)
    assert _file(url).read_bytes() == before
    assert list(tmp_path.glob("*before-restore*")) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a database at all" * 100, "not a CostReady"), (None, "There is no file")],
)
def test_a_file_that_is_no_backup_is_refused(
    url: str, tmp_path: Path, content: bytes | None, message: str
) -> None:
    _add(url, "Riverside")
    other = tmp_path / "other.sqlite"
    if content is not None:
        other.write_bytes(content)
    with pytest.raises(StorageError, match=message):
        restore_backup(other, url)
    assert _names(url) == ["Riverside"]


def test_a_backup_from_a_newer_version_is_refused(url: str, tmp_path: Path) -> None:
    _add(url, "Riverside")
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(backup_now(url), newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    with pytest.raises(StorageError, match="newer version of CostReady"):
        restore_backup(newer, url)


def test_a_backup_from_an_earlier_version_is_brought_up_to_date(url: str, tmp_path: Path) -> None:
    _add(url, "Riverside")
    older = tmp_path / "older.sqlite"
    shutil.copyfile(backup_now(url), older)
    engine = make_engine(f"sqlite:///{older}")
    migrate.downgrade(engine, "0001")
    engine.dispose()

    restore_backup(older, url)

    engine = make_engine(url)
    try:
        assert migrate.current_revision(engine) == migrate.HEAD
    finally:
        engine.dispose()
    assert _names(url) == ["Riverside"]


def test_a_workspace_too_damaged_to_open_is_kept_aside_as_it_was(url: str) -> None:
    _add(url, "Riverside")
    taken = backup_now(url)
    _file(url).write_bytes(b"garbage, not SQLite" * 1000)
    with pytest.raises(StorageError):
        Workspace(url)

    restored = restore_backup(taken, url)

    assert _names(url) == ["Riverside"]
    assert restored.aside is not None
    assert restored.aside.read_bytes() == b"garbage, not SQLite" * 1000


def test_a_server_database_has_no_backups_here_and_its_password_is_not_shown() -> None:
    with pytest.raises(StorageError, match="pg_dump") as caught:
        backup_now("postgresql+psycopg://adv:S3cretPw@127.0.0.1:1/x")
    assert "S3cretPw" not in str(caught.value)
    assert "adv:***@127.0.0.1" in str(caught.value)


def test_no_backup_of_a_workspace_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no workspace"):
        backup_now(f"sqlite:///{tmp_path / 'none.sqlite'}")
    assert list(tmp_path.iterdir()) == []
