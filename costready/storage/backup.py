"""Copies of a SQLite workspace file, taken before a migration changes it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path


def backup_path(path: Path, when: datetime | None = None) -> Path:
    """`<stem>.backup-<YYYYmmdd-HHMMSS>.sqlite` beside `path` (a counter added if it exists)."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.backup-{stamp}.sqlite")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.backup-{stamp}-{counter}.sqlite")
        counter += 1
    return candidate


def backup_sqlite(path: Path, when: datetime | None = None) -> Path:
    """Copy the database at `path` beside it and return the copy's path.

    SQLite's online backup copies a consistent database, including pages still in a WAL file,
    which a plain file copy could miss.
    """
    target = backup_path(path, when)
    with (
        closing(sqlite3.connect(path)) as source,
        closing(sqlite3.connect(target)) as destination,
    ):
        source.backup(destination)
    return target
