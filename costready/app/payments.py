"""Payments: record them against invoices, the customer's credit, aged debt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from costready.i18n import _
from costready.invoicing.aged_debt import AgedRow
from costready.invoicing.documents import DocumentKind, totals
from costready.invoicing.errors import InvoicingError
from costready.invoicing.listing import InvoiceFilter
from costready.invoicing.payments import (
    AMOUNT,
    CustomerMoney,
    Owing,
    Payment,
    PaymentMethod,
    allocate_oldest_first,
    allocation_problems,
    balance,
    settle,
    validate_payment,
)
from costready.invoicing.status import Status
from costready.money import ZERO, format_money
from costready.problems import Problem
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace

__all__ = [
    "AgedRow",
    "CustomerMoney",
    "OpenInvoice",
    "PaymentResult",
    "RemittanceResult",
    "aged_debtors",
    "apply_credit",
    "customer_credit",
    "customer_money",
    "open_invoices",
    "record_payment",
    "record_remittance",
    "refund_credit",
]


@dataclass(frozen=True)
class PaymentResult:
    """What a payment did: the part that reduced the invoice's balance, and the rest, which
    became the customer's credit (never lost, never refused)."""

    applied: Decimal
    to_customer_credit: Decimal


def record_payment(
    ws: Workspace, invoice_id: int, payment: Payment, today: date | None = None
) -> PaymentResult:
    """Record money received against an issued invoice; beyond its balance, the rest becomes
    the customer's credit. InvoicingError naming the field when the payment is not valid, or
    is dated after `today` (money not yet received is not recorded: the statement, which lists
    what has happened by its date, would disagree with the balance)."""
    problems = validate_payment(payment, today or date.today())
    if problems:
        raise InvoicingError(problems)
    with ws.writing() as uow:
        document = uow.invoices.get(invoice_id)
        if not document.is_issued or document.is_credit_note:
            raise InvoicingError(
                [Problem("invoice_id", _("Invoice: payments are recorded against issued invoices"))]
            )
        org_id = uow.invoices.organisation_id(invoice_id)
        # the balance is read under the organisation's lock: on PostgreSQL two programs
        # recording at once would otherwise both set money against the same balance
        uow.organisations.lock(org_id)
        customer_id = document.customer_id or 0
        total = totals(document).gross
        applied, extra = settle(
            total, uow.invoices.paid(invoice_id), uow.invoices.credited(invoice_id), payment.amount
        )
        if applied > 0:
            uow.payments.add(
                org_id,
                customer_id,
                "payment",
                payment.date,
                applied,
                document_id=invoice_id,
                method=payment.method,
                reference=payment.reference,
            )
        if extra > 0:
            uow.payments.add(
                org_id,
                customer_id,
                "overpayment",
                payment.date,
                extra,
                method=payment.method,
                reference=payment.reference or (document.number or ""),
            )
        return PaymentResult(applied, extra)


@dataclass(frozen=True)
class OpenInvoice:
    """An issued invoice of a customer with something still owed on it."""

    id: int
    number: str
    issue_date: date | None
    due_date: date | None
    balance: Decimal

    @property
    def owing(self) -> Owing:
        return Owing(self.number, self.balance)


@dataclass(frozen=True)
class RemittanceResult:
    """What a remittance did: the amount set against each invoice (by id, only those paid),
    and the rest, which became the customer's credit."""

    applied: dict[int, Decimal]
    to_customer_credit: Decimal


#: Statuses of an issued invoice that still has a balance to pay.
_OPEN = (Status.ISSUED, Status.PART_PAID, Status.OVERDUE)


def open_invoices(ws: Workspace, customer_id: int, today: date) -> list[OpenInvoice]:
    """The customer's issued invoices with a balance, oldest due first (then by number)."""
    with ws.reading() as uow:
        return _open_in(uow, customer_id, today)


def _open_in(uow: UnitOfWork, customer_id: int, today: date) -> list[OpenInvoice]:
    org_id = uow.customers.organisation_id(customer_id)
    rows = uow.invoices.rows(org_id, InvoiceFilter(customer_id=customer_id), today, 0, 10**9)
    found = [
        OpenInvoice(row.id, row.number, row.issue_date, row.due_date, row.balance)
        for row in rows
        if row.status in _OPEN and row.balance > 0 and row.kind is DocumentKind.INVOICE
    ]
    return sorted(found, key=lambda i: (i.due_date or date.max, i.issue_date or date.max, i.id))


