"""Payments: record them against invoices, the customer's credit, aged debt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from costready.i18n import _
from costready.invoicing.aged_debt import AgedRow
from costready.invoicing.documents import totals
from costready.invoicing.errors import InvoicingError
from costready.invoicing.payments import (
    AMOUNT,
    Payment,
    PaymentMethod,
    balance,
    settle,
    validate_payment,
)
from costready.money import format_money
from costready.problems import Problem
from costready.storage.workspace import Workspace

__all__ = [
    "AgedRow",
    "PaymentResult",
    "aged_debtors",
    "apply_credit",
    "customer_credit",
    "record_payment",
    "refund_credit",
]


@dataclass(frozen=True)
class PaymentResult:
    """What a payment did: the part that reduced the invoice's balance, and the rest, which
    became the customer's credit (never lost, never refused)."""

    applied: Decimal
    to_customer_credit: Decimal


def record_payment(ws: Workspace, invoice_id: int, payment: Payment) -> PaymentResult:
    """Record money received against an issued invoice; beyond its balance, the rest becomes
    the customer's credit. InvoicingError naming the field when the payment is not valid."""
    problems = validate_payment(payment)
    if problems:
        raise InvoicingError(problems)
    with ws.writing() as uow:
        document = uow.invoices.get(invoice_id)
        if not document.is_issued or document.is_credit_note:
            raise InvoicingError(
                [Problem("invoice_id", _("Invoice: payments are recorded against issued invoices"))]
            )
        org_id = uow.invoices.organisation_id(invoice_id)
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
    ws: Workspace, customer_id: int, amount: Decimal, day: date, reference: str
) -> None:
    """Mark part or all of the customer's credit as refunded to them."""
    problems = []
    refusal = AMOUNT.refusal(amount, _("Amount"))
    if refusal is None and amount <= 0:
        refusal = _("Amount: must be more than £0")
    if refusal is not None:
        problems.append(Problem("amount", refusal))
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


def aged_debtors(ws: Workspace, org_id: int, today: date) -> list[AgedRow]:
    """What each customer owes by days overdue (current, 1-30, 31-60, 61-90, over 90),
    worked out in SQL; customers by name."""
    with ws.reading() as uow:
        return uow.invoices.aged_debt(org_id, today)
