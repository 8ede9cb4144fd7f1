"""Price lists: the net prices an adopted scenario publishes, and what a price list shows."""

from __future__ import annotations

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
