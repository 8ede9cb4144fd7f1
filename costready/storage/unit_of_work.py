"""One user action's transaction: a session and the repositories that share it.

The app layer opens one per action (`Workspace.reading()` or `Workspace.writing()`); the
repositories take its session and never make one. It is committed when the block ends and
rolled back if the block raises; database errors come out as StorageError in plain words.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from costready.i18n import _
from costready.storage.errors import StorageError
from costready.storage.repositories import (
    OrganisationRepository,
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


@contextmanager
def run(sessions: sessionmaker[Session], *, write: bool) -> Iterator[UnitOfWork]:
    """A unit of work over a new session of `sessions`: committed, or rolled back on error.

    Database errors come out as StorageError (the original chained); other errors pass
    through unchanged after the rollback.
    """
    try:
        with sessions.begin() as session:
            yield UnitOfWork(session, write=write)
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
