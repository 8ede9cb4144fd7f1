"""Payments against invoices, balances, credit notes' limits and the customer's credit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from costready.i18n import N_
from costready.problems import Problem


class PaymentMethod(StrEnum):
    """How a payment arrived."""

    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    CASH = "cash"
    CHEQUE = "cheque"
    DIRECT_DEBIT = "direct_debit"
    OTHER = "other"


PAYMENT_METHOD_LABELS = {
    PaymentMethod.BANK_TRANSFER: N_("Bank transfer"),
    PaymentMethod.CARD: N_("Card"),
    PaymentMethod.CASH: N_("Cash"),
    PaymentMethod.CHEQUE: N_("Cheque"),
    PaymentMethod.DIRECT_DEBIT: N_("Direct debit"),
    PaymentMethod.OTHER: N_("Other"),
}


@dataclass(frozen=True)
class Payment:
    """Money received against one invoice: more than £0, whole pence."""

    date: date
    amount: Decimal
    method: PaymentMethod = PaymentMethod.BANK_TRANSFER
    reference: str = ""
    invoice_id: int | None = None
    id: int | None = None
    version: int | None = field(default=None, compare=False)


class CreditEntryKind(StrEnum):
    """A movement on a customer's credit: money in (an overpayment, a credit note beyond the
    balance) or out (set against a later invoice, refunded)."""

    OVERPAYMENT = "overpayment"
    CREDIT_NOTE_EXCESS = "credit_note_excess"
    APPLIED = "applied"
    REFUNDED = "refunded"


@dataclass(frozen=True)
class CreditEntry:
    """One movement on a customer's credit. `amount` is positive; the kind says which way.
    `document_id` is the invoice or credit note it came from or was set against."""

    date: date
    kind: CreditEntryKind
    amount: Decimal
    customer_id: int | None = None
    document_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Allocation:
    """What one amount does to an invoice: `applied` reduces its balance, `to_customer_credit`
    is the rest (never lost, never refused)."""

    applied: Decimal
    to_customer_credit: Decimal


def total_paid(payments: Iterable[Payment]) -> Decimal:
    """The sum of the payments' amounts."""
    raise NotImplementedError


def balance(total: Decimal, paid: Decimal, credited: Decimal) -> Decimal:
    """What is still owed: total - payments - credit notes against it, never below £0."""
    raise NotImplementedError


def settle(total: Decimal, paid_so_far: Decimal, credited: Decimal, amount: Decimal) -> Allocation:
    """A payment of `amount`: the part that reduces the balance, and the rest, which becomes
    the customer's credit. (An Allocation unpacks as (applied, to_customer_credit).)"""
    raise NotImplementedError


def creditable(invoice_total: Decimal, credited_so_far: Decimal) -> Decimal:
    """What a credit note may still credit against an invoice: its total less the credit notes
    already issued against it (never below £0). Payments do not reduce it: crediting a paid
    invoice turns the credited money into the customer's credit (`apply_credit_note`)."""
    raise NotImplementedError


def apply_credit_note(
    invoice_total: Decimal, paid: Decimal, credited_so_far: Decimal, amount: Decimal
) -> Allocation:
    """A credit note of `amount` against an invoice: the part that reduces its balance, and the
    part beyond the balance (already paid) that becomes the customer's credit. ValueError when
    `amount` exceeds `creditable`."""
    raise NotImplementedError


def credit_available(entries: Iterable[CreditEntry]) -> Decimal:
    """A customer's credit: money in less money out, never below £0."""
    raise NotImplementedError


def validate_payment(payment: Payment, today: date | None = None) -> list[Problem]:
    """Problems with a payment: amount more than £0 in whole pence within bounds, reference
    length, not dated after `today` when given."""
    raise NotImplementedError


def validate_credit_note_amount(amount: Decimal, left_to_credit: Decimal) -> list[Problem]:
    """A credit note can never exceed what is left to credit on its invoice."""
    raise NotImplementedError
