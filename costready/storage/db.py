"""Engines and sessions: SQLite with foreign keys and real transactions, or any SQLAlchemy URL."""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from costready.files import PRIVATE

#: Seconds a writer waits for another to finish before SQLite gives up ("database is locked"),
#: or for a row another program has locked before PostgreSQL does ("lock timeout"): pysqlite's
#: own default, made explicit: long enough for any save, short enough for a window.
BUSY_TIMEOUT = 5.0

#: The execution option naming the kind of BEGIN a SQLite transaction starts with.
BEGIN_OPTION = "costready_sqlite_begin"


def is_sqlite(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL, or None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or parsed.query.get("mode") == "memory":
        return None
    if database.startswith("file:"):
        database = database[len("file:") :].split("?", 1)[0]
    return Path(database)


def make_engine(url: str | URL) -> Engine:
    """An engine for `url`; on SQLite, foreign keys on and BEGIN issued by us (see below).

    A new SQLite file is made private (0600) before SQLite creates it: a workspace holds an
    organisation's pay and finances. Its journal and WAL files take the file's permissions.
    """
    kwargs: dict[str, Any] = {}
    if is_sqlite(url):
        _create_private(url)
        # pysqlite's timeout is SQLite's busy handler: a writer waits its turn rather than failing.
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT}
        if sqlite_path(url) is None:
            # One shared connection, or every session would see its own empty in-memory database.
            kwargs.update(poolclass=StaticPool)
            kwargs["connect_args"]["check_same_thread"] = False
    elif make_url(url).get_backend_name() == "postgresql":
        # PostgreSQL waits for a locked row for ever by default: a window would hang while
        # another program held an organisation (libpq's options reach the server's settings)
        kwargs["connect_args"] = {"options": f"-c lock_timeout={int(BUSY_TIMEOUT * 1000)}"}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _make_sqlite_transactional(engine)
    return engine


def _create_private(url: str | URL) -> None:
    """Create the SQLite file of `url`, empty and 0600, if it does not exist yet."""
    path = sqlite_path(url)
    if path is None or make_url(url).query.get("mode") == "ro" or not path.parent.is_dir():
        return  # nothing to create, or SQLite says why it cannot open the file
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))


def writer(engine: Engine) -> Engine:
    """The same engine (same pool), whose transactions on SQLite start with BEGIN IMMEDIATE.

    IMMEDIATE takes the write lock at the start, waiting up to BUSY_TIMEOUT for another writer
    to finish; a deferred transaction that reads and then writes may instead fail at once
    ("database is locked") or write over what another writer saved since it read.
    """
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})


def reader(engine: Engine) -> Engine:
    """The same engine, whose transactions read one snapshot of the database on PostgreSQL.

    PostgreSQL's default (READ COMMITTED) gives each statement its own snapshot, so a scenario
    loaded in several statements while another program saves it could mix old rows with new
    ones; REPEATABLE READ makes every statement of a reading unit of work see the same
    committed state (a read-only transaction is never refused for it). A SQLite read
    transaction is one snapshot already.
    """
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ")
    return engine


def _make_sqlite_transactional(engine: Engine) -> None:
    """Foreign keys on, and a real BEGIN at the start of every transaction.

    pysqlite's own transaction handling starts a transaction only before DML, so reads and DDL
    (migrations) would run outside it; taking control makes a unit of work, or a migration,
    all-or-nothing (the recipe in SQLAlchemy's SQLite dialect documentation). The kind of BEGIN
    (DEFERRED for reads, IMMEDIATE for writes, see `writer`) comes from the connection's
    execution options.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        kind = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {kind}")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values usable after commit (they are turned into domain values)."""
    return sessionmaker(engine, expire_on_commit=False)
