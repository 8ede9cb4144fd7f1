"""What a read-only use case needs of a workspace, read in one unit of work.

Pages call some use cases (the publication, the next steps) on whatever the window holds: the
workspace, or a read-only view of it while it opens. Written against `Reads`, such a use case
runs on either; `reading(source)` gives it one unit of work on a Workspace, so everything it
reads is consistent.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Protocol

from costready.costing.model import Scenario
from costready.costing.price_lists import PriceList
from costready.costing.scenarios import ScenarioSummary
from costready.organisation import Organisation
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace


class Reads(Protocol):
    """The reads, by the names of Workspace's one-call methods."""

    def organisation(self, organisation_id: int) -> Organisation: ...
    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]: ...
    def load_scenario(self, scenario_id: int) -> Scenario: ...
    def price_lists(self, organisation_id: int) -> list[PriceList]: ...
    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None: ...
    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str: ...


@contextmanager
def reading(source: Workspace | Reads) -> Iterator[Reads]:
    """`source`'s reads, all in one reading unit of work when it is a Workspace."""
    if isinstance(source, Workspace):
        with source.reading() as uow:
            yield UnitReads(uow)
    else:  # a read-only view is one consistent reading already
        yield source


class UnitReads:
    """A unit of work's repositories, read through the names of `Reads`."""

    def __init__(self, uow: UnitOfWork):
        self.uow = uow

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
