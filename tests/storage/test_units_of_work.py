"""Units of work: repositories sharing one transaction, rollback, and writers one at a time."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from costready.organisation import Organisation
from costready.storage import db
from costready.storage.errors import InvalidData, StorageError
from costready.storage.workspace import Workspace
from tests.storage.conftest import full_scenario, sqlite_url

# Repositories in one unit of work ---------------------------------------------------------


def test_repositories_share_the_unit_of_work(workspace: Workspace) -> None:
    with workspace.writing() as uow:
        org = uow.organisations.save(Organisation(name="Shared"))
        assert org.id is not None
        scenario_id = uow.scenarios.create(org.id, full_scenario())
        uow.settings.set(org.id, "page", "costs")
        # each repository sees what the others wrote before the commit
        assert uow.scenarios.get(scenario_id) == full_scenario()
        assert [s.id for s in uow.scenarios.summaries(org.id)] == [scenario_id]
        assert uow.settings.get(org.id, "page") == "costs"
    with workspace.reading() as uow:
        assert uow.organisations.all() == [org]
        assert uow.scenarios.summary(scenario_id).name == "Budget 2026-27"


def test_publishing_marks_the_scenario_adopted_in_the_same_unit(
    workspace: Workspace, org: Organisation
) -> None:
    from datetime import date
    from decimal import Decimal

    assert org.id is not None
    scenario_id = workspace.create_scenario(org.id, full_scenario())
    with workspace.writing() as uow:
        summary = uow.scenarios.mark_adopted(scenario_id)
        assert summary.adopted
        published = uow.price_lists.publish(
            summary, {"cafe": Decimal("9")}, date(2026, 4, 1), " Chair ", date(2026, 3, 1)
        )
    assert published.approved_by == "Chair"
    assert workspace.current_price_list(org.id, date(2026, 4, 1)) == published


def test_a_unit_that_raises_keeps_nothing(workspace: Workspace, org: Organisation) -> None:
    assert org.id is not None
    with pytest.raises(RuntimeError, match="second step"), workspace.writing() as uow:
        uow.organisations.save(replace(org, name="Renamed"))
        uow.scenarios.create(org.id, full_scenario())
        raise RuntimeError("the second step failed")
    assert workspace.organisation(org.id).name == org.name
    assert workspace.scenarios(org.id) == []


def test_refused_data_rolls_back_what_came_before(workspace: Workspace, org: Organisation) -> None:
    assert org.id is not None
    with pytest.raises(InvalidData), workspace.writing() as uow:
        uow.settings.set(org.id, "k", "written first")
        uow.organisations.save(Organisation(name=" "))  # no name: refused
    assert workspace.get_setting(org.id, "k", "nothing") == "nothing"


def test_missing_records_are_storage_errors_in_words(workspace: Workspace) -> None:
    with workspace.writing() as uow:
        with pytest.raises(StorageError, match="no organisation with id 9"):
            uow.organisations.lock(9)
        with pytest.raises(StorageError, match="no scenario with id 9"):
            uow.scenarios.summary(9)


def test_calls_inside_a_unit_of_work_join_it(workspace: Workspace, org: Organisation) -> None:
    assert org.id is not None
    with pytest.raises(RuntimeError), workspace.writing():
        workspace.set_setting(org.id, "k", "joined")  # part of the unit, not its own commit
        raise RuntimeError("undo it all")
    assert workspace.get_setting(org.id, "k") == ""


def test_a_write_cannot_join_a_reading_unit(workspace: Workspace, org: Organisation) -> None:
    assert org.id is not None
    with pytest.raises(RuntimeError, match="writing"), workspace.reading():
        workspace.set_setting(org.id, "k", "v")
    assert workspace.get_setting(org.id, "k") == ""


def test_another_thread_does_not_join_a_unit_of_work(
    workspace: Workspace, org: Organisation
) -> None:
    assert org.id is not None
    workspace.set_setting(org.id, "k", "old")
    seen: list[str] = []
    with workspace.writing() as uow:
        uow.settings.set(org.id, "k", "new")
        _in_thread(lambda: seen.append(workspace.get_setting(org.id, "k")))
    assert seen == ["old"]  # its own transaction: what is not committed yet is not seen
    assert workspace.get_setting(org.id, "k") == "new"


# BEGIN IMMEDIATE and the busy timeout ----------------------------------------------------


def _try_to_write(path: Path) -> str:
    """Whether another connection could take the write lock now ("free" or SQLite's words)."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return "free"
    except sqlite3.OperationalError as error:
        return str(error)
    finally:
        other.close()


def test_a_writing_unit_takes_the_write_lock_at_its_start(
    workspace: Workspace, db_path: Path
) -> None:
    with workspace.writing() as uow:
        uow.organisations.all()  # the transaction begins; nothing written yet
        assert _try_to_write(db_path) == "database is locked"
    assert _try_to_write(db_path) == "free"


def test_a_reading_unit_leaves_writers_free(workspace: Workspace, db_path: Path) -> None:
    with workspace.reading() as uow:
        uow.organisations.all()
        assert _try_to_write(db_path) == "free"


def test_a_writer_kept_waiting_too_long_gets_plain_words(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT", 0.05)
    with Workspace(sqlite_url(db_path)) as workspace:
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StorageError, match="another program is using the workspace"):
                workspace.set_setting(None, "k", "v")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert workspace.get_setting(None, "k") == ""


def _count_up(workspace: Workspace, times: int) -> None:
    """Read a counter and write it back one higher, `times` times, each in its own unit."""
    for _ in range(times):
        with workspace.writing() as uow:
            count = int(uow.settings.get(None, "count", "0"))
            uow.settings.set(None, "count", str(count + 1))


@pytest.mark.parametrize("shared", [True, False], ids=["one workspace", "two workspaces"])
def test_two_writers_take_turns_and_lose_no_update(db_path: Path, shared: bool) -> None:
    workspaces = [Workspace(sqlite_url(db_path))]
    workspaces.append(workspaces[0] if shared else Workspace(sqlite_url(db_path)))
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def writer(workspace: Workspace) -> None:
        start.wait()
        try:
            _count_up(workspace, 60)
        except BaseException as error:  # collected: a thread's exception would be lost
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(ws,)) for ws in workspaces]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        assert workspaces[0].get_setting(None, "count") == "120"
    finally:
        for workspace in workspaces:
            workspace.close()


def test_a_unit_of_work_holds_its_repositories(workspace: Workspace) -> None:
    with workspace.reading() as uow:
        assert not uow.write
        assert {uow.organisations.session, uow.scenarios.session, uow.settings.session} == {
            uow.session
        }


def _in_thread(work: Callable[[], None]) -> None:
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


@pytest.mark.parametrize(
    ("detail", "said"),
    [
        ("database is locked", "close it and try again"),
        ("canceling statement due to lock timeout", "try again in a moment"),
        ("file is not a database", "damaged"),
    ],
)
def test_database_errors_are_said_in_words_a_user_can_act_on(detail: str, said: str) -> None:
    from costready.storage.unit_of_work import plain_database_error

    assert said in plain_database_error(RuntimeError(detail))
