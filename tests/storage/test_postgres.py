"""The same workspace on PostgreSQL, when a server is given in COSTREADY_TEST_POSTGRES_URL.

The test empties that database's CostReady tables first and last, so point it at a scratch
database (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/costready_test).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from costready.organisation import Organisation
from costready.storage import migrate
from costready.storage.db import BUSY_TIMEOUT, make_engine
from costready.storage.workspace import StorageError, Workspace
from tests.storage.conftest import full_scenario

URL = os.environ.get("COSTREADY_TEST_POSTGRES_URL", "")

pytestmark = pytest.mark.skipif(
    not URL, reason="set COSTREADY_TEST_POSTGRES_URL to test PostgreSQL"
)


def _empty() -> None:
    engine = make_engine(URL)
    try:
        migrate.downgrade(engine, "base")
    finally:
        engine.dispose()


@pytest.fixture
def pg_workspace() -> Iterator[Workspace]:
    _empty()
    workspace = Workspace(URL)
    yield workspace
    workspace.close()
    _empty()


def test_round_trip_price_lists_and_delete_on_postgres(pg_workspace: Workspace) -> None:
    org = pg_workspace.save_organisation(Organisation(name="Postgres CIC"))
    scenario = full_scenario()
    scenario_id = pg_workspace.create_scenario(org.id, scenario)
    assert pg_workspace.load_scenario(scenario_id) == scenario
    edited = replace(scenario, costs=scenario.costs[:2])
    pg_workspace.save_scenario(scenario_id, edited)
    assert pg_workspace.load_scenario(scenario_id) == edited

    pg_workspace.adopt_scenario(
        scenario_id, {"cafe": Decimal("9.50")}, date(2026, 4, 1), "Chair", date(2026, 3, 1)
    )
    current = pg_workspace.current_price_list(org.id, date(2026, 5, 1))
    assert current is not None and current.prices == {"cafe": Decimal("9.50")}
    assert pg_workspace.scenarios(org.id)[0].adopted

    pg_workspace.set_setting(None, "k", "v")
    assert pg_workspace.get_setting(None, "k") == "v"
    pg_workspace.delete_organisation(org.id)
    assert pg_workspace.organisations() == []
    with pytest.raises(StorageError):
        pg_workspace.load_scenario(scenario_id)


def test_a_locked_organisation_keeps_another_writer_out(pg_workspace: Workspace) -> None:
    org = pg_workspace.save_organisation(Organisation(name="Locked CIC"))
    assert org.id is not None
    with Workspace(URL) as other, pg_workspace.writing() as uow:
        uow.organisations.lock(org.id)
        with pytest.raises(StorageError, match="try again in a moment"), other.writing() as second:
            # waits for the row, here no longer than this
            second.session.execute(text("SET LOCAL lock_timeout = '200ms'"))
            second.organisations.lock(org.id)
        assert other.organisation(org.id) == org  # reading is not kept out


def test_writers_locking_the_organisation_lose_no_update(pg_workspace: Workspace) -> None:
    org = pg_workspace.save_organisation(Organisation(name="Counting CIC"))
    assert org.id is not None
    pg_workspace.set_setting(org.id, "count", "0")
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def count_up(workspace: Workspace) -> None:
        start.wait()
        try:
            for _ in range(40):
                with workspace.writing() as uow:
                    uow.organisations.lock(org.id)
                    count = int(uow.settings.get(org.id, "count", "0"))
                    uow.settings.set(org.id, "count", str(count + 1))
        except BaseException as error:  # collected: a thread's exception would be lost
            errors.append(error)

    with Workspace(URL) as other:
        threads = [threading.Thread(target=count_up, args=(ws,)) for ws in (pg_workspace, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert pg_workspace.get_setting(org.id, "count") == "80"


def test_a_writer_waits_for_a_locked_row_no_longer_than_the_busy_timeout() -> None:
    # PostgreSQL's own default is to wait for ever: a window would hang
    engine = make_engine(URL)
    try:
        with engine.connect() as connection:
            waited = connection.execute(text("SHOW lock_timeout")).scalar_one()
    finally:
        engine.dispose()
    assert waited == f"{int(BUSY_TIMEOUT)}s"
