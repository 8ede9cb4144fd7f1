"""One user action's transaction: a session and the repositories that share it.

The app layer opens one per action (`Workspace.reading()` or `Workspace.writing()`); the
repositories take its session and never make one. It is committed when the block ends and
rolled back if the block raises; database errors come out as StorageError in plain words.
A writing one moves the workspace's data version on, last, just before it commits.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from costready.i18n import _
from costready.storage.errors import StorageError
from costready.storage.models import WorkspaceStateRow
from costready.storage.repositories import (
    ComplianceRepository,
    CustomerRepository,
    DeliveryRepository,
    InvoiceRepository,
    OrganisationRepository,
    PaymentRepository,
    PriceListRepository,
    ScenarioRepository,
    SettingRepository,
)


class UnitOfWork:
    """The repositories of one transaction (add a domain's repository here as one attribute)."""

    def __init__(self, session: Session, *, write: bool):
        self.session = session
        self.write = write  # opened to write (BEGIN IMMEDIATE on SQLite)
        self.organisations = OrganisationRepository(session)
        self.scenarios = ScenarioRepository(session)
        self.price_lists = PriceListRepository(session)
        self.settings = SettingRepository(session)
        self.compliance = ComplianceRepository(session)
        self.customers = CustomerRepository(session)
        self.invoices = InvoiceRepository(session)
        self.payments = PaymentRepository(session)
        self.deliveries = DeliveryRepository(session)
        #: the data version a writing unit of work leaves (set just before its commit)
        self.written_version: int | None = None

    def data_version(self) -> int:
        """The workspace's data version as this unit of work sees it (see `bump_data_version`);
        read in the same transaction as everything else it reads, so it stamps them."""
        version = self.session.scalar(select(WorkspaceStateRow.data_version).where(_STATE))
        return version or 0

    def bump_data_version(self) -> int:
        """One more on the data version; the last write of every writing unit of work.

        Last, because on PostgreSQL it locks the one row every writer updates: taken just before
        the commit, it is held for no time and after every other lock (so it cannot deadlock).
        """
        version = self.session.scalar(
            update(WorkspaceStateRow)
            .where(_STATE)
            .values(data_version=WorkspaceStateRow.data_version + 1)
            .returning(WorkspaceStateRow.data_version)
        )
        if version is None:  # the row is made by migration 0003; put back if someone removed it
            self.session.execute(insert(WorkspaceStateRow).values(id=1, data_version=1))
            version = 1
        return version


_STATE = WorkspaceStateRow.id == 1


@contextmanager
def run(sessions: sessionmaker[Session], *, write: bool) -> Iterator[UnitOfWork]:
    """A unit of work over a new session of `sessions`: committed, or rolled back on error.

    Database errors come out as StorageError (the original chained); other errors pass
    through unchanged after the rollback.
    """
    try:
        with sessions.begin() as session:
            unit = UnitOfWork(session, write=write)
            yield unit
            if write:
                unit.written_version = unit.bump_data_version()
    except IntegrityError as error:
        raise StorageError(
            _("Not saved: the change conflicts with data already stored ({detail}).").format(
                detail=error.orig
            )
        ) from error
    except SQLAlchemyError as error:
        raise StorageError(plain_database_error(error)) from error


def plain_database_error(error: BaseException) -> str:
    """What went wrong in words a user can act on, without SQL (the details stay chained)."""
    detail = str(getattr(error, "orig", None) or error).splitlines()[0]
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered:
        return _("another program is using the workspace file; close it and try again")
    if "lock timeout" in lowered:  # PostgreSQL: another program holds what this change needs
        return _("another program is saving the same things; try again in a moment")
    if "unable to open database file" in lowered:
        return _(
            "the file cannot be opened or created there (check the folder exists and "
            "you may write to it)"
        )
    if "file is not a database" in lowered or "malformed" in lowered:
        return _("the file is not a CostReady workspace, or it is damaged; open a backup copy")
    if "readonly" in lowered or "read-only" in lowered:
        return _("the workspace file is read-only; copy it somewhere you may write to")
    return _("the workspace database failed ({detail})").format(detail=detail)
