"""Late Payment of Commercial Debts (Interest) Act 1998: fixed compensation and interest.

Never for an individual (a consumer); optional per organisation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from costready.money import ZERO, to_penny
from costready.rules_file import Figure, section_entries, section_figure

from .customers import Customer, is_consumer


def applies_to(customer: Customer) -> bool:
    """True for a business or public body customer; never for an individual."""
    return not is_consumer(customer)


def fixed_compensation(debt: Decimal) -> Decimal:
    """£40 for a debt under £1,000, £70 under £10,000, £100 from £10,000 (s.5A; bands from the
    rules file's `[late_payment]`)."""
    if debt >= _figure("large_debt_from"):
        return _figure("fixed_sum_large")
    if debt >= _figure("medium_debt_from"):
        return _figure("fixed_sum_medium")
    return _figure("fixed_sum_small")


def _figure(name: str) -> Decimal:
    return section_figure("late_payment", name).value


def statutory_rate(reference_rate: Decimal) -> Decimal:
    """The yearly interest rate: 8% over the reference rate (fractions: 0.04 -> 0.12)."""
    return _figure("interest_over_reference_rate") + reference_rate


def reference_period_start(day: date) -> date:
    """The start of the six months `day` falls in (1 January or 1 July): the reference rate
    is the Bank Rate in force on the day before it (31 December or 30 June)."""
    return date(day.year, 1 if day.month <= 6 else 7, 1)


def reference_rate_for(day: date) -> Decimal | None:
    """The reference rate (a fraction) for a debt that fell overdue on `day`, from the rules
    file's dated Bank Rate entries; None when the file does not hold that period's rate
    (the organisation then types it)."""
    start = reference_period_start(day)
    name = f"reference_rate_{start.year}_h{1 if start.month == 1 else 2}"
    entry = section_entries("late_payment").get(name)
    if isinstance(entry, Figure) and entry.applies_from == start:
        return entry.value
    return None


def interest(debt: Decimal, overdue_from: date, until: date, reference_rate: Decimal) -> Decimal:
    """Simple interest, daily: debt x (8% + reference rate) x days / 365, half-up to the penny.
    `overdue_from` is the due date (interest runs from the day after it); `until` the last day
    counted. £0 when `until` is not after `overdue_from`."""
    days = (until - overdue_from).days
    if days <= 0 or debt <= 0:
        return ZERO
    yearly = debt * statutory_rate(reference_rate)
    return to_penny(yearly * days / DAYS_IN_YEAR)


#: Statutory interest is worked per day over a 365-day year (as gov.uk's guidance does).
DAYS_IN_YEAR = 365
