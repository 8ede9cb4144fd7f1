"""Pay rules: salary and hourly rate at the same pay, FTE from hours, holiday weeks and shares."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from costready.costing.model import StaffPost
from costready.costing.rules import full_time_hours, weeks_per_year
from costready.money import half_up, to_four_places, to_penny

ZERO = Decimal(0)
ONE = Decimal(1)
#: Holiday is asked and shown in weeks to this many places (5.60), half-up.
WEEKS_PLACES = 2
#: Travel in minutes per contact hour is shown to this many places (10.59), half-up.
MINUTES_PLACES = 2
MINUTES_PER_HOUR = Decimal(60)


def hourly_from_salary(salary: Decimal) -> Decimal:
    """The hourly rate of a full-time salary (salary ÷ 1,950 hours), half-up to the penny."""
    return to_penny(salary / full_time_hours())


def salary_from_hourly(rate: Decimal) -> Decimal:
    """The full-time salary of an hourly rate (rate × 1,950 hours), half-up to the penny."""
    return to_penny(rate * full_time_hours())


def fte_from_hours(hours: Decimal) -> Decimal:
    """Paid hours a year as a share of full time (1,000 ÷ 1,950 = 0.5128), half-up to four
    places."""
    return to_four_places(hours / full_time_hours())


def holiday_share(weeks: Decimal) -> Decimal:
    """Weeks of holiday as a share of paid hours (5.6 ÷ 52.14 = 0.1074), half-up to four
    places: the share the engine stores and prices with."""
    return to_four_places(weeks / weeks_per_year())


def holiday_weeks(share: Decimal) -> Decimal:
    """A holiday share of paid hours back in weeks (0.1074 → 5.60), half-up to two places."""
    return half_up(share * weeks_per_year(), WEEKS_PLACES)


def travel_share(minutes: Decimal) -> Decimal:
    """m minutes of travel per contact hour as a share of paid hours, m ÷ (60 + m) (15 minutes
    = 0.2: of every 75 paid minutes, 15 are travel), half-up to four places like holiday."""
    return to_four_places(minutes / (MINUTES_PER_HOUR + minutes))


def travel_minutes(share: Decimal) -> Decimal:
    """A travel share of paid hours back in minutes per contact hour, 60 × s ÷ (1 − s)
    (0.2 → 15.00), half-up to two places; zero for a share of 1 or more (no contact time)."""
    if share >= ONE or share <= ZERO:
        return ZERO
    return half_up(MINUTES_PER_HOUR * share / (ONE - share), MINUTES_PLACES)


def as_hourly(post: StaffPost, hours: Decimal) -> StaffPost:
    """A salaried post made hourly at the same pay for full-time hours; each person keeps
    working `hours` a year."""
    return dataclasses.replace(
        post,
        hourly_rate=hourly_from_salary(post.annual_salary or ZERO),
        annual_salary=None,
        paid_hours_per_person=hours,
        fte=ONE,
    )


def as_salaried(post: StaffPost, hours: Decimal) -> StaffPost:
    """An hourly post made salaried at the same pay for full-time hours, its FTE from `hours`
    (kept as given when FTE × full time does not give them exactly)."""
    fte = fte_from_hours(hours)
    given = None if fte * full_time_hours() == hours else hours
    return dataclasses.replace(
        post,
        annual_salary=salary_from_hourly(post.hourly_rate or ZERO),
        hourly_rate=None,
        fte=fte,
        paid_hours_per_person=given,
    )
