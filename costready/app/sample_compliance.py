"""The sample organisation's answers to the checklist interview.

Riverside Community Hub is a small CQC-registered charity in England: home support with
personal care, day activities with lunch, befriending and social prescribing, bought by the
council, the ICB and people with direct payments or their own money. Answered, so a new user
opening the sample sees a checklist that says what applies and why, not "Check" throughout.
What the app knows itself (VAT, CQC registration, charity, staff, priced menu, invoices) is not
answered here: it comes from the sample's profile, scenario and invoices.
"""

from __future__ import annotations

from decimal import Decimal

from costready.compliance.interview import NO, YES, encode
from costready.compliance.rules import Value
from costready.storage.unit_of_work import UnitOfWork

SAMPLE_ANSWERS: dict[str, Value] = {
    "nations": frozenset({"england"}),
    "buyers": frozenset({"council", "nhs", "direct_payments", "self_funders"}),
    "sole_carer": NO,
    "clinical": NO,
    "accommodation_care": NO,
    "health_transport": NO,
    "health_services": YES,  # social prescribing, bought by the ICB
    "taxable_next_30_days": NO,
    "welfare_services": YES,
    "paid_above_ni_threshold": YES,
    "pension_eligible_worker": YES,
    "volunteers": YES,
    "at_risk": YES,
    "digital_records": YES,
    "nhs_data": YES,  # referrals from GP practices carry NHS numbers
    "annual_turnover": Decimal("560000"),
    "public_premises": YES,
    "food": "regularly",  # the lunch at day activities
    "advice_services": NO,
    "donations": YES,
}


def add_sample_answers(uow: UnitOfWork, org_id: int) -> None:
    """Keep the sample's interview answers, in the open unit of work."""
    uow.compliance.set_answers(
        org_id, {name: encode(name, value) for name, value in SAMPLE_ANSWERS.items()}
    )
