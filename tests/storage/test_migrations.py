"""Migrations: an empty database reaches head, an older file is backed up first, models match."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from costready.storage import migrate
from costready.storage.db import make_engine
from costready.storage.models import Base
from costready.storage.workspace import ENV_URL, StorageError, Workspace
from tests.storage.conftest import sqlite_url


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.backup-*.sqlite"))


def test_empty_database_reaches_head_with_every_table(db_path: Path) -> None:
    Workspace(sqlite_url(db_path)).close()
    engine = make_engine(sqlite_url(db_path))
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert _backups(db_path.parent) == []  # nothing existed, so nothing to back up


def test_migrated_schema_matches_the_models(db_path: Path) -> None:
    Workspace(sqlite_url(db_path)).close()
    engine = make_engine(sqlite_url(db_path))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_old_revision_is_backed_up_before_migrating(db_path: Path) -> None:
    Workspace(sqlite_url(db_path)).close()
    engine = make_engine(sqlite_url(db_path))
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    engine.dispose()
    with sqlite3.connect(db_path) as connection:  # a mark to find in the backup
        connection.execute("CREATE TABLE legacy_note (text TEXT)")
        connection.execute("INSERT INTO legacy_note VALUES ('kept')")
    connection.close()

    Workspace(sqlite_url(db_path)).close()

    backups = _backups(db_path.parent)
    assert len(backups) == 1
    assert backups[0].name.startswith("workspace.backup-")
    with sqlite3.connect(backups[0]) as backup:
        assert backup.execute("SELECT text FROM legacy_note").fetchall() == [("kept",)]
        assert (
            backup.execute("SELECT name FROM sqlite_master WHERE name = 'organisation'").fetchall()
            == []
        )
    backup.close()
    engine = make_engine(sqlite_url(db_path))
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_database_at_head_is_backed_up_once_a_day_not_on_every_open(db_path: Path) -> None:
    Workspace(sqlite_url(db_path)).close()  # new: nothing to back up
    assert _backups(db_path.parent) == []
    for _ in range(3):
        Workspace(sqlite_url(db_path)).close()
    assert len(_backups(db_path.parent)) == 1  # the day's first open of a workspace with content


def test_another_programs_alembic_database_is_not_a_costready_workspace(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a CostReady workspace") as caught:
        Workspace(sqlite_url(path))
    assert "newer version" not in str(caught.value)
    assert path.read_bytes() == before
    assert _backups(tmp_path) == []


def test_newer_schema_is_refused(db_path: Path) -> None:
    Workspace(sqlite_url(db_path)).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    with pytest.raises(StorageError, match="newer version"):
        Workspace(sqlite_url(db_path))


def test_migrations_do_not_need_the_current_directory(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with Workspace(sqlite_url(db_path)) as workspace:
        assert workspace.organisations() == []


def test_open_reads_the_environment_variable(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_URL, sqlite_url(db_path))
    with Workspace.open() as workspace:
        assert workspace.url == sqlite_url(db_path)
    assert db_path.exists()


def test_in_memory_database_works() -> None:
    with Workspace("sqlite://") as workspace:
        assert workspace.organisations() == []


def test_the_head_constant_names_the_newest_migration_script():
    # prepare() skips importing Alembic when a workspace is already at HEAD
    assert migrate.head_revision() == migrate.HEAD


def test_a_database_that_is_not_a_workspace_is_refused_untouched(tmp_path):
    import sqlite3

    from costready.storage.workspace import StorageError, Workspace

    path = tmp_path / "accounts.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY)")
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a CostReady workspace"):
        Workspace(f"sqlite:///{path}")
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.backup-*")) == []


def test_price_lists_survive_the_upgrade_to_kept_service_details(db_path: Path) -> None:
    from datetime import date
    from decimal import Decimal

    from costready.organisation import Organisation

    with Workspace(sqlite_url(db_path)) as ws:
        org = ws.save_organisation(Organisation(name="Hub"))
        engine = make_engine(sqlite_url(db_path))
        migrate.downgrade(engine, "0001")  # a workspace saved before revision 0002
        engine.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO price_list (organisation_id, scenario_id, scenario_name, effective_from,"
            " approved_by, approved_on, note, created_at) VALUES (?, NULL, 'Old', '2026-04-01',"
            " 'Trustees', '2026-03-01', '', '2026-03-01 10:00:00')",
            (org.id,),
        )
        connection.execute(
            "INSERT INTO price_list_entry (price_list_id, position, service_key, price)"
            " VALUES (1, 0, 'home-support', '25.00')"
        )
    connection.close()
    with Workspace(sqlite_url(db_path)) as ws:
        (old,) = ws.price_lists(org.id)
        assert old.prices == {"home-support": Decimal("25.00")}
        assert old.services == {}  # nothing was kept then; documents fall back
        assert ws.current_price_list(org.id, date(2026, 5, 1)) == old
    assert _backups(db_path.parent)


def test_posts_saved_before_0004_are_21_and_over_and_fixed(db_path: Path) -> None:
    from costready.costing.rules import AgeBand
    from costready.organisation import Organisation
    from tests.storage.conftest import full_scenario

    with Workspace(sqlite_url(db_path)) as ws:
        org = ws.save_organisation(Organisation(name="Hub"))
        scenario_id = ws.create_scenario(org.id, full_scenario())
        engine = make_engine(sqlite_url(db_path))
        migrate.downgrade(engine, "0002")  # a workspace saved before the two columns
        engine.dispose()
    with sqlite3.connect(db_path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(staff_post)")}
    connection.close()
    assert "age_band" not in columns and "paid_for_hours_worked" not in columns
    with Workspace(sqlite_url(db_path)) as ws:
        posts = ws.load_scenario(scenario_id).staff
    assert posts and all(p.age_band is AgeBand.AGED_21_AND_OVER for p in posts)
    assert not any(p.paid_for_hours_worked for p in posts)
