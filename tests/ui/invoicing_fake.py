"""An in-memory stand-in for the invoicing app contract (briefs/inv-app-api.md), used only
while the real `costready.app.invoices` / `payments` / `deliveries` are not on this branch."""

from __future__ import annotations

import dataclasses
import sys
import types
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from costready.invoicing.aged_debt import Debt, aged_debt
from costready.invoicing.billing import Delivery
from costready.invoicing.customers import Customer, validate_customer
from costready.invoicing.documents import (
    Document,
    DocumentKind,
    Line,
    credit_note_for,
    totals,
    validate_document,
    validate_draft,
)
from costready.invoicing.payments import Payment, settle
from costready.invoicing.status import Status, status
from costready.problems import Problem
from costready.rules_file import VatTreatment


class InvoicingError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class MenuItem:
    service_key: str
    name: str
    unit: str
    unit_price: Decimal
    treatment: VatTreatment


@dataclass(frozen=True)
class InvoiceFilter:
    status: Status | None = None
    customer_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""


@dataclass(frozen=True)
class InvoiceRow:
    id: int
    kind: DocumentKind
    number: str
    customer_name: str
    issue_date: date | None
    due_date: date | None
    total: Decimal
    balance: Decimal
    status: Status


@dataclass(frozen=True)
class DocumentView:
    document: Document
    customer: Customer
    totals: Any
    payments: tuple[Payment, ...]
    credit_notes: tuple[Document, ...]
    paid: Decimal
    credited: Decimal
    balance: Decimal
    status: Status
    payment_link: str | None
    seller: Any
    settings: Any


@dataclass(frozen=True)
class MoneyTiles:
    owed: Decimal
    overdue_count: int
    invoiced_this_month: Decimal


@dataclass(frozen=True)
class PaymentResult:
    applied: Decimal
    to_customer_credit: Decimal


@dataclass(frozen=True)
class BillResult:
    documents: list[Document]
    problems: list[Problem]


@dataclass
class _State:
    customers: dict[int, Customer] = field(default_factory=dict)
    documents: dict[int, Document] = field(default_factory=dict)
    payments: dict[int, list[Payment]] = field(default_factory=dict)
    deliveries: dict[int, Delivery] = field(default_factory=dict)
    next_id: int = 1
    numbers: int = 0

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id


STATE = _State()


def _figures(doc: Document, today: date) -> tuple[Decimal, Decimal, Decimal, Decimal, Status]:
    total = totals(doc).gross
    paid = sum((p.amount for p in STATE.payments.get(doc.id or 0, [])), Decimal(0))
    credited = sum(
        (totals(d).gross for d in STATE.documents.values() if d.credits_id == doc.id and doc.id),
        Decimal(0),
    )
    bal = max(Decimal(0), total - paid - credited) if doc.is_issued else total
    return total, paid, credited, bal, status(doc, total, paid, credited, today)


def customers(ws: Any, org_id: int) -> list[Customer]:
    return sorted(STATE.customers.values(), key=lambda c: c.name.casefold())


def customer(ws: Any, customer_id: int) -> Customer:
    return STATE.customers[customer_id]


def save_customer(ws: Any, org_id: int, value: Customer) -> Customer:
    problems = validate_customer(value)
    if problems:
        raise InvoicingError(problems)
    saved = dataclasses.replace(value, id=value.id or STATE.new_id())
    STATE.customers[saved.id or 0] = saved
    return saved


def delete_customer(ws: Any, customer_id: int) -> None:
    if any(d.customer_id == customer_id and d.is_issued for d in STATE.documents.values()):
        raise InvoicingError([Problem("customer", "has issued documents")])
    del STATE.customers[customer_id]


def _row(doc: Document, today: date) -> InvoiceRow:
    total, _p, _c, bal, st = _figures(doc, today)
    return InvoiceRow(
        doc.id or 0,
        doc.kind,
        doc.number or "Draft",
        STATE.customers[doc.customer_id or 0].name,
        doc.issue_date,
        doc.due_date,
        total,
        bal,
        st,
    )


def _matching(filt: InvoiceFilter, today: date) -> list[InvoiceRow]:
    rows = [_row(d, today) for d in sorted(STATE.documents.values(), key=lambda d: -(d.id or 0))]
    return [
        r
        for r in rows
        if (filt.status is None or r.status is filt.status)
        and (filt.customer_id is None or STATE.documents[r.id].customer_id == filt.customer_id)
        and (filt.text.casefold() in f"{r.number} {r.customer_name}".casefold())
        and (filt.date_from is None or (r.issue_date and r.issue_date >= filt.date_from))
        and (filt.date_to is None or (r.issue_date and r.issue_date <= filt.date_to))
    ]


def count_documents(ws: Any, org_id: int, filt: InvoiceFilter, today: date) -> int:
    return len(_matching(filt, today))


def document_rows(
    ws: Any, org_id: int, filt: InvoiceFilter, today: date, offset: int, limit: int
) -> list[InvoiceRow]:
    return _matching(filt, today)[offset : offset + limit]


