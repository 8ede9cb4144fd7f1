"""Billing from deliveries: units delivered, validated, turned into draft invoices."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date

from costready.i18n import _
from costready.money import MoneyError, TextBound, to_decimal
from costready.problems import Problem
from costready.rules_file import VatTreatment

from .documents import QUANTITY, REFERENCE, UNIT, Line

#: A worker's name as the log keeps it.
NAME = TextBound(200)
#: A pseudonymous reference for the person supported (a code, never a name).
CODE = TextBound(50)


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
    prefix = f"{path}." if path else ""
    problems = []
    if not delivery.service_key.strip():
        problems.append(Problem(f"{prefix}service", _("Service: choose the service delivered")))
    if delivery.customer_id <= 0:
        problems.append(Problem(f"{prefix}customer", _("Customer: choose who pays")))
    refusal = QUANTITY.refusal(delivery.quantity, _("Quantity"))
    if refusal is None and delivery.quantity <= 0:
        refusal = _("Quantity: must be more than 0")
    if refusal is not None:
        problems.append(Problem(f"{prefix}quantity", refusal))
    texts = (
        ("unit", delivery.unit, UNIT, _("Unit")),
        ("worker", delivery.worker, NAME, _("Worker")),
        ("person_ref", delivery.person_ref, CODE, _("Person reference")),
        ("purchase_order", delivery.purchase_order, REFERENCE, _("Purchase order")),
        ("agreement", delivery.agreement, REFERENCE, _("Agreement")),
    )
    for name, value, bound, label in texts:
        refusal = bound.refusal(value, label)
        if refusal is not None:
            problems.append(Problem(f"{prefix}{name}", refusal))
    return problems


def bill_period(
    deliveries: Iterable[Delivery],
    date_from: date,
    date_to: date,
    price_for: PriceLookup,
    locale: str = "en_GB",
) -> BillingRun:
    """Unbilled deliveries dated from `date_from` to `date_to` as draft plans: one per
    (customer, purchase order), outside-the-scope lines on an invoice of their own, each
    priced from the price in force on its own date. Lines group a service's deliveries on one
    day at one price; a delivery without a price is a Problem, not dropped silently."""
    chosen = sorted(
        (d for d in deliveries if d.is_unbilled and date_from <= d.day <= date_to),
        key=lambda d: (d.customer_id, d.purchase_order, d.day, d.service_key, d.id or 0),
    )
    problems: list[Problem] = []
    # (customer, PO, outside scope?) -> (service, day, price...) -> [deliveries]
    invoices: dict[tuple[int, str, bool], dict[tuple[str, date, Price], list[Delivery]]] = {}
    for delivery in chosen:
        price = price_for(delivery.service_key, delivery.day)
        if price is None:
            problems.append(_unpriced(delivery))
            continue
        outside = price.treatment is VatTreatment.OUTSIDE_SCOPE
        key = (delivery.customer_id, delivery.purchase_order.strip(), outside)
        lines = invoices.setdefault(key, {})
        lines.setdefault((delivery.service_key, delivery.day, price), []).append(delivery)
    plans = tuple(
        DraftPlan(
            customer_id=customer_id,
            purchase_order=purchase_order,
            lines=tuple(
                _line(service, day, price, group, locale)
                for (service, day, price), group in lines.items()
            ),
            period_start=date_from,
            period_end=date_to,
        )
        for (customer_id, purchase_order, _outside), lines in invoices.items()
    )
    return BillingRun(plans, tuple(problems))


def _line(service_key: str, day: date, price: Price, group: list[Delivery], locale: str) -> Line:
    """One line: a service on one day at one price, with the day in its description so a
    council auditing a personal budget can match it line by line to the support plan."""
    quantity = sum((d.quantity for d in group), Decimal(0))
    return Line(
        # the date as documents write it ("3 October 2026"): the line is printed as it is
        description=_("{service}, {day}").format(
            service=price.description, day=format_date(day, format="long", locale=locale)
        ),
        quantity=quantity,
        unit=price.unit,
        unit_price=price.unit_price,
        treatment=price.treatment,
        service_key=service_key,
        delivery_ids=tuple(d.id for d in group if d.id is not None),
    )


def _unpriced(delivery: Delivery) -> Problem:
    return Problem(
        f"deliveries[{delivery.id}]" if delivery.id is not None else "deliveries",
        _(
            "{service} on {day}: no price was in force that day, so this delivery was not "
            "billed; adopt a price list that covers it and bill again"
        ).format(service=delivery.service_key, day=delivery.day.strftime("%d/%m/%Y")),
    )


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
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        return [], [Problem("row 1", _("The file is empty: it needs a header row and rows"))]
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name not in CSV_COLUMNS]
    problems = [
        Problem("row 1", _("Column “{name}” is missing from the header row").format(name=name))
        for name in missing
    ]
    problems += [
        Problem(
            "row 1",
            _("Column “{name}” is not one CostReady reads; the columns are {known}").format(
                name=name, known=", ".join(CSV_COLUMNS)
            ),
        )
        for name in unknown
    ]
    if problems:
        return [], problems
    lookup = {name.casefold(): id_ for name, id_ in (customers or {}).items()}
    deliveries = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.append(
                Problem(
                    f"row {number}",
                    _("Row {row}: it has more cells than the header has columns").format(
                        row=number
                    ),
                )
            )
            continue
        cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
        delivery, row_problems = _row(cells, number, lookup, service_keys)
        problems += row_problems
        if delivery is not None:
            deliveries.append(delivery)
    return ([] if problems else deliveries), problems


#: Columns every deliveries CSV must have.
REQUIRED_COLUMNS = ("service", "date", "quantity", "customer")


def _row(
    cells: Mapping[str, str],
    number: int,
    customers: Mapping[str, int],
    service_keys: Collection[str] | None,
) -> tuple[Delivery | None, list[Problem]]:
    """One CSV row as a delivery, or its problems, each naming the row and the column."""
    problems: list[Problem] = []

    def problem(column: str, message: str) -> None:
        problems.append(Problem(f"row {number}, {column}", message))

    service = cells.get("service", "")
    if service_keys is not None and service and service not in service_keys:
        problem("service", _("“{value}” is not a service on the menu").format(value=service))
    day = _parse_day(cells.get("date", ""))
    if day is None:
        problem("date", _("give the date as 2026-10-03 or 03/10/2026"))
    quantity: Decimal | None
    try:
        quantity = to_decimal(cells.get("quantity", ""), "quantity")
    except MoneyError:
        quantity = None
        problem("quantity", _("give a number such as 1 or 1.5"))
    customer_id = _customer_id(cells.get("customer", ""), customers)
    if customer_id is None:
        problem(
            "customer",
            _("“{value}” is not a customer's id or name").format(value=cells.get("customer", "")),
        )
    if problems or day is None or quantity is None or customer_id is None:
        return None, problems
    delivery = Delivery(
        service_key=service,
        day=day,
        quantity=quantity,
        customer_id=customer_id,
        unit=cells.get("unit", ""),
        worker=cells.get("worker", ""),
        person_ref=cells.get("person_ref", ""),
        purchase_order=cells.get("purchase_order", ""),
        agreement=cells.get("agreement", ""),
    )
    for found in validate_delivery(delivery):
        column = found.path
        problem(column, found.message)
    return (None if problems else delivery), problems


def _parse_day(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _customer_id(text: str, customers: Mapping[str, int]) -> int | None:
    if text.isascii() and text.isdigit() and int(text) > 0:
        return int(text)
    return customers.get(text.casefold()) if text else None
