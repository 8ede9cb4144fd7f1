"""Aged debt: what each customer owes by how long it is overdue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from costready.i18n import N_
from costready.money import ZERO


class Bucket(StrEnum):
    """Days overdue: not yet due, 1-30, 31-60, 61-90, over 90."""

    CURRENT = "current"
    DAYS_1_30 = "1-30"
    DAYS_31_60 = "31-60"
    DAYS_61_90 = "61-90"
    OVER_90 = "over_90"


BUCKET_LABELS = {
    Bucket.CURRENT: N_("Current"),
    Bucket.DAYS_1_30: N_("1–30 days"),
    Bucket.DAYS_31_60: N_("31–60 days"),
    Bucket.DAYS_61_90: N_("61–90 days"),
    Bucket.OVER_90: N_("Over 90 days"),
}

#: The buckets as data (first and last day overdue; None = no end), for SQL and Python alike.
BUCKET_BOUNDS: tuple[tuple[Bucket, int | None, int | None], ...] = (
    (Bucket.CURRENT, None, 0),
    (Bucket.DAYS_1_30, 1, 30),
    (Bucket.DAYS_31_60, 31, 60),
    (Bucket.DAYS_61_90, 61, 90),
    (Bucket.OVER_90, 91, None),
)


@dataclass(frozen=True)
class Debt:
    """One invoice's outstanding balance for the aged-debt report."""

    customer_id: int
    name: str
    due_date: date
    balance: Decimal


@dataclass(frozen=True)
class AgedRow:
    """One customer's outstanding balances by bucket, and their total."""

    customer_id: int
    name: str
    buckets: dict[Bucket, Decimal]
    total: Decimal


def days_overdue(due_date: date, today: date) -> int:
    """Days past the due date (0 or less: not yet overdue)."""
    return (today - due_date).days


def bucket_for(due_date: date, today: date) -> Bucket:
    """The bucket an invoice due on `due_date` falls in on `today`."""
    days = days_overdue(due_date, today)
    for bucket, first, last in BUCKET_BOUNDS:
        if (first is None or days >= first) and (last is None or days <= last):
            return bucket
    raise AssertionError("the buckets cover every day")  # pragma: no cover


def aged_debt(debts: Iterable[Debt], today: date) -> list[AgedRow]:
    """Outstanding balances by customer and bucket, customers by name then id; balances of
    £0 left out."""
    rows: dict[int, tuple[str, dict[Bucket, Decimal]]] = {}
    for debt in debts:
        if debt.balance == 0:
            continue
        _name, buckets = rows.setdefault(debt.customer_id, (debt.name, _empty()))
        bucket = bucket_for(debt.due_date, today)
        buckets[bucket] += debt.balance
    result = [
        AgedRow(customer_id, name, buckets, sum(buckets.values(), ZERO))
        for customer_id, (name, buckets) in rows.items()
    ]
    return sorted(result, key=lambda row: (row.name.casefold(), row.customer_id))


def _empty() -> dict[Bucket, Decimal]:
    return {bucket: ZERO for bucket in Bucket}


def aged_totals(rows: Iterable[AgedRow]) -> AgedRow:
    """The totals row (customer_id 0, no name)."""
    buckets = _empty()
    for row in rows:
        for bucket, amount in row.buckets.items():
            buckets[bucket] += amount
    return AgedRow(0, "", buckets, sum(buckets.values(), ZERO))
