"""What the invoice list shows and filters by (the rows are worked out in SQL by storage)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .documents import DocumentKind
from .status import Status

#: What a draft shows in the number column (translated where it is shown).
DRAFT_NUMBER = "Draft"


@dataclass(frozen=True)
class InvoiceFilter:
    """The list's filters: a status, a customer, issue dates from/to (drafts have none, so a
    date filter leaves them out), and text found in the number, the customer's name or the
    purchase order."""

    status: Status | None = None
    customer_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""


@dataclass(frozen=True)
class InvoiceRow:
    """One row of the invoice list: `number` is "Draft" for a draft; `total` the gross,
    `balance` what is left to pay (0 for a credit note)."""

    id: int
    kind: DocumentKind
    number: str
    customer_name: str
    issue_date: date | None
    due_date: date | None
    total: Decimal
    balance: Decimal
    status: Status


class SortKey(StrEnum):
    """A column the list can be sorted by (the same names as the list's columns)."""

    NUMBER = "number"
    KIND = "kind"
    CUSTOMER = "customer"
    ISSUED = "issued"
    DUE = "due"
    TOTAL = "total"
    BALANCE = "balance"  # worked out per row: a sort by it reads every row
    #: worked out per row; sorted in the order Status lists them (draft, issued, part paid,
    #: paid, overdue, credited), not by the words shown, which differ by language
    STATUS = "status"


@dataclass(frozen=True)
class ListOrder:
    """How the list is sorted: `key` None is the usual order (drafts first, then the newest
    issue date); otherwise by that column, ties broken by id in the same direction, and rows
    with no value there (a draft's number) last either way."""

    key: SortKey | None = None
    descending: bool = False


#: The list's usual order: drafts first, then the newest.
DEFAULT_ORDER = ListOrder()
