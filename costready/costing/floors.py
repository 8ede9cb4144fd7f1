"""Legal pay floors: each post's hourly pay against its age band's minimum wage for the tax year.

Pay below the floor is a warning that travels with the result, never a refusal (the person may be
paid an honorarium) and never silent (DESIGN.md, "Legal floors"). The rates live in the rules file
as `[tax_years."2026-27".minimum_hourly_<band>]` tables, read by `rules.minimum_hourly`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from costready.costing import rules
from costready.costing.rules import AgeBand, UnknownTaxYear, full_time_hours
from costready.i18n import N_, _
from costready.money import format_money, format_number
from costready.problems import Problem

if TYPE_CHECKING:
    from costready.costing.model import Scenario, StaffPost


#: What the floor is called in a warning, by band.
_FLOOR_NAMES: Mapping[AgeBand, str] = {
    AgeBand.AGED_21_AND_OVER: N_("the National Living Wage (21 and over)"),
    AgeBand.AGED_18_TO_20: N_("the National Minimum Wage for 18 to 20"),
    AgeBand.AGED_16_TO_17: N_("the National Minimum Wage for 16 to 17"),
    AgeBand.APPRENTICE: N_("the apprentice rate"),
}


def minimum_hourly(tax_year: str, band: AgeBand | str = AgeBand.AGED_21_AND_OVER) -> Decimal | None:
    """The legal minimum hourly pay for `band` in `tax_year` (rules.minimum_hourly), or None when
    the rules file holds no rate for that year and band (a warning needs a floor to name)."""
    try:
        return rules.minimum_hourly(tax_year, band)
    except (KeyError, UnknownTaxYear):
        return None


def hourly_pay(post: StaffPost) -> Decimal | None:
    """A post's hourly pay: the hourly rate as typed, or the full-time salary ÷ full-time hours
    (1,950), exact; None when neither is given."""
    if post.hourly_rate is not None:
        return post.hourly_rate
    if post.annual_salary is not None:
        return post.annual_salary / full_time_hours()
    return None


def post_floor_warning(post: StaffPost, tax_year: str, path: str) -> Problem | None:
    """The warning for one post (`path` such as "$.staff[0]") paid below its band's minimum in
    `tax_year`, or None. The Staff page asks this of an edit, so it and the engine agree."""
    if post.age_band not in set(AgeBand):
        return None  # validation names it
    pay = hourly_pay(post)
    floor = minimum_hourly(tax_year, post.age_band)
    if pay is None or floor is None or not pay.is_finite() or pay >= floor:
        return None
    who = post.role or post.id
    floor_name = _(_FLOOR_NAMES[AgeBand(post.age_band)])
    if post.hourly_rate is not None:
        message = _("{post}: {pay} an hour is below {floor} of {minimum} an hour in {year}").format(
            post=who,
            pay=format_money(pay),
            floor=floor_name,
            minimum=format_money(floor),
            year=tax_year,
        )
        return Problem(f"{path}.hourly_rate", message)
    message = _(
        "{post}: a full-time salary of {salary} is {pay} an hour over {hours} hours, below "
        "{floor} of {minimum} an hour in {year}"
    ).format(
        post=who,
        salary=format_money(post.annual_salary or Decimal(0)),
        pay=format_money(pay),
        hours=format_number(full_time_hours()),
        floor=floor_name,
        minimum=format_money(floor),
        year=tax_year,
    )
    return Problem(f"{path}.annual_salary", message)


def floor_warnings(scenario: Scenario, skip: Iterable[int] = ()) -> tuple[Problem, ...]:
    """A warning for every post paid below its band's minimum (posts at the indexes in `skip`,
    whose figures already have problems, are left out)."""
    left_out = set(skip)
    found = (
        post_floor_warning(post, scenario.tax_year, f"$.staff[{index}]")
        for index, post in enumerate(scenario.staff)
        if index not in left_out
    )
    return tuple(warning for warning in found if warning is not None)
