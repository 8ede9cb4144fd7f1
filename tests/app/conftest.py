"""Fixtures for the use-case tests: a fresh workspace, and a count of the units of work opened."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from costready.storage import workspace as workspace_module
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}") as ws:
        yield ws


@pytest.fixture
def units(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """ "read" or "write" for each unit of work (transaction) opened from now on."""
    opened: list[str] = []
    real_run = workspace_module.run

    @contextmanager
    def counted(sessions: object, *, write: bool) -> Iterator[UnitOfWork]:
        opened.append("write" if write else "read")
        with real_run(sessions, write=write) as unit:  # type: ignore[arg-type]
            yield unit

    monkeypatch.setattr(workspace_module, "run", counted)
    return opened
