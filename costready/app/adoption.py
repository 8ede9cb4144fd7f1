"""Adopting a scenario: its prices, worked out afresh, become the published price list."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from costready.costing.engine import price_scenario
from costready.costing.price_lists import (
    PriceList,
    Publication,
    PublishedService,
    validate_adoption,
)
from costready.costing.results import CostingError

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
    problems = validate_adoption(approved_by, note)
    if problems:
        raise CostingError(problems)
    scenario = workspace.load_scenario(scenario_id)
    result = price_scenario(scenario)
    result.check_complete()  # a price list is published whole: every service priced
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
