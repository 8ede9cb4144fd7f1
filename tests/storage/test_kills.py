"""SIGKILL during imports, adoptions and the sample: no corrupt workspace, no half write, no loss.

The bounded form of bench/bench_kills.py (which kills hundreds of times)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.storage import kills

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_killed_writers_leave_the_workspace_whole(tmp_path: Path) -> None:
    outcome = kills.run(tmp_path, kills=4, seed=2026, max_delay=1.0)
    assert outcome.problems == []
    assert outcome.kills == 4


def test_the_check_sees_a_half_written_scenario(tmp_path: Path) -> None:
    import sqlite3

    kills.run(tmp_path, kills=0)  # one whole import
    path = tmp_path / "workspace.sqlite"
    before = kills.state(path)
    with sqlite3.connect(path) as db:  # what a write without a transaction could leave
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute("DELETE FROM cost_line WHERE id = (SELECT max(id) FROM cost_line)")
    found = kills.check(path, before)
    assert found and "not whole" in found[0]