def record_remittance(
    ws: Workspace,
    customer_id: int,
    payment: Payment,
    allocations: Mapping[int, Decimal] | None = None,
    today: date | None = None,
) -> RemittanceResult:
    """One payment from a customer that pays several invoices (a council's remittance advice):
    set against their open invoices, oldest due first, or as `allocations` (invoice id ->
    amount) say; what is left over becomes the customer's credit. All in one unit of work, with
    the balances read under the organisation's lock, so two programs recording at once cannot
    both pay the same balance. InvoicingError naming the field when it does not add up, or when
    the payment is dated after `today`."""
    day = today or date.today()
    problems = validate_payment(payment, day)
    if problems:
        raise InvoicingError(problems)
    with ws.writing() as uow:
        org_id = uow.customers.organisation_id(customer_id)
        uow.organisations.lock(org_id)
        invoices = _open_in(uow, customer_id, day)
        owing = [invoice.owing for invoice in invoices]
        if allocations is None:
            parts, _rest = allocate_oldest_first(payment.amount, owing)
        else:
            unknown = set(allocations) - {invoice.id for invoice in invoices}
            if unknown:
                raise InvoicingError(
                    [Problem("allocations", _("Only this customer's open invoices can be paid"))]
                )
            parts = tuple(allocations.get(invoice.id, ZERO) for invoice in invoices)
            problems = allocation_problems(payment.amount, parts, owing)
            if problems:
                raise InvoicingError(problems)
        applied = {}
        for invoice, part in zip(invoices, parts, strict=True):
            if part > 0:
                uow.payments.add(
                    org_id,
                    customer_id,
                    "payment",
                    payment.date,
                    part,
                    document_id=invoice.id,
                    method=payment.method,
                    reference=payment.reference,
                )
                applied[invoice.id] = part
        rest = payment.amount - sum(applied.values(), ZERO)
        if rest > 0:
            uow.payments.add(
                org_id,
                customer_id,
                "overpayment",
                payment.date,
                rest,
                method=payment.method,
                reference=payment.reference,
            )
        return RemittanceResult(applied, rest)


def customer_credit(ws: Workspace, customer_id: int) -> Decimal:
    """The customer's credit: overpayments and credit notes beyond balances, less what was set
    against invoices or refunded."""
    with ws.reading() as uow:
        return uow.payments.credit(customer_id)


def apply_credit(ws: Workspace, customer_id: int, invoice_id: int) -> Decimal:
    """Set the customer's credit against an issued invoice of theirs, up to its balance;
    returns the amount set against it (£0 when there is no credit or nothing is owed)."""
    with ws.writing() as uow:
        document = uow.invoices.get(invoice_id)
        if (
            document.customer_id != customer_id
            or not document.is_issued
            or (document.is_credit_note)
        ):
            raise InvoicingError(
                [Problem("invoice_id", _("Invoice: choose an issued invoice of this customer"))]
            )
        uow.organisations.lock(uow.invoices.organisation_id(invoice_id))  # as record_payment
        owing = balance(
            totals(document).gross, uow.invoices.paid(invoice_id), uow.invoices.credited(invoice_id)
        )
        amount = min(uow.payments.credit(customer_id), owing)
        if amount > 0:
            uow.payments.add(
                uow.invoices.organisation_id(invoice_id),
                customer_id,
                "credit_applied",
                date.today(),
                amount,
                document_id=invoice_id,
                method=PaymentMethod.OTHER,
                reference=_("Customer credit"),
            )
        return amount


def refund_credit(
    ws: Workspace,
    customer_id: int,
    amount: Decimal,
    day: date,
    reference: str,
    today: date | None = None,
) -> None:
    """Mark part or all of the customer's credit as refunded to them (not dated after
    `today`)."""
    problems = []
    refusal = AMOUNT.refusal(amount, _("Amount"))
    if refusal is None and amount <= 0:
        refusal = _("Amount: must be more than £0")
    if refusal is not None:
        problems.append(Problem("amount", refusal))
    if day > (today or date.today()):
        problems.append(Problem("date", _("Date: a refund cannot be dated in the future")))
    if problems:
        raise InvoicingError(problems)
    with ws.writing() as uow:
        org_id = uow.customers.organisation_id(customer_id)
        uow.organisations.lock(org_id)
        available = uow.payments.credit(customer_id)
        if amount > available:
            raise InvoicingError(
                [
                    Problem(
                        "amount",
                        _("Amount: the customer's credit is {credit}; refund no more").format(
                            credit=format_money(available)
                        ),
                    )
                ]
            )
        uow.payments.add(org_id, customer_id, "refunded", day, amount, reference=reference)


def customer_money(ws: Workspace, org_id: int, today: date) -> dict[int, CustomerMoney]:
    """Owed and credit held for each customer with either (by customer id): the aged debt's
    totals and the customers' credit, read together."""
    with ws.reading() as uow:
        owed = {row.customer_id: row.total for row in uow.invoices.aged_debt(org_id, today)}
        credit = uow.payments.credits(org_id)
    return {
        customer: CustomerMoney(owed.get(customer, ZERO), credit.get(customer, ZERO))
        for customer in owed.keys() | credit.keys()
    }


def aged_debtors(ws: Workspace, org_id: int, today: date) -> list[AgedRow]:
    """What each customer owes by days overdue (current, 1-30, 31-60, 61-90, over 90),
    worked out in SQL; customers by name."""
    with ws.reading() as uow:
        return uow.invoices.aged_debt(org_id, today)
