"""A workspace file's data stamp moves with every write, whoever writes, and only then."""

from __future__ import annotations

import sqlite3

from costready.organisation import Organisation
from costready.storage.stamp import data_stamp
from costready.storage.workspace import Workspace
from tests.storage.conftest import sqlite_url


def test_every_write_moves_the_stamp_and_reads_do_not(db_path):
    with Workspace(sqlite_url(db_path)) as ws:
        first = data_stamp(db_path)
        assert first is not None
        org = ws.save_organisation(Organisation(name="Alder Trust"))
        second = data_stamp(db_path)
        assert second is not None and second[0] > first[0]
        ws.organisations()
        ws.organisation(org.id)
        assert data_stamp(db_path) == second
        ws.set_setting(None, "anything", "1")
        assert data_stamp(db_path) != second


def test_another_program_moves_it_too(db_path):
    with Workspace(sqlite_url(db_path)) as ws:
        ws.save_organisation(Organisation(name="Alder Trust"))
    before = data_stamp(db_path)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE organisation SET name = 'Birch Trust'")
    connection.close()
    assert data_stamp(db_path) != before


def test_no_stamp_for_a_missing_file_junk_or_wal_mode(tmp_path, db_path):
    assert data_stamp(tmp_path / "missing.sqlite") is None
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert data_stamp(junk) is None
    with Workspace(sqlite_url(db_path)):
        pass
    assert data_stamp(db_path) is not None
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")  # its counter stands still
    connection.close()
    assert data_stamp(db_path) is None
