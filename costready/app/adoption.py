"""Adopting a scenario: its prices, worked out afresh, become the published price list."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from costready.app.reading import WorkspaceReader, reading
from costready.costing.engine import price_scenario
from costready.costing.model import Scenario
from costready.costing.price_lists import (
    PriceList,
    Publication,
    PublishedService,
    validate_adoption,
)
from costready.costing.results import CostingError
from costready.costing.scenarios import ScenarioSummary

if TYPE_CHECKING:
    from costready.storage.unit_of_work import UnitOfWork
    from costready.storage.workspace import Workspace


class UnconfirmedWarnings(CostingError):
    """The prices carry warnings (pay below the legal minimum) and adoption was not told to go
    ahead despite them: `problems` are the warnings."""


def adopt(
    workspace: Workspace,
    scenario_id: int,
    effective_from: date,
    approved_by: str,
    approved_on: date,
    note: str = "",
    *,
    despite_warnings: bool = False,
) -> PriceList:
    """Price the scenario as saved and publish its net prices from `effective_from`.

    The prices are worked out here from what is stored, never taken from a screen, so a price
    list always matches its scenario; CostingError when the scenario cannot be priced, and
    UnconfirmedWarnings when its result has warnings and `despite_warnings` is not set (the
    person must have seen them: the dialog asks, the CLI needs --despite-warnings). Read,
    priced and published in one writing unit of work: no save can land in between.
    """
    problems = validate_adoption(approved_by, note)
    if problems:
        raise CostingError(problems)
    with workspace.writing() as uow:
        summary = uow.scenarios.summary(scenario_id)
        uow.organisations.lock(summary.organisation_id)  # one adoption at a time per organisation
        return adopt_in(
            uow,
            scenario_id,
            effective_from,
            approved_by,
            approved_on,
            note,
            despite_warnings=despite_warnings,
        )


def adopt_in(
    uow: UnitOfWork,
    scenario_id: int,
    effective_from: date,
    approved_by: str,
    approved_on: date,
    note: str = "",
    *,
    despite_warnings: bool = False,
) -> PriceList:
    """`adopt`'s work inside a writing unit of work the caller holds (the sample installs and
    adopts in one)."""
    scenario = uow.scenarios.get(scenario_id)
    result = price_scenario(scenario)
    result.check_complete()  # a price list is published whole: every service priced
    if result.warnings and not despite_warnings:
        raise UnconfirmedWarnings(list(result.warnings))
    prices = {service.id: service.price for service in result.services}
    adopted = uow.scenarios.mark_adopted(scenario_id)
    return uow.price_lists.publish(
        adopted, prices, effective_from, approved_by, approved_on, note, _published(scenario)
    )


def _published(scenario: Scenario) -> dict[str, PublishedService]:
    """Each service as the price list keeps it, so the list reads as adopted ever after."""
    return {
        service.id: PublishedService(
            name=service.name,
            unit=service.unit,
            description=service.description,
            vat=service.vat.value,
        )
        for service in scenario.services
    }


def publication(workspace: WorkspaceReader, organisation_id: int, scenario_id: int) -> Publication:
    """The scenario with the newest price list it published (if it is the adopted one).

    The scenario, whether it is adopted and its price lists are read in one unit of work.
    """
    with reading(workspace) as reads:
        scenario = reads.load_scenario(scenario_id)
        summaries = reads.scenarios(organisation_id)
        price_lists = reads.price_lists(organisation_id)
    price_list = adopted_price_list(scenario_id, summaries, price_lists)
    return Publication(scenario=scenario, result=price_scenario(scenario), price_list=price_list)


def adopted_price_list(
    scenario_id: int, summaries: list[ScenarioSummary], price_lists: list[PriceList]
) -> PriceList | None:
    """The newest list the scenario published and did not withdraw, if it is the adopted one
    (else None: a draft)."""
    if not any(s.adopted for s in summaries if s.id == scenario_id):
        return None
    # a withdrawn list never stands for the scenario: without another, its list is a draft
    published = [p for p in price_lists if p.scenario_id == scenario_id and not p.withdrawn]
    return max(published, key=lambda p: p.created_at) if published else None
