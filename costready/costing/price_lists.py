"""Price lists: the net prices an adopted scenario publishes, and what a price list shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from costready.costing.model import Scenario
from costready.costing.results import ScenarioResult
from costready.i18n import _
from costready.organisation import DESCRIPTION, NAME
from costready.problems import Problem


@dataclass(frozen=True)
class PublishedService:
    """A service as it stood on a price list when adopted (name, unit, description, VAT)."""

    name: str
    unit: str
    description: str
    vat: str  # a VatTreatment value


@dataclass(frozen=True)
class PriceList:
    """Net prices by service id from an effective date, published by adopting a scenario."""

    id: int
    organisation_id: int
    scenario_id: int | None
    scenario_name: str
    effective_from: date
    approved_by: str
    approved_on: date
    note: str
    prices: dict[str, Decimal]  # service id -> net price per unit
    created_at: datetime
    #: service id -> the service as published; missing for lists made before it was kept
    services: dict[str, PublishedService] = field(default_factory=dict)
    #: the day it was withdrawn before taking effect; a withdrawn list is never in force
    withdrawn_on: date | None = None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_on is not None


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


def in_force(price_lists: Iterable[PriceList], on: date) -> PriceList | None:
    """The list in force on `on`: of those not withdrawn, the latest effective date on or
    before `on` (ties: the newest made)."""
    live = [p for p in price_lists if not p.withdrawn and p.effective_from <= on]
    return max(live, key=lambda p: (p.effective_from, p.created_at, p.id), default=None)


def coming(price_lists: Iterable[PriceList], on: date) -> list[PriceList]:
    """The lists that take effect after `on` and are not withdrawn, soonest first."""
    later = [p for p in price_lists if not p.withdrawn and p.effective_from > on]
    return sorted(later, key=lambda p: (p.effective_from, p.created_at))


def withdrawal_problems(price_list: PriceList, today: date) -> list[Problem]:
    """Why `price_list` cannot be withdrawn on `today`, if it cannot: only a list whose
    effective date is still to come can be, once (a list that is or was in force has priced
    documents; it is replaced by adopting a new one, never withdrawn)."""
    day = f"{price_list.effective_from:%d/%m/%Y}"  # as the screen and the CLI show dates
    if price_list.withdrawn:
        message = _("The price list from {date} (“{scenario}”) is already withdrawn.")
    elif price_list.effective_from <= today:
        message = _(
            "The price list from {date} (“{scenario}”) has taken effect, so it cannot be "
            "withdrawn; adopt new prices from a later date instead."
        )
    else:
        return []
    return [Problem("price_list", message.format(date=day, scenario=price_list.scenario_name))]


def validate_adoption(approved_by: str, note: str) -> list[Problem]:
    """Problems with what an adoption records (who approved it, its note), each naming the
    field and its bound: the same on screen and on the command line."""
    problems = []
    for path, value, bound, label in (
        ("approved_by", approved_by, NAME, _("Approved by")),
        ("note", note, DESCRIPTION, _("Note")),
    ):
        refusal = bound.refusal(value, label)
        if refusal is not None:
            problems.append(Problem(path, refusal))
    return problems
