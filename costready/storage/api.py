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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from costready.organisation import Organisation


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


# Which organisation and scenario a window opens on (the quick start-up read agrees) -------


def start_organisation(organisations: list[Organisation], last_shown: str) -> int | None:
    """The organisation to open with: the one shown last if it still exists, else the first."""
    ids = [org.id for org in organisations]
    if not ids:
        return None
    return int(last_shown) if last_shown.isdigit() and int(last_shown) in ids else ids[0]


def start_scenario(summaries: list[ScenarioSummary]) -> int | None:
    """The scenario to open with: the adopted one, else the one for the latest period."""
    adopted = [summary for summary in summaries if summary.adopted]
    if adopted:
        return adopted[0].id
    if summaries:
        return max(summaries, key=lambda summary: (summary.period_start, summary.id)).id
    return None
