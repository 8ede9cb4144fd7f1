"""A post's annual cost in its parts (pay, employer NI, pension...), in pounds, as the engine
worked them out: the one source for the Staff page, the Prices explanation and the report."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from costready.costing.results import PostCost
from costready.money import to_penny


@dataclass(frozen=True)
class PostParts:
    """Each part for all the people in the post (headcount × one person's figure), half-up to
    the penny; `annual_cost` is the engine's, rounded once from the unrounded parts, so the
    parts may add up to a penny more or less (`rounding_difference`)."""

    pay: Decimal
    employer_ni: Decimal
    pension: Decimal
    other: Decimal
    employment_allowance: Decimal  # a reduction, shown as a positive amount
    annual_cost: Decimal

    @property
    def parts_total(self) -> Decimal:
        """The shown parts added up, the allowance taken off."""
        return self.pay + self.employer_ni + self.pension + self.other - self.employment_allowance

    @property
    def rounding_difference(self) -> Decimal:
        """Annual cost less the shown parts' total: a penny or two at most, from rounding once."""
        return self.annual_cost - self.parts_total


def post_parts(post: PostCost) -> PostParts:
    """The parts of one post's annual cost, from the engine's result (never recomputed)."""

    def whole_post(per_person: Decimal) -> Decimal:
        return to_penny(per_person * post.headcount)

    return PostParts(
        pay=whole_post(post.pay_per_person),
        employer_ni=whole_post(post.employer_ni_per_person),
        pension=whole_post(post.pension_per_person),
        other=whole_post(post.other_per_person),
        employment_allowance=post.employment_allowance,
        annual_cost=post.annual_cost,
    )
