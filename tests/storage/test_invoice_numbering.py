"""Numbers allocated at issue, inside the one write: two processes issuing 500 invoices each
against one SQLite workspace get 1,000 unique numbers with no gaps."""

from __future__ import annotations

import os
from pathlib import Path

from tests.storage import invoice_numbering
from tests.storage.conftest import sqlite_url

#: invoices each process issues (COSTREADY_TEST_ISSUES to change it)
PER_PROCESS = int(os.environ.get("COSTREADY_TEST_ISSUES", "500"))


def test_two_processes_issue_unique_numbers_without_gaps(tmp_path: Path) -> None:
    outcomes = invoice_numbering.run(sqlite_url(tmp_path / "numbers.sqlite"), PER_PROCESS)
    assert [error for _numbers, error in outcomes] == [None, None]
    numbers = [number for found, _error in outcomes for number in found]
    expected = {f"INV-{n:04d}" for n in range(1, 2 * PER_PROCESS + 1)}
    assert len(numbers) == 2 * PER_PROCESS and set(numbers) == expected
    for found, _error in outcomes:  # each program saw its own numbers rise
        assert found == sorted(found)
    # both programs really interleaved (neither ran all its issues before the other began)
    first, second = (set(found) for found, _error in outcomes)
    assert max(first) > min(second) and max(second) > min(first)
