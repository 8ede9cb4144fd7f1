"""Payments against invoices, balances, credit notes' limits and the customer's credit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from costready.i18n import N_, _
from costready.money import ZERO, NumberBound, TextBound, format_money
from costready.problems import Problem

#: A payment: pounds and whole pence up to £1,000,000,000 (more than 0 is checked apart).
AMOUNT = NumberBound(
    Decimal("0"), Decimal("1000000000"), 2, N_("from £0 to £1,000,000,000, in pounds and pence")
)
#: The payer's reference (a bank reference is at most 18 characters; cheques and cards vary).
REFERENCE = TextBound(100)


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


#: The kinds that add to a customer's credit (the others use it).
CREDIT_IN = frozenset({CreditEntryKind.OVERPAYMENT, CreditEntryKind.CREDIT_NOTE_EXCESS})


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
class CustomerMoney:
    """What a customer owes on their invoices, and the credit they hold with us."""

    owed: Decimal = ZERO
    credit: Decimal = ZERO


class Allocation(NamedTuple):
    """What one amount does to an invoice: `applied` reduces its balance, `to_customer_credit`
    is the rest (never lost, never refused)."""

    applied: Decimal
    to_customer_credit: Decimal


def total_paid(payments: Iterable[Payment]) -> Decimal:
    """The sum of the payments' amounts."""
    return sum((payment.amount for payment in payments), ZERO)


def balance(total: Decimal, paid: Decimal, credited: Decimal) -> Decimal:
    """What is still owed: total - payments - credit notes against it, never below £0."""
    return max(ZERO, total - paid - credited)


def settle(total: Decimal, paid_so_far: Decimal, credited: Decimal, amount: Decimal) -> Allocation:
    """A payment of `amount`: the part that reduces the balance, and the rest, which becomes
    the customer's credit. (An Allocation unpacks as (applied, to_customer_credit).)"""
    if amount < 0:
        raise ValueError("a payment is not negative")
    applied = min(amount, balance(total, paid_so_far, credited))
    return Allocation(applied, amount - applied)


def creditable(invoice_total: Decimal, credited_so_far: Decimal) -> Decimal:
    """What a credit note may still credit against an invoice: its total less the credit notes
    already issued against it (never below £0). Payments do not reduce it: crediting a paid
    invoice turns the credited money into the customer's credit (`apply_credit_note`)."""
    return max(ZERO, invoice_total - credited_so_far)


def apply_credit_note(
    invoice_total: Decimal, paid: Decimal, credited_so_far: Decimal, amount: Decimal
) -> Allocation:
    """A credit note of `amount` against an invoice: the part that reduces its balance, and the
    part beyond the balance (already paid) that becomes the customer's credit. ValueError when
    `amount` exceeds `creditable`."""
    if amount < 0 or amount > creditable(invoice_total, credited_so_far):
        raise ValueError("a credit note cannot exceed what is left to credit")
    applied = min(amount, balance(invoice_total, paid, credited_so_far))
    return Allocation(applied, amount - applied)


def credit_available(entries: Iterable[CreditEntry]) -> Decimal:
    """A customer's credit: money in less money out, never below £0."""
    total = ZERO
    for entry in entries:
        total += entry.amount if entry.kind in CREDIT_IN else -entry.amount
    return max(ZERO, total)


def validate_payment(payment: Payment, today: date | None = None) -> list[Problem]:
    """Problems with a payment: amount more than £0 in whole pence within bounds, reference
    length, not dated after `today` when given."""
    problems = []
    refusal = AMOUNT.refusal(payment.amount, _("Amount"))
    if refusal is None and payment.amount <= 0:
        refusal = _("Amount: must be more than £0")
    if refusal is not None:
        problems.append(Problem("amount", refusal))
    refusal = REFERENCE.refusal(payment.reference, _("Reference"))
    if refusal is not None:
        problems.append(Problem("reference", refusal))
    if today is not None and payment.date > today:
        problems.append(Problem("date", _("Date: a payment cannot be dated in the future")))
    return problems


def validate_credit_note_amount(amount: Decimal, left_to_credit: Decimal) -> list[Problem]:
    """A credit note can never exceed what is left to credit on its invoice."""
    if amount > left_to_credit:
        return [
            Problem(
                "lines",
                _(
                    "Credit note: its total ({amount}) is more than is left to credit on the "
                    "invoice ({left})"
                ).format(amount=format_money(amount), left=format_money(left_to_credit)),
            )
        ]
    return []


@dataclass(frozen=True)
class Owing:
    """An invoice a remittance may pay: its number and what is still owed on it."""

    number: str
    balance: Decimal


def allocate_oldest_first(
    amount: Decimal, owing: Sequence[Owing]
) -> tuple[tuple[Decimal, ...], Decimal]:
    """One remittance of `amount` split over `owing` in the order given (oldest due first, as
    a buyer's remittance advice usually pays): each invoice takes what is owed on it until the
    money runs out. Returns the part set against each invoice and the rest, which becomes the
    customer's credit; the parts and the rest add up to `amount` exactly."""
    left = amount
    parts = []
    for invoice in owing:
        part = min(left, max(ZERO, invoice.balance))
        parts.append(part)
        left -= part
    return tuple(parts), left


def allocation_problems(
    amount: Decimal, parts: Sequence[Decimal], owing: Sequence[Owing]
) -> list[Problem]:
    """Problems with a remittance split by hand: each part in pounds and whole pence, not
    below £0 and not more than is owed on its invoice (path `allocations[i]`); all of them
    together not more than the money received (path `amount`). What is left over is the
    customer's credit, never refused."""
    problems = []
    for index, (part, invoice) in enumerate(zip(parts, owing, strict=True)):
        label = _("Against {number}").format(number=invoice.number)
        refusal = AMOUNT.refusal(part, label)
        if refusal is None and part > invoice.balance:
            refusal = _("{label}: at most {owed} is owed on it").format(
                label=label, owed=format_money(invoice.balance)
            )
        if refusal is not None:
            problems.append(Problem(f"allocations[{index}]", refusal))
    total = sum(parts, ZERO)
    if total > amount:
        problems.append(
            Problem(
                "amount",
                _(
                    "Amount: {total} is set against invoices, more than the {amount} received"
                ).format(total=format_money(total), amount=format_money(amount)),
            )
        )
    return problems
