"""Every number's and every text's stated bounds, checked the same way on every path."""

from __future__ import annotations

from decimal import Decimal

from costready.i18n import N_
from costready.money import NumberBound, TextBound
from costready.organisation import DESCRIPTION, NAME

#: Money: at most £1,000,000,000 either way (DESIGN.md "Money and numbers"). A community
#: organisation's whole budget is far below it, and with every input this size or smaller the
#: engine's 60-digit arithmetic (money.PRECISION) can neither overflow nor lose a penny.
MONEY_LIMIT = Decimal(1_000_000_000)
#: Planned units, capacity and weights (floor area, headcount, usage): at most 100 million a
#: year. More sessions, meals or square metres than that is a typing slip, not a plan.
QUANTITY_LIMIT = Decimal(100_000_000)
#: Paid hours a year per person: at most 8,784, the hours in a leap year.
HOURS_LIMIT = Decimal(8_784)
#: FTE of one person: at most 4.5, about a leap year's hours over 1,950 full-time hours.
FTE_LIMIT = Decimal("4.5")
#: People in one post: at most 100,000, more than any organisation CostReady is for employs.
HEADCOUNT_LIMIT = Decimal(100_000)
#: A mark-up on cost: at most 10,000% (a price a hundred times its cost).
MARKUP_LIMIT = Decimal(100)
#: Shares (time, non-chargeable time, set percentages, rates) are 0-1; up to 10 places
#: allows thirds written out (0.3333333333) while keeping the integer weights small.
SHARE_PLACES = 10

ZERO = Decimal(0)
ONE = Decimal(1)


#: Annual amounts and salaries: whole pence, £0 to £1,000,000,000.
AMOUNT = NumberBound(
    ZERO, MONEY_LIMIT, 2, N_("from £0 to £1,000,000,000, in pounds and whole pence")
)
#: An hourly rate: a rate, so up to 4 places (£12.2125).
HOURLY_RATE = NumberBound(
    ZERO, MONEY_LIMIT, 4, N_("from £0 to £1,000,000,000, with at most 4 decimal places")
)
#: A fixed surplus per unit: money either way, up to 4 places like a rate.
FIXED_SURPLUS = NumberBound(
    -MONEY_LIMIT,
    MONEY_LIMIT,
    4,
    N_("from −£1,000,000,000 to £1,000,000,000, with at most 4 decimal places"),
)
#: A price rounding step: a whole number of pence (the rule itself is checked by validate).
PRICE_STEP = NumberBound(
    Decimal("0.01"),
    MONEY_LIMIT,
    2,
    N_("a whole number of pence from 0.01 to 1,000,000,000, such as 0.01, 0.05 or 0.50"),
)
#: A share: 0 to 1 (0% to 100%).
SHARE = NumberBound(
    ZERO, ONE, SHARE_PLACES, N_("from 0 to 1 (0% to 100%), with at most 10 decimal places")
)
#: A surplus as a share of the price: under 100% (checked by validate), at least −10,000%.
SURPLUS_SHARE = NumberBound(
    -MARKUP_LIMIT,
    ONE,
    4,
    N_("from −100 to 1 (−10,000% to 100%), with at most 4 decimal places (0.1234 = 12.34%)"),
)
#: A mark-up on cost.
MARKUP = NumberBound(
    -ONE,
    MARKUP_LIMIT,
    4,
    N_("from −1 to 100 (−100% to 10,000%), with at most 4 decimal places (0.1234 = 12.34%)"),
)
#: Planned units and capacity a year.
UNITS = NumberBound(
    ZERO, QUANTITY_LIMIT, 4, N_("from 0 to 100,000,000, with at most 4 decimal places")
)
#: A weight in a basis table (floor area, headcount, usage).
WEIGHT = NumberBound(
    ZERO, QUANTITY_LIMIT, 4, N_("from 0 to 100,000,000, with at most 4 decimal places")
)
#: Paid hours a year per person.
HOURS = NumberBound(
    ZERO, HOURS_LIMIT, 4, N_("from 0 to 8,784 hours (a leap year), with at most 4 decimal places")
)
#: FTE of one person.
FTE = NumberBound(ZERO, FTE_LIMIT, 4, N_("from 0 to 4.5, with at most 4 decimal places"))
#: People in a post.
# (places beyond 0 are allowed here so that validate's own "whole number" rule says it)
HEADCOUNT = NumberBound(ZERO, HEADCOUNT_LIMIT, 10, N_("a whole number from 1 to 100,000"))

#: Names, roles and other one-line text: NAME (200 characters, as the organisation's name).
#: Ids naming a service, post, cost line or pool (the workspace keeps 100 characters).
ID = TextBound(100)
#: A key naming an id in a table (a time split's "overhead:management", a kind of time).
KEY = TextBound(110)
#: A unit as a price list prints it ("hour", "session").
UNIT = TextBound(60)
#: A cost line's category and other short codes.
CODE = TextBound(40)
#: Descriptions: DESCRIPTION (2,000 characters, as the organisation's address).

__all__ = ["DESCRIPTION", "NAME"]


def surplus_bound(kind: str) -> NumberBound:
    """The bound of a surplus value by its convention (a share, a mark-up or an amount)."""
    if kind == "fixed_per_unit":
        return FIXED_SURPLUS
    if kind == "share_of_price":
        return SURPLUS_SHARE
    return MARKUP
