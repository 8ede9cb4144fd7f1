"""Billing from deliveries: units delivered, validated, turned into draft invoices."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from costready.problems import Problem
from costready.rules_file import VatTreatment

from .documents import Line


@dataclass(frozen=True)
class Delivery:
    """Units of a service delivered on a day, as the work happens.

    `person_ref` is a pseudonymous reference for the person supported (never a name: the log
    is personal data). `draft_id` is the draft invoice reserving it (deleting the draft frees
    it), `invoice_id` and `billed_on` are set when that invoice is issued."""

    service_key: str
    day: date
    quantity: Decimal
    customer_id: int
    unit: str = ""
    worker: str = ""
    person_ref: str = ""
    purchase_order: str = ""
    agreement: str = ""
    draft_id: int | None = None
    invoice_id: int | None = None
    billed_on: date | None = None
    id: int | None = None
    version: int | None = field(default=None, compare=False)

    @property
    def is_unbilled(self) -> bool:
        """Neither reserved by a draft nor billed."""
        return self.draft_id is None and self.invoice_id is None


@dataclass(frozen=True)
class Price:
    """What a delivery is billed at: the service's name, unit, net unit price and treatment,
    from the price list in force on the delivery's date."""

    description: str
    unit: str
    unit_price: Decimal
    treatment: VatTreatment


#: (service_key, day) -> the price in force that day, or None when the service has none.
PriceLookup = Callable[[str, date], Price | None]


@dataclass(frozen=True)
class DraftPlan:
    """One draft invoice to create: a customer, a purchase order ("" when none), its lines
    (each naming the deliveries it bills) and the billing period."""

    customer_id: int
    purchase_order: str
    lines: tuple[Line, ...]
    period_start: date
    period_end: date

    @property
    def delivery_ids(self) -> tuple[int, ...]:
        return tuple(i for line in self.lines for i in line.delivery_ids)


@dataclass(frozen=True)
class BillingRun:
    """What "bill a period" would do: the drafts, and a Problem for each delivery it could not
    bill (no price that day), which stays unbilled."""

    plans: tuple[DraftPlan, ...]
    problems: tuple[Problem, ...]


def validate_delivery(delivery: Delivery, path: str = "") -> list[Problem]:
    """Problems with a delivery: a service, a customer, quantity more than 0 within bounds,
    text lengths; `path` prefixes each problem's path (a CSV row)."""
    raise NotImplementedError


def bill_period(
    deliveries: Iterable[Delivery], date_from: date, date_to: date, price_for: PriceLookup
) -> BillingRun:
    """Unbilled deliveries dated from `date_from` to `date_to` as draft plans: one per
    (customer, purchase order), outside-the-scope lines on an invoice of their own, each
    priced from the price in force on its own date. Lines group a service's deliveries on one
    day at one price; a delivery without a price is a Problem, not dropped silently."""
    raise NotImplementedError


#: The CSV's columns, in the order the template writes them.
CSV_COLUMNS = (
    "service",
    "date",
    "quantity",
    "unit",
    "worker",
    "person_ref",
    "customer",
    "purchase_order",
    "agreement",
)


def parse_deliveries_csv(
    text: str,
    customers: Mapping[str, int] | None = None,
    service_keys: Collection[str] | None = None,
) -> tuple[list[Delivery], list[Problem]]:
    """Deliveries from CSV text, validated whole: every problem names its row and column
    (`row 3, quantity`), and no delivery is returned when there is any. `customer` is a
    customer id or a name found in `customers` (case-insensitive); `service` must be in
    `service_keys` when given; dates as 2026-10-03 or 03/10/2026."""
    raise NotImplementedError
