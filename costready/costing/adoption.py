"""Adopting a scenario: its prices, worked out afresh, become the published price list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from costready.costing.engine import price_scenario
from costready.costing.model import Scenario
from costready.costing.results import ScenarioResult
from costready.storage.api import PriceList, PublishedService

if TYPE_CHECKING:
    from costready.storage.workspace import Workspace


def adopt(
    workspace: Workspace,
    scenario_id: int,
    effective_from: date,
    approved_by: str,
    approved_on: date,
    note: str = "",
) -> PriceList:
    """Price the scenario as saved and publish its net prices from `effective_from`.

    The prices are worked out here from what is stored, never taken from a screen, so a price
    list always matches its scenario; CostingError when the scenario cannot be priced.
    """
    scenario = workspace.load_scenario(scenario_id)
    result = price_scenario(scenario)
    prices = {service.id: service.price for service in result.services}
    published = {
        service.id: PublishedService(
            name=service.name,
            unit=service.unit,
            description=service.description,
            vat=service.vat.value,
        )
        for service in scenario.services
    }
    return workspace.adopt_scenario(
        scenario_id, prices, effective_from, approved_by, approved_on, note, published
    )


@dataclass(frozen=True)
class Publication:
    """What a price list document shows for a scenario: published prices, or a draft."""

    scenario: Scenario
    result: ScenarioResult
    price_list: PriceList | None  # None: not adopted, the document is a draft

    @property
    def draft(self) -> bool:
        return self.price_list is None

    @property
    def changed_since_adoption(self) -> bool:
        """True when the scenario now prices differently from the list it published."""
        if self.price_list is None:
            return False
        live = {service.id: service.price for service in self.result.services}
        return live != self.price_list.prices


def publication(workspace: Workspace, organisation_id: int, scenario_id: int) -> Publication:
    """The scenario with the newest price list it published (if it is the adopted one)."""
    scenario = workspace.load_scenario(scenario_id)
    result = price_scenario(scenario)
    adopted = any(s.adopted for s in workspace.scenarios(organisation_id) if s.id == scenario_id)
    published = [
        price_list
        for price_list in workspace.price_lists(organisation_id)
        if price_list.scenario_id == scenario_id
    ]
    newest = max(published, key=lambda p: p.created_at) if adopted and published else None
    return Publication(scenario=scenario, result=result, price_list=newest)
