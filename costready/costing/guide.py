"""Defaults the guided setup starts a new organisation with (pure: no workspace, no screen)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from costready.costing.allowance import allowance_check
from costready.costing.ids import new_id
from costready.costing.model import Answer, Basis, CostLine, Scenario
from costready.costing.scenarios import MANAGEMENT_POOL, new_scenario
from costready.i18n import N_, _
from costready.organisation import LegalForm, Organisation

ZERO = Decimal(0)

#: Running costs most small organisations have: (name, category, basis, pool); N_-marked names.
_SUGGESTED_COSTS: tuple[tuple[str, str, Basis | None, str | None], ...] = (
    (N_("Rent"), "premises", Basis.FLOOR_AREA, None),
    (N_("Insurance"), "insurance", Basis.STAFF_TIME, None),
    (N_("Accountant or independent examination"), "governance", Basis.STAFF_TIME, None),
    (N_("IT and phones"), "it", Basis.STAFF_TIME, None),
    (N_("Management costs"), "management", None, MANAGEMENT_POOL),
)


def claims_allowance_by_default(organisation: Organisation) -> bool:
    """Whether a new scenario starts with the Employment Allowance claimed: yes for a charity.

    A charity may claim whatever share of its work is for public bodies, and a charitable
    trust or CIO is not a company, so it has no directors (NIM06530; NICA 2014 s.2). Anyone
    else answers the questions first (costing/allowance.py): until then it is not claimed.
    """
    charity = organisation.legal_form in (LegalForm.CHARITY, LegalForm.CIO)
    return charity or organisation.registered_charity


def first_scenario(organisation: Organisation, today: date) -> Scenario:
    """The blank scenario a new organisation starts with: its current financial year, the
    management pool, and the Employment Allowance claimed, with its answers, for a charity."""
    scenario = new_scenario(organisation, today)
    if not claims_allowance_by_default(organisation):
        return scenario
    company = organisation.legal_form not in (LegalForm.CHARITY, LegalForm.CIO)
    answered = dataclasses.replace(
        scenario,
        ea_registered_charity=Answer.YES,
        ea_sole_director=Answer.NOT_SURE if company else Answer.NO,
    )
    # a charitable company still answers whether its only employee is a director
    claims = allowance_check(answered, registered_charity=True).may_claim
    return dataclasses.replace(answered, claims_employment_allowance=claims)


def suggested_costs(taken: Iterable[str] = ()) -> tuple[CostLine, ...]:
    """Running costs most small organisations have, amounts left at zero for the person to
    fill in; ids are made from the names and are not in `taken`."""
    used = set(taken)
    lines = []
    for name, category, basis, pool in _SUGGESTED_COSTS:
        line_id = new_id(_(name), used, "cost")
        used.add(line_id)
        lines.append(
            CostLine(
                id=line_id,
                name=_(name),
                annual_amount=ZERO,
                category=category,
                basis=basis,
                pool=pool,
            )
        )
    return tuple(lines)
