"""Two writers on one workspace: nothing overwritten silently, names unique, no "locked".

Each test runs on SQLite and, when COSTREADY_TEST_POSTGRES_URL names a scratch database, on
PostgreSQL too. Two `Workspace` objects on one database stand for two windows (or a window and
the command line); the last test runs two real processes.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import insert

from costready.app.model_files import (
    ServicesWouldChange,
    import_model,
    service_changes,
)
from costready.costing.model import CostingModel
from costready.costing.rules import AgeBand
from costready.organisation import Organisation
from costready.storage import migrate
from costready.storage.db import make_engine
from costready.storage.errors import NameTaken, StaleRecord, StorageError
from costready.storage.models import OrganisationRow
from costready.storage.workspace import Workspace
from tests.storage import two_writers
from tests.storage.conftest import full_scenario, sqlite_url

POSTGRES = os.environ.get("COSTREADY_TEST_POSTGRES_URL", "")
#: rounds of the two-process run in the suite (bench/bench_two_writers.py runs 50 and more)
ROUNDS = int(os.environ.get("COSTREADY_TEST_WRITER_ROUNDS", "6"))


def _empty_postgres() -> None:
    engine = make_engine(POSTGRES)
    try:
        migrate.downgrade(engine, "base")
    finally:
        engine.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(
                not POSTGRES, reason="set COSTREADY_TEST_POSTGRES_URL to test PostgreSQL"
            ),
        ),
    ]
)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "shared.sqlite")
        return
    _empty_postgres()
    yield POSTGRES
    _empty_postgres()


@pytest.fixture
def window(url: str) -> Iterator[Workspace]:
    with Workspace(url) as workspace:
        yield workspace


@pytest.fixture
def other(url: str, window: Workspace) -> Iterator[Workspace]:
    """Another program on the same workspace (opened after `window` made the schema)."""
    with Workspace(url) as workspace:
        yield workspace


# Version checks ----------------------------------------------------------------------------


def test_the_second_of_two_editors_is_refused_and_the_first_edit_kept(
    window: Workspace, other: Workspace
) -> None:
    org = window.save_organisation(Organisation(name="Two Editors CIC"))
    assert org.id is not None
    scenario_id = window.create_scenario(org.id, full_scenario())
    mine, theirs = window.load_scenario(scenario_id), other.load_scenario(scenario_id)
    assert mine.version == theirs.version == 1

    theirs_saved = other.save_scenario(scenario_id, replace(theirs, costs=theirs.costs[:1]))
    with pytest.raises(StaleRecord) as refused:
        window.save_scenario(scenario_id, replace(mine, tax_year="2027-28"))

    message = str(refused.value)
    assert "the scenario “Budget 2026-27”" in message and "was changed" in message
    assert refused.value.changed_at is not None  # when, in the message's words
    stored = window.load_scenario(scenario_id)
    assert stored.costs == theirs.costs[:1] and stored.tax_year == "2026-27"  # theirs kept
    assert stored.version == theirs_saved == 2
    assert window.save_scenario(scenario_id, replace(stored, tax_year="2027-28")) == 3


def test_an_import_changing_a_service_is_noticed_by_a_window_holding_another_scenario(
    window: Workspace, other: Workspace, example_model: CostingModel
) -> None:
    org_id, scenario_id = import_model(window, example_model)
    shown = window.load_scenario(scenario_id)  # the window's copy
    first = example_model.scenario.services[0]
    changed = replace(first, unit="visit", description="A visit at home.")
    model = replace(
        example_model,
        scenario=replace(
            example_model.scenario,
            name="Imported",
            services=(changed, *example_model.scenario.services[1:]),
        ),
    )

    with pytest.raises(ServicesWouldChange) as asked:  # the import says what it touches first
        import_model(other, model, org_id)
    (change,) = asked.value.changes
    assert change.service_id == first.id and change.scenarios == ("Budget 2026-27",)
    assert ("unit", first.unit, "visit") in change.changes
    assert "“Budget 2026-27”" in asked.value.problems[0].message
    assert asked.value.problems[0].path == "$.services[0]"
    assert len(window.scenarios(org_id)) == 1  # nothing written
    assert service_changes(other, model, org_id) == asked.value.changes

    import_model(other, model, org_id, update_services=True)

    costs = tuple(replace(c, annual_amount=c.annual_amount + 1) for c in shown.costs)
    with pytest.raises(StaleRecord, match="the scenario “Budget 2026-27”"):
        window.save_scenario(scenario_id, replace(shown, costs=costs))  # would write "hour" back
    reloaded = window.load_scenario(scenario_id)
    assert reloaded.service(first.id).unit == "visit"
    window.save_scenario(scenario_id, replace(reloaded, costs=costs))
    assert window.load_scenario(scenario_id).service(first.id).unit == "visit"


def test_an_import_with_the_same_services_needs_no_leave(
    window: Workspace, example_model: CostingModel
) -> None:
    org_id, _first = import_model(window, example_model)
    assert service_changes(window, example_model, org_id) == []
    import_model(window, example_model, org_id)
    assert len(window.scenarios(org_id)) == 2


def test_a_stale_organisation_is_refused_by_name(window: Workspace, other: Workspace) -> None:
    org = window.save_organisation(Organisation(name="Profile CIC"))
    other.save_organisation(replace(other.organisation(org.id or 0), address="1 High Street"))
    with pytest.raises(StaleRecord, match="the organisation “Profile CIC” was changed"):
        window.save_organisation(replace(org, vat_registered=True, vat_number="GB980780684"))
    stored = window.organisation(org.id or 0)
    assert stored.address == "1 High Street" and not stored.vat_registered
    assert stored.version == 2
    unchanged = window.save_organisation(stored)  # nothing changed: no new version
    assert unchanged.version == 2


# Names -------------------------------------------------------------------------------------


def test_organisation_names_are_unique_in_any_case(window: Workspace) -> None:
    window.save_organisation(Organisation(name="Riverside Hub"))
    second = window.save_organisation(Organisation(name="Hill Hub"))
    for attempt in (Organisation(name="riverside hub"), replace(second, name="Riverside Hub")):
        with pytest.raises(NameTaken) as refused:
            window.save_organisation(attempt)
        assert refused.value.problems[0].path == "name"
        assert "already has an organisation called “" in str(refused.value)
    assert sorted(o.name for o in window.organisations()) == ["Hill Hub", "Riverside Hub"]


def test_the_database_itself_refuses_a_second_organisation_of_a_name(window: Workspace) -> None:
    window.save_organisation(Organisation(name="Riverside Hub"))
    fields = {"legal_form": "cio", "financial_year_start": Organisation("x").financial_year_start}
    with pytest.raises(StorageError, match="conflicts"), window.writing() as uow:
        # what a second writer's INSERT meets when the app's own check ran before the first
        # committed: the unique index
        uow.session.execute(insert(OrganisationRow).values(name="Riverside Hub", **fields))
    assert len(window.organisations()) == 1


def test_imports_number_organisations_apart(
    window: Workspace, other: Workspace, example_model: CostingModel
) -> None:
    import_model(window, example_model)
    import_model(other, example_model)
    names = sorted(org.name for org in window.organisations())
    assert names == ["Example Community Hub", "Example Community Hub (2)"]


# The data version --------------------------------------------------------------------------


def test_the_data_version_moves_on_every_write_and_tells_others_writes_apart(
    window: Workspace, other: Workspace
) -> None:
    seen = window.data_version()
    org = window.save_organisation(Organisation(name="Counted CIC"))
    assert org.id is not None
    window.set_setting(org.id, "page", "costs")
    assert window.data_version() == seen + 2
    window.organisations()  # reading moves nothing
    assert window.data_version() == seen + 2
    assert not window.changed_elsewhere(seen)  # only its own writes
    assert other.changed_elsewhere(seen)

    other.set_setting(org.id, "page", "staff")
    assert window.changed_elsewhere(seen)
    assert window.data_version() == other.data_version() == seen + 3
    with window.reading() as uow:  # also readable inside a unit of work, as it sees it
        assert uow.data_version() == seen + 3


def test_a_refused_write_leaves_the_data_version(window: Workspace) -> None:
    seen = window.data_version()
    with pytest.raises(ValueError):
        window.save_organisation(Organisation(name=""))
    assert window.data_version() == seen


# Migration ---------------------------------------------------------------------------------


def test_upgrading_numbers_duplicate_names_and_starts_every_version_at_one(
    db_path: Path,
) -> None:
    url = sqlite_url(db_path)
    with Workspace(url) as workspace:
        org = workspace.save_organisation(Organisation(name="Hub"))
        assert org.id is not None
        scenario_id = workspace.create_scenario(org.id, full_scenario())
    engine = make_engine(url)
    migrate.downgrade(engine, "0002")
    engine.dispose()
    with sqlite3.connect(db_path) as connection:  # what two imports at once could leave
        for _ in range(2):
            connection.execute(
                "INSERT INTO organisation (name, legal_form, registered_charity, charity_number,"
                " company_number, address, vat_registered, vat_number, financial_year_start,"
                " locale) VALUES ('Hub', 'cio', 0, '', '', '', 0, '', '2026-04-01', 'en_GB')"
            )
    connection.close()

    with Workspace(url) as workspace:
        assert [o.name for o in workspace.organisations()] == ["Hub", "Hub (2)", "Hub (3)"]
        assert workspace.organisation(org.id).version == 1
        scenario = workspace.load_scenario(scenario_id)
        # nothing else changed but the columns of revisions after 0002, back at their defaults
        before = full_scenario()
        posts = tuple(
            dataclasses.replace(post, age_band=AgeBand.default(), paid_for_hours_worked=False)
            for post in before.staff
        )
        assert scenario.version == 1 and scenario == dataclasses.replace(before, staff=posts)
        assert workspace.data_version() == 0
        workspace.save_scenario(scenario_id, scenario)
        assert workspace.data_version() == 1


# Two processes -----------------------------------------------------------------------------


def test_two_processes_lose_no_update_and_make_no_duplicate(url: str) -> None:
    """Concurrent import, adopt and edit in two processes (see tests/storage/two_writers.py):
    every edit kept, every organisation named apart, no "locked" within the busy timeout."""
    outcomes, held = two_writers.run(url, ROUNDS)
    assert two_writers.problems(outcomes, held, ROUNDS) == []
    assert held["rent_added"] == Decimal(2 * ROUNDS)
    # each write waited its turn, well within the 5 s busy timeout
    assert max(outcome.slowest_write for outcome in outcomes) < 5


def test_a_name_taken_between_the_check_and_the_insert_is_numbered_apart(
    window: Workspace, example_model: CostingModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What two imports at once on PostgreSQL meet: both checked the name before either
    committed, so the second's INSERT hits the unique index; only that INSERT is undone and the
    import carries on under the next number."""
    from costready.storage.repositories.organisations import OrganisationRepository

    import_model(window, example_model)
    monkeypatch.setattr(OrganisationRepository, "name_taken", lambda *_args, **_kw: False)
    org_id, scenario_id = import_model(window, example_model)
    assert window.organisation(org_id).name == "Example Community Hub (2)"
    assert window.load_scenario(scenario_id) == example_model.scenario
    with pytest.raises(NameTaken):
        window.save_organisation(Organisation(name="Example Community Hub"))
