"""Plausible bounds: entries that are allowed but look like a slip, and the question to ask.

The bounds are not limits (costing.bounds holds those): a figure beyond one still saves, but
only once the person has said it is what they meant (issue 14, "Implausible entries"). The
domain decides what is implausible and what was probably meant; a screen only asks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from costready.costing import rules
from costready.costing.model import StaffPost
from costready.costing.pay import as_hourly, as_salaried
from costready.costing.results import ServiceResult
from costready.costing.rules import full_time_hours
from costready.i18n import _
from costready.money import format_money, format_number, is_whole
from costready.problems import Problem

ZERO = Decimal(0)
ONE = Decimal(1)

#: Hourly pay above £100 is far beyond any community organisation's pay (a chief executive on
#: £100,000 earns about £51 an hour): most likely a yearly salary typed as an hourly rate.
HOURLY_PAY_MAX = Decimal(100)
#: A full-time yearly salary under £1,000 is less than two weeks at the National Living Wage:
#: most likely an hourly rate (12.71) typed as a salary.
SALARY_MIN = Decimal(1_000)
#: A full-time yearly salary over £250,000 is beyond any post CostReady is for: most likely an
#: extra digit or pence typed as pounds.
SALARY_MAX = Decimal(250_000)
#: Paid hours over 3,000 a year for one person is more than 57 hours every week of the year:
#: most likely the hours of everyone in the post typed as one person's.
HOURS_PER_PERSON_MAX = Decimal(3_000)
#: A price more than 10 times the median price of the menu usually has too few planned units
#: or a cost meant for another service (a warning in the result, never a question).
PRICE_MEDIAN_MULTIPLE = Decimal(10)


@dataclass(frozen=True)
class Doubt:
    """A figure that saves only once confirmed: the question, what was typed, and (when there
    is one) the plausible alternative with its label."""

    question: str
    typed: StaffPost
    typed_label: str
    alternative: StaffPost | None = None
    alternative_label: str = ""


def _hourly(amount: Decimal) -> str:
    return _("{amount} an hour").format(amount=format_money(amount))


def _yearly(amount: Decimal) -> str:
    return _("a yearly salary of {amount}").format(amount=format_money(amount))


def post_doubt(before: StaffPost, after: StaffPost) -> Doubt | None:
    """The question to ask before saving `after` (an edit of `before`), or None when every
    changed figure is within its plausible bound. Only figures the edit changed are asked
    about: a figure already confirmed is not asked again."""
    if after.hourly_rate is not None and after.hourly_rate != before.hourly_rate:
        doubt = _hourly_doubt(after, after.hourly_rate)
        if doubt is not None:
            return doubt
    if after.annual_salary is not None and after.annual_salary != before.annual_salary:
        doubt = _salary_doubt(after, after.annual_salary)
        if doubt is not None:
            return doubt
    hours = after.paid_hours_per_person
    if hours is not None and hours != before.paid_hours_per_person:
        return _hours_doubt(after, hours)
    return None


def _sentence(text: str) -> str:
    """A question that starts with a capital ("A yearly salary of…")."""
    return text[:1].upper() + text[1:]


def _hourly_doubt(post: StaffPost, rate: Decimal) -> Doubt | None:
    if rate <= HOURLY_PAY_MAX:
        return None
    hours = post.paid_hours_per_person or full_time_hours()
    salaried = dataclasses.replace(as_salaried(post, hours), annual_salary=rate)
    question = _("{typed} — did you mean {alternative}?").format(
        typed=_hourly(rate), alternative=_yearly(rate)
    )
    return Doubt(question, post, _hourly(rate), salaried, _yearly(rate))


def _salary_doubt(post: StaffPost, salary: Decimal) -> Doubt | None:
    if SALARY_MIN <= salary <= SALARY_MAX:
        return None
    typed = _yearly(salary)
    if salary < SALARY_MIN and salary <= HOURLY_PAY_MAX:
        hours = post.paid_hours_per_person or post.fte * full_time_hours()
        hourly = dataclasses.replace(as_hourly(post, hours), hourly_rate=salary)
        question = _("{typed} — did you mean {alternative}?").format(
            typed=typed, alternative=_hourly(salary)
        )
        return Doubt(_sentence(question), post, typed, hourly, _hourly(salary))
    bound = SALARY_MIN if salary < SALARY_MIN else SALARY_MAX
    question = _("{typed} is {side} {bound} — did you mean it?").format(
        typed=typed,
        side=_("under") if salary < SALARY_MIN else _("over"),
        bound=format_money(bound),
    )
    return Doubt(_sentence(question), post, typed)


def _hours_doubt(post: StaffPost, hours: Decimal) -> Doubt | None:
    if hours <= HOURS_PER_PERSON_MAX:
        return None
    typed = _("{hours} paid hours a year for one person").format(hours=format_number(hours))
    each = hours / post.headcount if post.headcount > ONE else None
    if each is not None and is_whole(each) and each <= HOURS_PER_PERSON_MAX:
        alternative = dataclasses.replace(post, paid_hours_per_person=each)
        label = _("{hours} hours for each of the {people} people").format(
            hours=format_number(each), people=format_number(post.headcount)
        )
        question = _("{typed} — did you mean {alternative}?").format(typed=typed, alternative=label)
        return Doubt(question, post, typed, alternative, label)
    question = _("{typed} is more than {bound} (57 hours a week) — did you mean it?").format(
        typed=typed, bound=format_number(HOURS_PER_PERSON_MAX)
    )
    return Doubt(question, post, typed)


def price_warnings(services: Sequence[ServiceResult], paths: dict[str, str]) -> list[Problem]:
    """Warnings on the prices themselves: a £0.00 price, a price below the unit cost, and a
    price over PRICE_MEDIAN_MULTIPLE × the median price of the menu. `paths` maps a service id
    to its JSON path ("$.services[0]")."""
    found: list[Problem] = []
    prices = [s.price for s in services]
    middle = Decimal(median(prices)) if len(prices) >= 3 else ZERO
    for service in services:
        path = f"{paths.get(service.id, '$')}.price"
        if service.price <= ZERO:
            message = _(
                "{service}: the price is {price} — a service with no staff time or costs "
                "given to it is sold for nothing"
            ).format(service=service.name, price=format_money(service.price))
            found.append(Problem(path, message))
        elif service.price < service.unit_cost_exact:
            message = _("{service}: the price {price} is below the unit cost {cost}").format(
                service=service.name,
                price=format_money(service.price),
                cost=format_money(service.unit_cost),
            )
            found.append(Problem(path, message))
        if middle > ZERO and service.price > PRICE_MEDIAN_MULTIPLE * middle:
            message = _(
                "{service}: the price {price} is more than {times} times the menu's median "
                "price of {median} — check its planned units and costs"
            ).format(
                service=service.name,
                price=format_money(service.price),
                times=format_number(PRICE_MEDIAN_MULTIPLE),
                median=format_money(middle),
            )
            found.append(Problem(path, message))
    return found


def tax_year_warning(tax_year: str) -> str:
    """The warning when the rules file holds no figures for `tax_year` ("" when it does): one
    wording for every page's banner and the costing report."""
    known = rules.tax_years()
    if tax_year in known:
        return ""
    return _(
        "The rules file has no figures for tax year {year} (it has {known}): employer NI, "
        "pension and the legal minimum pay cannot be worked out, so no price can be. Choose a "
        "tax year it holds on the Organisation page, or update CostReady."
    ).format(year=tax_year, known=", ".join(known))
