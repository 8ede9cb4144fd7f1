"""The workspace API every other package uses (contract; implemented in this package).

One `Workspace` per open database. Each public method is one unit of work: it opens a session,
commits on success and rolls back on any error, so a failed save leaves the previous state intact.
Domain values go in and out (costready.costing.model, costready.organisation); ORM rows never leave
the storage package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class ScenarioSummary:
    """A scenario as listed: its database id, name, period and whether it is the adopted one."""

    id: int
    organisation_id: int
    name: str
    period_start: date
    period_end: date
    adopted: bool


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
