"""The first screen's snapshot: read back exactly as the Workspace reads, or not at all."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from costready.app import snapshot
from costready.app.adoption import adopt
from costready.app.sample import install_sample
from costready.app.snapshot import FirstScreen, StillOpening, read_first_screen, write_snapshot
from costready.costing.price_lists import PublishedService
from costready.costing.scenarios import ScenarioSummary, start_scenario
from costready.organisation import LegalForm, Organisation, start_organisation
from costready.storage import migrate
from costready.storage.db import make_engine
from costready.storage.keys import LAST_ORGANISATION
from costready.storage.location import plain_sqlite_file
from costready.storage.workspace import Workspace
from tests.storage.conftest import full_scenario, sqlite_url

#: the real one, before the fixture below points snapshots at each test's own folder
USER_FOLDER = snapshot.snapshot_folder


@pytest.mark.parametrize("xdg", [None, "/var/tmp/cache-of-mine"])
def test_snapshots_live_in_the_folder_platformdirs_names(monkeypatch, xdg):
    import platformdirs

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    expected = Path(platformdirs.user_cache_dir("CostReady", appauthor=False)) / "first-screen"
    assert USER_FOLDER() == expected


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch) -> Path:
    """Snapshots go to the test's own folder, not the user's cache."""
    folder = tmp_path / "first-screen"
    monkeypatch.setattr(snapshot, "snapshot_folder", lambda: folder)
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite"


@pytest.fixture
def filled(db_path: Path) -> tuple[str, dict[str, int]]:
    """A workspace with two organisations, one with a scenario using every field and two
    price lists (one in force, one coming), and the other shown last; snapshotted."""
    url = sqlite_url(db_path)
    with Workspace(url) as ws:
        sample_org, sample_scenario = install_sample(ws)
        org = ws.save_organisation(
            Organisation(
                name="Alder Trust",
                legal_form=LegalForm.CIC,
                vat_registered=True,
                financial_year_start=date(2026, 1, 1),
            )
        )
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
        assert write_snapshot(ws) is not None
    ids = {
        "sample": sample_org,
        "org": org.id,
        "older": older,
        "newest": newest,
        "sample_scenario": sample_scenario,
    }
    return url, ids


def test_the_snapshot_reads_what_the_workspace_reads(filled):
    url, ids = filled
    first = read_first_screen(url)
    assert first is not None
    with Workspace(url) as ws:
        org_id = ids["org"]
        assert first.organisation_id == org_id  # the one shown last
        assert first.scenario_id == ids["newest"]  # its adopted scenario
        assert first.organisations() == ws.organisations()
        assert first.organisation(org_id) == ws.organisation(org_id)
        assert first.organisation(ids["sample"]) == ws.organisation(ids["sample"])
        assert first.scenarios(org_id) == ws.scenarios(org_id)
        assert first.load_scenario(ids["newest"]) == ws.load_scenario(ids["newest"])
        assert first.price_lists(org_id) == ws.price_lists(org_id)
        assert len(first.price_lists(org_id)) == 2
        for day in (date(2026, 3, 31), date(2026, 4, 1), date(2026, 12, 1), date(2027, 5, 1)):
            assert first.current_price_list(org_id, day) == ws.current_price_list(org_id, day)
        assert first.get_setting(org_id, "guide.step") == "staff"
        assert first.get_setting(None, LAST_ORGANISATION) == str(org_id)
        assert first.get_setting(org_id, "missing", "dflt") == "dflt"


def test_the_sample_organisation_reads_the_same_both_ways(db_path):
    url = sqlite_url(db_path)
    with Workspace(url) as ws:
        org_id, scenario_id = install_sample(ws)
        expected = ws.load_scenario(scenario_id)
        write_snapshot(ws)
    first = read_first_screen(url)
    assert first is not None
    assert (first.organisation_id, first.scenario_id) == (org_id, scenario_id)
    assert first.scenario == expected


def test_reading_the_snapshot_leaves_the_workspace_file_untouched(filled):
    url, _ids = filled
    path = plain_sqlite_file(url)
    assert path is not None
    before = path.read_bytes()
    assert read_first_screen(url) is not None
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*-journal")) and not list(path.parent.glob("*-wal"))


def test_the_snapshot_answers_only_for_what_it_holds(filled):
    url, ids = filled
    first = read_first_screen(url)
    assert first is not None
    with pytest.raises(StillOpening, match="still opening"):
        first.load_scenario(ids["older"])
    with pytest.raises(StillOpening, match="still opening"):
        first.price_lists(ids["sample"])
    with pytest.raises(StillOpening, match="still opening"):
        first.organisation(999)
    with pytest.raises(StillOpening, match="still opening"):
        first.get_setting(ids["sample"], "guide.step")
    assert not hasattr(first, "save_scenario")  # read-only: writes wait for the workspace


def test_any_write_by_any_program_makes_the_snapshot_stale(filled):
    url, ids = filled
    first = read_first_screen(url)
    assert first is not None and first.is_current()
    with Workspace(url) as ws:
        ws.set_setting(ids["org"], "guide.step", "review")
    assert not first.is_current()
    assert read_first_screen(url) is None
    with Workspace(url) as ws:
        write_snapshot(ws)
    assert read_first_screen(url).get_setting(ids["org"], "guide.step") == "review"

    path = plain_sqlite_file(url)
    with sqlite3.connect(path) as connection:  # not CostReady at all
        connection.execute("UPDATE setting SET value = 'staff' WHERE key = 'guide.step'")
    connection.close()
    assert read_first_screen(url) is None


def test_reading_alone_keeps_the_snapshot_current(filled):
    url, ids = filled
    with Workspace(url) as ws:
        ws.load_scenario(ids["older"])
        ws.organisations()
    assert read_first_screen(url) is not None


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
    assert read_first_screen(url) is None


def test_an_in_memory_workspace_has_no_snapshot(folder):
    with Workspace("sqlite://") as ws:
        install_sample(ws)
        assert write_snapshot(ws) is None
    assert not folder.exists()


def test_no_snapshot_without_a_file_an_organisation_or_a_scenario(tmp_path, folder):
    missing = tmp_path / "missing.sqlite"
    assert read_first_screen(sqlite_url(missing)) is None
    assert not missing.exists()  # the read never creates a file
    empty = tmp_path / "empty.sqlite"
    with Workspace(sqlite_url(empty)) as ws:
        assert write_snapshot(ws) is None  # no organisation yet
        ws.save_organisation(Organisation(name="New Start"))
        assert write_snapshot(ws) is None  # no scenario yet
    assert read_first_screen(sqlite_url(empty)) is None
    assert not list(folder.glob("*.json"))


def test_no_snapshot_of_another_schema_or_a_file_that_is_not_a_workspace(filled, tmp_path):
    url, _ids = filled
    engine = make_engine(url)
    migrate.downgrade(engine, "0001")  # saved by an older CostReady: migrate first
    engine.dispose()
    assert read_first_screen(url) is None

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert read_first_screen(sqlite_url(junk)) is None


def test_a_snapshot_of_another_revision_or_version_is_not_taken(filled, monkeypatch):
    url, _ids = filled
    monkeypatch.setattr(snapshot, "HEAD", "0999")  # a revision this version does not know
    assert read_first_screen(url) is None
    monkeypatch.undo()
    monkeypatch.setattr(snapshot, "snapshot_folder", snapshot.snapshot_folder)
    monkeypatch.setattr(snapshot, "__version__", "99.0")
    assert read_first_screen(url) is None


def test_a_damaged_snapshot_is_ignored(filled):
    url, _ids = filled
    path = plain_sqlite_file(url)
    assert path is not None
    file = snapshot.snapshot_file(path)
    data = json.loads(file.read_text(encoding="utf-8"))
    data["scenario"]["services"][0]["price_rounding"] = "lots"
    file.write_text(json.dumps(data), encoding="utf-8")
    assert read_first_screen(url) is None
    del data["scenario"]["services"][0]["price_rounding"]  # a field this version expects
    file.write_text(json.dumps(data), encoding="utf-8")
    assert read_first_screen(url) is None
    file.write_text("{not json", encoding="utf-8")
    assert read_first_screen(url) is None


def test_a_snapshot_of_another_file_is_not_taken(filled, tmp_path):
    url, _ids = filled
    path = plain_sqlite_file(url)
    assert path is not None
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(path.read_bytes())  # the same stamp, another file: no snapshot of it
    assert read_first_screen(sqlite_url(copy)) is None


def test_a_wal_mode_file_has_no_snapshot(filled):
    url, _ids = filled
    path = plain_sqlite_file(url)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
    connection.close()
    assert read_first_screen(url) is None


def test_the_start_up_read_does_not_import_sqlalchemy(filled, folder):
    url, _ids = filled
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from costready.app import snapshot\n"
        f"snapshot.snapshot_folder = lambda: Path({str(folder)!r})\n"
        f"assert snapshot.read_first_screen({url!r}) is not None\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_folder_that_cannot_be_read_means_no_snapshot(filled, monkeypatch):
    url, _ids = filled

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_text", refused)
    assert read_first_screen(url) is None


def test_a_snapshot_that_cannot_be_written_is_no_error(filled, folder):
    url, _ids = filled
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    folder.rmdir()
    folder.write_text("a file where the folder should be", encoding="utf-8")
    with Workspace(url) as ws:
        assert write_snapshot(ws) is None
    assert read_first_screen(url) is None


def test_only_the_newest_snapshots_are_kept(tmp_path, folder, monkeypatch):
    monkeypatch.setattr(snapshot, "KEEP", 2)
    for name in ("a", "b", "c"):
        with Workspace(sqlite_url(tmp_path / f"{name}.sqlite")) as ws:
            install_sample(ws)
            write_snapshot(ws)
    assert len(list(folder.glob("*.json"))) == 2
    assert read_first_screen(sqlite_url(tmp_path / "c.sqlite")) is not None


def test_the_first_screen_and_the_workspace_answer_every_read():
    """mypy holds both to WorkspaceReader; this says no read is missing at run time either."""
    from costready.app.reading import WorkspaceReader

    reads = [name for name in vars(WorkspaceReader) if not name.startswith("_")]
    assert "load_scenario" in reads and "get_setting" in reads
    for kind in (FirstScreen, Workspace):
        assert [name for name in reads if not callable(getattr(kind, name, None))] == []


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
