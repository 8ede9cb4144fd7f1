"""An invoice's status, derived from its balance and due date (never stored)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from costready.i18n import N_

from .documents import Document
from .payments import balance


class Status(StrEnum):
    """Where a document stands. Only `draft` is a stored state; the others are derived."""

    DRAFT = "draft"
    ISSUED = "issued"
    PART_PAID = "part_paid"
    PAID = "paid"
    OVERDUE = "overdue"
    CREDITED = "credited"  # fully credited by credit notes


STATUS_LABELS = {
    Status.DRAFT: N_("Draft"),
    Status.ISSUED: N_("Issued"),
    Status.PART_PAID: N_("Part paid"),
    Status.PAID: N_("Paid"),
    Status.OVERDUE: N_("Overdue"),
    Status.CREDITED: N_("Credited"),
}


def status(
    document: Document, total: Decimal, paid: Decimal, credited: Decimal, today: date
) -> Status:
    """Draft until issued. A credit note is then `issued`. An invoice: `credited` when credit
    notes cover its whole total; `paid` when nothing is left to pay; `overdue` when a balance
    remains after the due date; `part_paid` when something was paid or credited; else
    `issued`."""
    if not document.is_issued:
        return Status.DRAFT
    if document.is_credit_note:
        return Status.ISSUED
    if total > 0 and credited >= total:
        return Status.CREDITED
    if balance(total, paid, credited) == 0:
        return Status.PAID
    if document.due_date is not None and today > document.due_date:
        return Status.OVERDUE
    if paid > 0 or credited > 0:
        return Status.PART_PAID
    return Status.ISSUED
