"""What the screens read from a workspace: one typed, read-only protocol.

Both the open `Workspace` and the start-up snapshot (`costready.app.snapshot.FirstScreen`)
satisfy it, so a page reads the same way whichever is behind it; writes go through the
workspace itself (`costready.app.workspace`), never through this. A use case that reads several
things takes a `WorkspaceReader` and reads them inside `reading(source)`: one unit of work on a
Workspace, so what it reads is consistent.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from costready.costing.model import Scenario
from costready.costing.price_lists import PriceList
from costready.costing.scenarios import ScenarioSummary
from costready.organisation import Organisation

if TYPE_CHECKING:  # storage (SQLAlchemy) is not loaded before the first screen is painted
    from costready.storage.unit_of_work import UnitOfWork


class WorkspaceReader(Protocol):
    """The reads a screen may make of a workspace."""

    def organisations(self) -> list[Organisation]: ...
    def organisation(self, organisation_id: int) -> Organisation: ...
    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]: ...
    def load_scenario(self, scenario_id: int) -> Scenario: ...
    def price_lists(self, organisation_id: int) -> list[PriceList]: ...
    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None: ...
    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str: ...


@runtime_checkable
class OpensUnitsOfWork(Protocol):
    """A workspace, which can read several things in one unit of work."""

    def reading(self) -> AbstractContextManager[UnitOfWork]: ...


@contextmanager
def reading(source: WorkspaceReader) -> Iterator[WorkspaceReader]:
    """`source`'s reads, all in one reading unit of work when it is a Workspace."""
    if isinstance(source, OpensUnitsOfWork):
        with source.reading() as uow:
            yield UnitReads(uow)
    else:  # the start-up snapshot is one consistent reading already
        yield source


class UnitReads:
    """A unit of work's repositories, read through the names of `WorkspaceReader`."""

    def __init__(self, uow: UnitOfWork):
        self.uow = uow

    def organisations(self) -> list[Organisation]:
        return self.uow.organisations.all()

    def organisation(self, organisation_id: int) -> Organisation:
        return self.uow.organisations.get(organisation_id)

    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]:
        return self.uow.scenarios.summaries(organisation_id)

    def load_scenario(self, scenario_id: int) -> Scenario:
        return self.uow.scenarios.get(scenario_id)

    def price_lists(self, organisation_id: int) -> list[PriceList]:
        return self.uow.price_lists.all(organisation_id)

    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None:
        return self.uow.price_lists.current(organisation_id, on)

    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str:
        return self.uow.settings.get(organisation_id, key, default)
