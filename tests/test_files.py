"""Safe writes: a file is replaced whole or not at all, and a failure says which file and why."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

import pytest

from costready import files
from costready.files import FileWriteError, write_atomically
from tests.disks import small_disk

__all__ = ["small_disk"]  # a fixture

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "prices.json"
    target.write_text("old")
    write_atomically(target, "new £ text")
    assert target.read_text(encoding="utf-8") == "new £ text"
    assert _leftovers(tmp_path) == []


def test_a_writer_callback_gets_a_binary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"

    def writer(handle: BinaryIO) -> None:
        handle.write(b"\x00\x01")
        handle.write(b"\x02")

    write_atomically(target, writer)
    assert target.read_bytes() == b"\x00\x01\x02"


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF good")

    def writer(handle: BinaryIO) -> None:
        handle.write(b"%PDF half")
        raise ValueError("layout failed")

    with pytest.raises(ValueError, match="layout failed"):  # not an OSError: passed on as it is
        write_atomically(target, writer)
    assert target.read_bytes() == b"%PDF good"
    assert _leftovers(tmp_path) == []


def test_a_new_file_is_not_left_half_written(tmp_path: Path) -> None:
    def writer(handle: BinaryIO) -> None:
        handle.write(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(FileWriteError) as caught:
        write_atomically(tmp_path / "new.pdf", writer)
    assert str(caught.value) == "Could not save “new.pdf”: the disk is full"
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_at_fsync_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "model.json"
    target.write_text('{"good": true}')

    def fsync(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", fsync)
    with pytest.raises(FileWriteError, match="the disk is full"):
        write_atomically(target, '{"new": true}')
    assert target.read_text() == '{"good": true}'
    assert _leftovers(tmp_path) == []


def test_a_full_disk_keeps_the_good_file_and_leaves_nothing_partial(small_disk: Path) -> None:
    target = small_disk / "model.json"
    good = '{"good": true}\n'
    write_atomically(target, good)
    with pytest.raises(FileWriteError) as caught:
        write_atomically(target, "x" * 4_000_000)  # far more than the 1 MiB disk holds
    assert str(caught.value) == "Could not save “model.json”: the disk is full"
    assert caught.value.errno == errno.ENOSPC
    assert target.read_text() == good
    assert sorted(p.name for p in small_disk.iterdir()) == ["model.json"]


def test_a_folder_that_does_not_exist_is_named_plainly(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError) as caught:
        write_atomically(tmp_path / "missing" / "prices.pdf", b"x")
    assert str(caught.value) == "Could not save “prices.pdf”: the folder does not exist"
    assert isinstance(caught.value, OSError)  # callers that handle OSError still do


@posix_only
def test_private_files_are_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        write_atomically(tmp_path / "backup.sqlite", b"x", mode=files.PRIVATE)
    finally:
        os.umask(old)
    assert _mode(tmp_path / "backup.sqlite") == 0o600


@posix_only
def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path: Path) -> None:
    kept = tmp_path / "kept.json"
    kept.write_text("old")
    kept.chmod(0o640)
    old = os.umask(0o022)
    try:
        write_atomically(kept, "new")
        write_atomically(tmp_path / "fresh.json", "new")
    finally:
        os.umask(old)
    assert _mode(kept) == 0o640
    assert _mode(tmp_path / "fresh.json") == 0o644


@posix_only
def test_a_link_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