def document_view(ws: Any, doc_id: int, today: date) -> DocumentView:
    doc = STATE.documents[doc_id]
    _total, paid, credited, bal, st = _figures(doc, today)
    notes = tuple(d for d in STATE.documents.values() if d.credits_id == doc_id)
    return DocumentView(
        doc,
        STATE.customers[doc.customer_id or 0],
        totals(doc),
        tuple(STATE.payments.get(doc_id, [])),
        notes,
        paid,
        credited,
        bal,
        st,
        "https://pay.example.org/?amount=" + str(bal) if doc.is_issued else None,
        None,
        None,
    )


def new_draft(ws: Any, org_id: int, customer_id: int) -> Document:
    doc = Document(DocumentKind.INVOICE, customer_id, id=STATE.new_id(), vat_registered=True)
    STATE.documents[doc.id or 0] = doc
    return doc


def save_draft(ws: Any, org_id: int, document: Document) -> Document:
    problems = validate_draft(document)
    if problems:
        raise InvoicingError(problems)
    doc = document if document.id else dataclasses.replace(document, id=STATE.new_id())
    STATE.documents[doc.id or 0] = doc
    return doc


def delete_draft(ws: Any, doc_id: int) -> None:
    del STATE.documents[doc_id]


def menu_lines(ws: Any, org_id: int, on: date) -> list[MenuItem]:
    return [
        MenuItem("support", "Support hour", "hour", Decimal("27.35"), VatTreatment.EXEMPT),
        MenuItem("club", "Lunch club", "session", Decimal("12.00"), VatTreatment.STANDARD),
        MenuItem("grant", "Grant-funded", "session", Decimal("5.00"), VatTreatment.OUTSIDE_SCOPE),
    ]


def issue(ws: Any, doc_id: int, issue_date: date | None = None) -> Document:
    doc = STATE.documents[doc_id]
    problems = validate_document(doc, STATE.customers[doc.customer_id or 0])
    if problems:
        raise InvoicingError(problems)
    STATE.numbers += 1
    day = issue_date or date.today()
    issued = dataclasses.replace(
        doc,
        number=f"INV-{STATE.numbers:04d}",
        issue_date=day,
        due_date=doc.due_date or day + timedelta(days=30),
    )
    STATE.documents[doc_id] = issued
    return issued


def credit(
    ws: Any,
    invoice_id: int,
    lines: tuple[Line, ...] | None,
    reason: str,
    issue_date: date | None = None,
) -> Document:
    note = credit_note_for(STATE.documents[invoice_id], lines)
    STATE.numbers += 1
    note = dataclasses.replace(
        note,
        id=STATE.new_id(),
        number=f"CN-{STATE.numbers:04d}",
        notes=reason,
        issue_date=issue_date or date.today(),
    )
    STATE.documents[note.id or 0] = note
    return note


def money_tiles(ws: Any, org_id: int, today: date) -> MoneyTiles:
    rows = [_row(d, today) for d in STATE.documents.values() if d.is_issued]
    return MoneyTiles(
        sum((r.balance for r in rows), Decimal(0)),
        sum(1 for r in rows if r.status is Status.OVERDUE),
        sum((r.total for r in rows), Decimal(0)),
    )


def record_payment(ws: Any, invoice_id: int, payment: Payment) -> PaymentResult:
    doc = STATE.documents[invoice_id]
    total, paid, credited, _b, _s = _figures(doc, date.today())
    applied, rest = settle(total, paid, credited, payment.amount)
    STATE.payments.setdefault(invoice_id, []).append(payment)
    return PaymentResult(applied, rest)


def customer_credit(ws: Any, customer_id: int) -> Decimal:
    return Decimal(0)


def aged_debtors(ws: Any, org_id: int, today: date) -> list:
    debts = []
    for d in STATE.documents.values():
        if d.is_issued and not d.is_credit_note and d.due_date:
            bal = _figures(d, today)[3]
            debts.append(
                Debt(d.customer_id or 0, STATE.customers[d.customer_id or 0].name, d.due_date, bal)
            )
    return aged_debt(debts, today)


def deliveries(
    ws: Any, org_id: int, *, unbilled_only: bool = False, date_from=None, date_to=None
) -> list[Delivery]:
    return [d for d in STATE.deliveries.values() if not unbilled_only or d.is_unbilled]


def add_delivery(ws: Any, org_id: int, delivery: Delivery) -> Delivery:
    saved = dataclasses.replace(delivery, id=STATE.new_id())
    STATE.deliveries[saved.id or 0] = saved
    return saved


def delete_delivery(ws: Any, delivery_id: int) -> None:
    del STATE.deliveries[delivery_id]


def import_deliveries(ws: Any, org_id: int, csv_text: str) -> int:
    raise InvoicingError([Problem("row 2, quantity", "give a number such as 1 or 1.5")])


def bill_period(
    ws: Any, org_id: int, date_from: date, date_to: date, *, issue: bool = False
) -> BillResult:
    return BillResult([], [])


def install() -> None:
    """Put the fake modules in place of the real ones that are not here yet."""
    global STATE
    STATE = _State()
    me = sys.modules[__name__]
    for name in (
        "costready.app.invoices",
        "costready.app.payments",
        "costready.app.deliveries",
        "costready.invoicing.errors",
    ):
        module = types.ModuleType(name)
        module.__dict__.update({k: getattr(me, k) for k in dir(me) if not k.startswith("__")})
        sys.modules[name] = module
