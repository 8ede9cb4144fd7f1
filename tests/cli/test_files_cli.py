"""The command line's files: safe on a full disk, backups and restores, encodings, no passwords."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from costready import files
from costready.__main__ import main
from tests.conftest import EXAMPLE_MODEL
from tests.disks import fill, small_disk

__all__ = ["small_disk"]  # a fixture

SECRET_URL = "postgresql+psycopg://adv:S3cretPw@127.0.0.1:1/x"


@pytest.fixture
def database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["--database", url, "demo"]) == 0
    return url


@pytest.mark.parametrize(
    "argv",
    [
        ["--database", SECRET_URL, "list"],
        ["list", "--database", SECRET_URL],
        ["--database", SECRET_URL, "backup"],
        ["--database", SECRET_URL.replace("psycopg", "nodriver"), "list"],
    ],
)
def test_a_database_password_is_never_printed(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert "S3cretPw" not in captured.err + captured.out
    assert "adv:***@127.0.0.1:1/x" in captured.err


def test_backup_list_and_restore(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--database", database, "backup"]) == 0
    backup = Path(capsys.readouterr().out.strip().removeprefix("Backed up the workspace to "))
    assert backup.is_file() and ".backup-" in backup.name
    assert main(["--database", database, "backup", "--list"]) == 0
    assert str(backup) in capsys.readouterr().out

    assert main(["--database", database, "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert f"Restored the workspace from {backup}." in out
    assert "The workspace as it was is kept as " in out and ".before-restore-" in out
    assert main(["--database", database, "list"]) == 0
    assert "Riverside" in capsys.readouterr().out  # the sample organisation is back


def test_restore_of_a_file_that_is_not_a_backup_says_so(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    assert main(["--database", database, "restore", str(notes)]) == 1
    assert (
        "costready: “notes.txt” is not a CostReady workspace or backup." in capsys.readouterr().err
    )


def test_an_export_that_cannot_be_finished_keeps_the_good_one(
    database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "model.json"
    assert main(["--database", database, "model", "export", "-o", str(target)]) == 0
    good = target.read_bytes()

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    capsys.readouterr()
    assert main(["--database", database, "model", "export", "-o", str(target)]) == 1
    assert "costready: Could not save “model.json”: the disk is full" in capsys.readouterr().err
    assert target.read_bytes() == good
    assert list(tmp_path.glob(".*.tmp")) == []


def test_on_a_full_disk_a_good_export_survives_and_no_pdf_is_left(
    database: str, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = small_disk / "model.json"
    assert main(["--database", database, "model", "export", "-o", str(export)]) == 0
    good = export.read_bytes()
    fill(small_disk, leave=len(good) // 2)  # room for half a file
    capsys.readouterr()

    assert main(["--database", database, "model", "export", "-o", str(export)]) == 1
    assert "Could not save “model.json”: the disk is full" in capsys.readouterr().err
    assert export.read_bytes() == good

    pdf = small_disk / "x.pdf"
    assert main(["--database", database, "report", "costing", "-o", str(pdf)]) == 1
    assert "Could not save “x.pdf”: the disk is full" in capsys.readouterr().err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "model.json"]


def test_a_model_file_with_a_byte_order_mark_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notepad = tmp_path / "notepad.json"
    notepad.write_bytes(b"\xef\xbb\xbf" + EXAMPLE_MODEL.read_bytes())
    assert main(["price", str(notepad)]) == 0
    assert "£27.35" in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "latin-1"])
def test_a_model_file_not_in_utf8_is_asked_for_in_utf8(
    encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXAMPLE_MODEL.read_text(encoding="utf-8").replace("Home support", "Café support")
    other = tmp_path / "saved-elsewhere.json"
    other.write_bytes(text.encode(encoding))
    assert main(["price", str(other)]) == 1
    err = capsys.readouterr().err
    assert "“saved-elsewhere.json” is not saved as UTF-8 text" in err
    assert "save it as UTF-8" in err
    assert "codec" not in err and "Traceback" not in err
