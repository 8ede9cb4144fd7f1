"""A SQLite workspace file's data stamp, read from its header with the standard library alone.

SQLite adds one to the header's file change counter (offset 24) whenever a write transaction
on the file commits in rollback-journal mode, whichever program made it (CostReady, its command
line, the sqlite3 shell). So the counter and the file size say whether anything was written
since a stamp was taken, across processes, without opening the database (`PRAGMA data_version`
only answers for one connection). In WAL mode the counter stands still, so such a file has no
stamp. See https://www.sqlite.org/fileformat.html#file_change_counter.
"""

from __future__ import annotations

import os
from pathlib import Path

HEADER = b"SQLite format 3\x00"
ROLLBACK_JOURNAL = 1  # header bytes 18 and 19, the file format write and read versions


def data_stamp(path: Path) -> tuple[int, int] | None:
    """(file change counter, size in bytes) of the SQLite file at `path`; None when the file
    is missing, unreadable, not SQLite, or in WAL mode (its counter does not move there)."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
            size = os.fstat(file.fileno()).st_size
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(HEADER):
        return None
    if header[18] != ROLLBACK_JOURNAL or header[19] != ROLLBACK_JOURNAL:
        return None
    return int.from_bytes(header[24:28], "big"), size
