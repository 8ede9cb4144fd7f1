"""What the screens read from a workspace: one typed, read-only protocol.

Both the open `Workspace` and the start-up snapshot (`costready.app.snapshot.FirstScreen`)
satisfy it, so a page reads the same way whichever is behind it; writes go through the
workspace itself (`costready.app.workspace`), never through this.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from costready.costing.model import Scenario
from costready.costing.price_lists import PriceList
from costready.costing.scenarios import ScenarioSummary
from costready.organisation import Organisation


class WorkspaceReader(Protocol):
    """The reads a screen may make of a workspace."""

    def organisations(self) -> list[Organisation]: ...
    def organisation(self, organisation_id: int) -> Organisation: ...
    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]: ...
    def load_scenario(self, scenario_id: int) -> Scenario: ...
    def price_lists(self, organisation_id: int) -> list[PriceList]: ...
    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None: ...
    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str: ...
