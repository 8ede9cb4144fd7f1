"""Who can claim the Employment Allowance, from three answers (yes, no or not sure).

NICA 2014 s.2 as HMRC's National Insurance Manual NIM06530 explains it: an employer whose work
is wholly or mainly (more than half) functions of a public nature, such as NHS services or
meals on wheels for a council, cannot claim unless it is a charity; nor can a company whose
only employee paid above the secondary threshold is a director. "Not sure" means it is not
claimed, and the app says what to check. Rules and sources: the rules file.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from costready.costing.model import Answer, Scenario
from costready.costing.rules import Rule, legal_rule
from costready.i18n import _


class Eligibility(StrEnum):
    """Whether the allowance can be claimed."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNSURE = "unsure"


@dataclass(frozen=True)
class AllowanceCheck:
    """The outcome, in words that say why or what to check, and the rules it rests on."""

    eligibility: Eligibility
    text: str
    rules: tuple[Rule, ...]

    @property
    def may_claim(self) -> bool:
        return self.eligibility is Eligibility.ELIGIBLE


def allowance_check(scenario: Scenario, registered_charity: bool = False) -> AllowanceCheck:
    """Whether the organisation may claim, from the scenario's three answers (a profile
    marked as a registered charity answers the first)."""
    charity = Answer.YES if registered_charity else scenario.ea_registered_charity
    public = legal_rule("ea_public_functions_rule")
    director = legal_rule("ea_sole_director_rule")
    if scenario.ea_sole_director is Answer.YES:
        return AllowanceCheck(
            Eligibility.NOT_ELIGIBLE,
            _(
                "Not claimable: a company whose only employee paid above the NI threshold is "
                "a director cannot claim. Source: {source}"
            ).format(source=director.source),
            (director,),
        )
    if charity is Answer.NO and scenario.ea_public_work is Answer.YES:
        return AllowanceCheck(
            Eligibility.NOT_ELIGIBLE,
            _(
                "Not claimable: more than half of the work is done for public bodies "
                "(functions of a public nature, such as NHS services or council contracts) "
                "and the organisation is not a charity. Source: {source}"
            ).format(source=public.source),
            (public,),
        )
    checks = _to_check(scenario, charity, public, director)
    if checks:
        return AllowanceCheck(
            Eligibility.UNSURE,
            _("Not claimed until it is settled. Check {checks}.").format(
                checks=_("; and ").join(checks)
            ),
            (public, director),
        )
    return AllowanceCheck(
        Eligibility.ELIGIBLE,
        _(
            "Claimable: not mainly public work (or a charity), and not a company whose only "
            "employee is a director. Sources: {public}; {director}"
        ).format(public=public.source, director=director.source),
        (public, director),
    )


def _to_check(scenario: Scenario, charity: Answer, public: Rule, director: Rule) -> list[str]:
    """What a person must find out before claiming (empty when every answer settles it)."""
    checks = []
    if scenario.ea_sole_director is Answer.NOT_SURE:
        checks.append(
            _(
                "whether anyone other than a director is paid above the NI secondary threshold "
                "({source})"
            ).format(source=director.source)
        )
    if charity is not Answer.YES and scenario.ea_public_work is Answer.YES:
        checks.append(
            _(
                "whether the organisation is a registered charity: more than half of its work "
                "is for public bodies, which rules the allowance out unless it is one ({source})"
            ).format(source=public.source)
        )
    elif charity is not Answer.YES and scenario.ea_public_work is Answer.NOT_SURE:
        checks.append(
            _(
                "what share of the work is done for public bodies under contract, such as the "
                "NHS or a council: more than half rules the allowance out for an organisation "
                "that is not a charity ({source})"
            ).format(source=public.source)
        )
    return checks
