"""The start-up read (sqlite3 alone) sees exactly what the Workspace sees, or declines."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import Boolean, Date, DateTime

from costready.app.adoption import adopt
from costready.app.sample import install_sample
from costready.costing.price_lists import PublishedService
from costready.costing.scenarios import ScenarioSummary, start_scenario
from costready.organisation import Organisation, start_organisation
from costready.storage import migrate, quickread
from costready.storage.db import make_engine
from costready.storage.keys import LAST_ORGANISATION
from costready.storage.location import plain_sqlite_file
from costready.storage.models import Base
from costready.storage.types import DecimalString
from costready.storage.workspace import StorageError, Workspace
from tests.storage.conftest import full_scenario, sqlite_url


def _kind(column_type: object) -> object | None:
    if isinstance(column_type, DecimalString):
        return D
    if isinstance(column_type, DateTime):
        return quickread.datetime.fromisoformat
    if isinstance(column_type, Date):
        return quickread.date.fromisoformat
    if isinstance(column_type, Boolean):
        return bool
    return None


def test_column_types_match_the_orm_tables():
    """Every decimal, date, time and yes/no column of every table is read as its type."""
    expected = {
        table.name: {
            column.name: _kind(column.type)
            for column in table.columns
            if _kind(column.type) is not None
        }
        for table in Base.metadata.sorted_tables
    }
    assert expected == quickread.COLUMN_TYPES


@pytest.fixture
def filled(db_path: Path) -> tuple[str, dict[str, int]]:
    """A workspace with two organisations, one with a scenario using every field and two
    price lists (one in force, one coming), and the other shown last."""
    url = sqlite_url(db_path)
    with Workspace(url) as ws:
        sample_org, sample_scenario = install_sample(ws)
        org = ws.save_organisation(Organisation(name="Alder Trust", vat_registered=False))
        older = ws.create_scenario(org.id, full_scenario("Budget 2025-26"))
        newest = ws.create_scenario(org.id, full_scenario("Budget 2026-27"))
        adopt(ws, sample_scenario, date(2026, 4, 1), "Board", date(2026, 3, 1))
        published = {"cafe": PublishedService("Community café", "session", "Soup & <b>", "reduced")}
        ws.adopt_scenario(
            newest,
            {"cafe": D("12.50"), "home-support": D("27.05")},
            date(2026, 4, 1),
            "Trustees",
            date(2026, 3, 10),
            "Minute 4",
            published,
        )
        ws.adopt_scenario(
            newest, {"cafe": D("13.00")}, date(2027, 4, 1), "Trustees", date(2027, 3, 1)
        )
        ws.set_setting(None, LAST_ORGANISATION, str(org.id))
        ws.set_setting(org.id, "guide.step", "staff")
    ids = {
        "sample": sample_org,
        "org": org.id,
        "older": older,
        "newest": newest,
        "sample_scenario": sample_scenario,
    }
    return url, ids


def test_the_preview_reads_what_the_workspace_reads(filled):
    url, ids = filled
    preview = quickread.read_preview(url)
    assert preview is not None
    with Workspace(url) as ws:
        org_id = ids["org"]
        assert preview.organisation_id == org_id  # the one shown last
        assert preview.scenario_id == ids["newest"]  # its adopted scenario
        assert preview.organisations() == ws.organisations()
        assert preview.organisation(org_id) == ws.organisation(org_id)
        assert preview.scenarios(org_id) == ws.scenarios(org_id)
        assert preview.load_scenario(ids["newest"]) == ws.load_scenario(ids["newest"])
        assert preview.price_lists(org_id) == ws.price_lists(org_id)
        assert len(preview.price_lists(org_id)) == 2
        for day in (date(2026, 3, 31), date(2026, 4, 1), date(2026, 12, 1), date(2027, 5, 1)):
            assert preview.current_price_list(org_id, day) == ws.current_price_list(org_id, day)
        assert preview.get_setting(org_id, "guide.step") == "staff"
        assert preview.get_setting(org_id, "missing", "dflt") == "dflt"


def test_the_sample_organisation_reads_the_same_both_ways(db_path):
    url = sqlite_url(db_path)
    with Workspace(url) as ws:
        org_id, scenario_id = install_sample(ws)
        expected = ws.load_scenario(scenario_id)
    preview = quickread.read_preview(url)
    assert preview is not None
    assert (preview.organisation_id, preview.scenario_id) == (org_id, scenario_id)
    assert preview.scenario == expected


def test_reading_the_preview_leaves_the_file_untouched(filled):
    url, _ids = filled
    path = plain_sqlite_file(url)
    assert path is not None
    before = path.read_bytes()
    assert quickread.read_preview(url) is not None
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*-journal")) and not list(path.parent.glob("*-wal"))


def test_the_preview_refuses_writes_and_other_scenarios(filled):
    url, ids = filled
    preview = quickread.read_preview(url)
    assert preview is not None
    with pytest.raises(StorageError, match="still opening"):
        preview.save_scenario(ids["newest"], full_scenario())
    with pytest.raises(StorageError, match="still opening"):
        preview.set_setting(None, "anything", "1")
    with pytest.raises(StorageError, match="still opening"):
        preview.load_scenario(ids["older"])
    with pytest.raises(StorageError, match="still opening"):
        preview.price_lists(ids["sample"])


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://user@localhost/costready",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///file:workspace.sqlite?mode=ro&uri=true",
        "sqlite+pysqlite:///workspace.sqlite",
    ],
)
def test_other_databases_take_the_ordinary_way_in(url):
    assert quickread.read_preview(url) is None


def test_no_preview_without_a_file_an_organisation_or_a_scenario(tmp_path):
    missing = tmp_path / "missing.sqlite"
    assert quickread.read_preview(sqlite_url(missing)) is None
    assert not missing.exists()  # the read never creates a file
    empty = tmp_path / "empty.sqlite"
    with Workspace(sqlite_url(empty)) as ws:
        assert quickread.read_preview(sqlite_url(empty)) is None  # no organisation yet
        ws.save_organisation(Organisation(name="New Start"))
    assert quickread.read_preview(sqlite_url(empty)) is None  # no scenario yet


def test_no_preview_of_another_schema_or_a_file_that_is_not_a_workspace(filled, tmp_path):
    url, _ids = filled
    engine = make_engine(url)
    migrate.downgrade(engine, "0001")  # saved by an older CostReady: migrate first
    engine.dispose()
    assert quickread.read_preview(url) is None

    foreign = tmp_path / "accounts.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY)")
    connection.close()
    assert quickread.read_preview(sqlite_url(foreign)) is None

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert quickread.read_preview(sqlite_url(junk)) is None


def test_a_damaged_row_means_no_preview_rather_than_an_error(filled):
    url, ids = filled
    path = plain_sqlite_file(url)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE staff_post SET fte = 'lots' WHERE scenario_id = ?", (ids["newest"],)
        )
    connection.close()
    assert quickread.read_preview(url) is None


def test_the_organisation_shown_first():
    orgs = [Organisation(id=3, name="Alder"), Organisation(id=1, name="Birch")]
    assert start_organisation(orgs, "1") == 1
    assert start_organisation(orgs, "9") == 3  # gone: the first
    assert start_organisation(orgs, "") == 3
    assert start_organisation([], "1") is None


def test_the_scenario_shown_first():
    def summary(id_: int, start: date, adopted: bool = False) -> ScenarioSummary:
        return ScenarioSummary(
            id_, 1, f"S{id_}", start, start.replace(year=start.year + 1), adopted
        )

    later, earlier = summary(1, date(2027, 4, 1)), summary(2, date(2026, 4, 1))
    assert start_scenario([earlier, later]) == 1  # the latest period
    assert start_scenario([summary(2, date(2026, 4, 1), True), later]) == 2
    assert start_scenario([]) is None


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:////data/w.sqlite", Path("/data/w.sqlite")),
        ("sqlite:///w.sqlite", Path("w.sqlite")),
        ("sqlite:////data/my%20hub.sqlite", Path("/data/my hub.sqlite")),
        ("sqlite:///w.sqlite?timeout=5", None),
        ("mysql://host/db", None),
    ],
)
def test_plain_sqlite_file(url, path):
    assert plain_sqlite_file(url) == path


def test_the_start_up_read_does_not_import_sqlalchemy():
    code = (
        "import sys, costready.storage.quickread\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_folder_that_cannot_be_read_means_no_preview(filled, monkeypatch):
    url, _ids = filled

    def refused(_path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_file", refused)
    assert quickread.read_preview(url) is None


def test_an_unknown_organisation_is_refused_in_words(filled):
    url, _ids = filled
    preview = quickread.read_preview(url)
    assert preview is not None
    with pytest.raises(StorageError, match="still opening"):
        preview.organisation(999)


def test_the_preview_knows_when_the_workspace_reads_differently(filled):
    url, ids = filled
    preview = quickread.read_preview(url)
    assert preview is not None
    preview.get_setting(ids["org"], "guide.step")  # a screen asked for it
    with Workspace(url) as ws:
        assert preview.reads_the_same_as(ws)
        ws.set_setting(ids["org"], "guide.step", "review")
        assert not preview.reads_the_same_as(ws)
        ws.set_setting(ids["org"], "guide.step", "staff")
        assert preview.reads_the_same_as(ws)
        ws.adopt_scenario(
            ids["newest"], {"cafe": D("14.00")}, date(2028, 4, 1), "Trustees", date(2028, 3, 1)
        )
        assert not preview.reads_the_same_as(ws)
