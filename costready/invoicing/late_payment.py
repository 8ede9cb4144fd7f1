"""Late Payment of Commercial Debts (Interest) Act 1998: fixed compensation and interest.

Never for an individual (a consumer); optional per organisation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .customers import Customer


def applies_to(customer: Customer) -> bool:
    """True for a business or public body customer; never for an individual."""
    raise NotImplementedError


def fixed_compensation(debt: Decimal) -> Decimal:
    """£40 for a debt under £1,000, £70 under £10,000, £100 from £10,000 (s.5A; bands from the
    rules file's `[late_payment]`)."""
    raise NotImplementedError


def statutory_rate(reference_rate: Decimal) -> Decimal:
    """The yearly interest rate: 8% over the reference rate (fractions: 0.04 -> 0.12)."""
    raise NotImplementedError


def reference_period_start(day: date) -> date:
    """The start of the six months `day` falls in (1 January or 1 July): the reference rate
    is the Bank Rate in force on the day before it (31 December or 30 June)."""
    raise NotImplementedError


def reference_rate_for(day: date) -> Decimal | None:
    """The reference rate (a fraction) for a debt that fell overdue on `day`, from the rules
    file's dated Bank Rate entries; None when the file does not hold that period's rate
    (the organisation then types it)."""
    raise NotImplementedError


def interest(debt: Decimal, overdue_from: date, until: date, reference_rate: Decimal) -> Decimal:
    """Simple interest, daily: debt x (8% + reference rate) x days / 365, half-up to the penny.
    `overdue_from` is the due date (interest runs from the day after it); `until` the last day
    counted. £0 when `until` is not after `overdue_from`."""
    raise NotImplementedError
