"""Open a workspace database and work with it through domain values.

An action opens one unit of work (`reading()` or `writing()`) and uses its repositories; each
public method below is a thin one-call unit of work for callers with a single read or write.
Calls made inside `transaction()` (or an open unit of work on the same thread) join it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from decimal import Decimal
from types import TracebackType

from sqlalchemy.exc import SQLAlchemyError

from costready.costing.model import Scenario
from costready.costing.price_lists import PriceList, PublishedService
from costready.costing.scenarios import ScenarioSummary
from costready.i18n import _
from costready.organisation import Organisation
from costready.storage import migrate
from costready.storage.db import make_engine, reader, session_factory, writer
from costready.storage.errors import InvalidData, NameTaken, StaleRecord, StorageError
from costready.storage.location import ENV_URL, masked_url, without_password, workspace_url
from costready.storage.unit_of_work import UnitOfWork, plain_database_error, run

__all__ = [
    "ENV_URL",
    "InvalidData",
    "NameTaken",
    "StaleRecord",
    "StorageError",
    "UnitOfWork",
    "Workspace",
]


class Workspace:
    """One open workspace database (SQLite file by default, or any SQLAlchemy URL)."""

    def __init__(self, url: str):
        """Open `url`: back up an existing SQLite file, then apply Alembic migrations."""
        self.url = url
        try:
            self._engine = make_engine(url)
        except (SQLAlchemyError, ValueError) as error:
            raise _cannot_open(url, plain_database_error(error)) from error
        except ImportError as error:  # a server database whose driver is not installed
            raise StorageError(
                _(
                    "Cannot open the workspace “{url}”: its database driver is not installed "
                    "(pip install {module})"
                ).format(url=masked_url(url), module=error.name or "the driver")
            ) from error
        try:
            migrate.prepare(self._engine)
        except StorageError:
            self._engine.dispose()
            raise
        except Exception as error:
            self._engine.dispose()
            raise _cannot_open(url, plain_database_error(error)) from error
        self._readers = session_factory(reader(self._engine))
        self._writers = session_factory(writer(self._engine))
        self._open = _OpenUnit()  # the unit of work open on each thread, which calls join
        self._closed = False
        #: the data versions this workspace's own writes committed (see `changed_elsewhere`)
        self._own_versions: deque[int] = deque(maxlen=10_000)

    @classmethod
    def open(cls, url: str | None = None) -> Workspace:
        """`url`, else $COSTREADY_DATABASE_URL, else SQLite in the user data folder."""
        return cls(workspace_url(url))

    def close(self) -> None:
        """Release the database (safe to call twice)."""
        if not self._closed:
            self._closed = True
            self._engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Units of work ------------------------------------------------------------------------
    def reading(self) -> AbstractContextManager[UnitOfWork]:
        """A unit of work for an action that only reads: everything it reads is consistent."""
        return self.unit_of_work(write=False)

    def writing(self) -> AbstractContextManager[UnitOfWork]:
        """A unit of work for an action that writes: all of it is saved, or none of it.

        Writers run one at a time (BEGIN IMMEDIATE on SQLite, waiting up to
        `db.BUSY_TIMEOUT` for another; row locks on PostgreSQL through
        `uow.organisations.lock`), so what a writer read is still true when it saves.
        """
        return self.unit_of_work(write=True)

    @contextmanager
    def unit_of_work(self, *, write: bool = True) -> Iterator[UnitOfWork]:
        """Committed when the block ends, rolled back if it raises (errors as `run` says).

        Opened inside another unit of work on the same thread, it is part of that one; a write
        cannot join a reading one (it would not hold the write lock it needs).
        """
        if self._closed:
            raise StorageError(_("The workspace is closed."))
        current = self._open.unit
        if current is not None:
            if write and not current.write:
                raise RuntimeError("a write cannot join a reading unit of work; open writing()")
            yield current
            return
        with run(self._writers if write else self._readers, write=write) as unit:
            self._open.unit = unit
            try:
                yield unit
            finally:
                self._open.unit = None
        if unit.written_version is not None:
            self._own_versions.append(unit.written_version)

    def data_version(self) -> int:
        """A number that changes on every committed write to the workspace, by anyone.

        One small query (no session): cheap enough to ask whenever the window gets the focus
        and before each save. Compare it with the value read with the data on screen; if it
        moved by more than this workspace's own writes (`changed_elsewhere`), another program
        or window saved, and the screens should read again.
        """
        if self._open.unit is not None:  # inside a unit of work: its own consistent view
            return self._open.unit.data_version()
        try:
            with self._engine.connect() as connection:
                version = connection.exec_driver_sql(
                    "SELECT data_version FROM workspace_state WHERE id = 1"
                ).scalar()
        except SQLAlchemyError as error:
            raise StorageError(plain_database_error(error)) from error
        return int(version or 0)

    def changed_elsewhere(self, seen: int) -> bool:
        """Whether anyone but this workspace object committed a write after data version `seen`
        (read with `data_version()` just before the screens read what they show)."""
        current = self.data_version()
        own = sum(1 for version in self._own_versions if seen < version <= current)
        return current - seen > own

    @contextmanager
    def transaction(self) -> Iterator[Workspace]:
        """Group several of the calls below into one writing unit of work: all or nothing.

        For callers that use the one-call methods (the app layer uses `writing()` directly).
        """
        with self.writing():
            yield self

    # Organisations -------------------------------------------------------------------------
    def organisations(self) -> list[Organisation]:
        """Every organisation in the workspace, by name (each with its `id`)."""
        with self.reading() as uow:
            return uow.organisations.all()

    def organisation(self, organisation_id: int) -> Organisation:
        with self.reading() as uow:
            return uow.organisations.get(organisation_id)

    def save_organisation(self, org: Organisation) -> Organisation:
        """Insert (id None) or update; validates first (ValueError listing the problems).

        Refused with StaleRecord if `org.version` is older than the stored one, and with
        NameTaken (a ValueError) if another organisation has the name."""
        with self.writing() as uow:
            return uow.organisations.save(org)

    def delete_organisation(self, organisation_id: int) -> None:
        """Remove the organisation and everything of it (scenarios, services, price lists...)."""
        with self.writing() as uow:
            uow.organisations.delete(organisation_id)

    # Scenarios -----------------------------------------------------------------------------
    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]:
        """The organisation's scenarios, earliest period first."""
        with self.reading() as uow:
            return uow.scenarios.summaries(organisation_id)

    def load_scenario(self, scenario_id: int) -> Scenario:
        with self.reading() as uow:
            return uow.scenarios.get(scenario_id)

    def create_scenario(self, organisation_id: int, scenario: Scenario) -> int:
        """Store a new scenario; services become organisation-level records by their ids."""
        with self.writing() as uow:
            return uow.scenarios.create(organisation_id, scenario)

    def save_scenario(self, scenario_id: int, scenario: Scenario) -> int:
        """Replace the scenario's contents with `scenario` in one transaction; returns its new
        version. StaleRecord if `scenario.version` is older than the stored one."""
        with self.writing() as uow:
            return uow.scenarios.save(scenario_id, scenario)

    def delete_scenario(self, scenario_id: int) -> None:
        """Remove a scenario; its services and any price lists it published are kept."""
        with self.writing() as uow:
            uow.scenarios.delete(scenario_id)

    # Price lists ---------------------------------------------------------------------------
    def adopt_scenario(
        self,
        scenario_id: int,
        prices: dict[str, Decimal],
        effective_from: date,
        approved_by: str,
        approved_on: date,
        note: str = "",
        services: Mapping[str, PublishedService] | None = None,
    ) -> PriceList:
        """Mark the scenario adopted (the only one) and publish `prices` as a new price list,
        keeping each service as published (`services`) so the list always reads as adopted."""
        with self.writing() as uow:
            summary = uow.scenarios.mark_adopted(scenario_id)
            return uow.price_lists.publish(
                summary, prices, effective_from, approved_by, approved_on, note, services
            )

    def price_lists(self, organisation_id: int) -> list[PriceList]:
        """Every price list, newest effective date first (earlier ones are kept)."""
        with self.reading() as uow:
            return uow.price_lists.all(organisation_id)

    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None:
        """The list in force on `on`: the latest effective_from <= on (ties: the newest made)."""
        with self.reading() as uow:
            return uow.price_lists.current(organisation_id, on)

    # Small per-organisation settings (guided setup progress, last page shown...) ------------
    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str:
        with self.reading() as uow:
            return uow.settings.get(organisation_id, key, default)

    def settings(self) -> dict[tuple[int | None, str], str]:
        """Every setting, by (organisation id or None for the workspace, key)."""
        with self.reading() as uow:
            return uow.settings.all()

    def set_setting(self, organisation_id: int | None, key: str, value: str) -> None:
        with self.writing() as uow:
            uow.settings.set(organisation_id, key, value)


def _cannot_open(url: str, reason: str) -> StorageError:
    """The error for a workspace that did not open: its URL shown with the password masked."""
    message = _("Cannot open the workspace “{url}”: {error}").format(
        url=masked_url(url), error=reason
    )
    return StorageError(without_password(message, url))


class _OpenUnit(threading.local):
    """The unit of work open on this thread (threads never share a session)."""

    unit: UnitOfWork | None = None
