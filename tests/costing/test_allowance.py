"""Who can claim the Employment Allowance: three answers, each yes, no or not sure."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from costready.costing.allowance import Eligibility, allowance_check
from costready.costing.guide import first_scenario
from costready.costing.model import Answer, Scenario
from costready.costing.modelfile import load_model_file, model_to_dict
from costready.organisation import LegalForm, Organisation
from costready.paths import resource

Y, N, U = Answer.YES, Answer.NO, Answer.NOT_SURE
BLANK = Scenario("Budget", date(2026, 4, 1), date(2027, 3, 31), "2026-27")
NIM06530 = "https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim06530"
DIRECTOR = "single-director-companies-and-employment-allowance-further-employer-guidance"


def answered(charity: Answer, public: Answer, director: Answer) -> Scenario:
    return dataclasses.replace(
        BLANK, ea_registered_charity=charity, ea_public_work=public, ea_sole_director=director
    )


@pytest.mark.parametrize(
    ("charity", "public", "director", "expected"),
    [
        (N, N, N, Eligibility.ELIGIBLE),
        (Y, Y, N, Eligibility.ELIGIBLE),  # a charity may claim whatever its public work
        (N, Y, N, Eligibility.NOT_ELIGIBLE),  # a CIC selling mainly to councils and the NHS
        (Y, N, Y, Eligibility.NOT_ELIGIBLE),  # the only employee is a director
        (N, U, N, Eligibility.UNSURE),
        (U, Y, N, Eligibility.UNSURE),
        (N, N, U, Eligibility.UNSURE),
        (U, U, U, Eligibility.UNSURE),
        (U, N, N, Eligibility.ELIGIBLE),  # no public work: charity status does not matter
    ],
)
def test_eligibility_by_the_three_answers(charity, public, director, expected):
    check = allowance_check(answered(charity, public, director))
    assert check.eligibility is expected
    assert check.may_claim is (expected is Eligibility.ELIGIBLE)


def test_not_eligible_and_not_sure_say_why_and_what_to_check_with_the_source():
    public = allowance_check(answered(N, Y, N))
    assert public.text.startswith("Not claimable: more than half of the work")
    assert NIM06530 in public.text
    director = allowance_check(answered(Y, N, Y))
    assert DIRECTOR in director.text
    unsure = allowance_check(answered(N, U, U))
    assert unsure.text.startswith("Not claimed until it is settled. Check ")
    assert "what share of the work is done for public bodies" in unsure.text
    assert "paid above the NI secondary threshold" in unsure.text
    assert NIM06530 in unsure.text and DIRECTOR in unsure.text
    assert {rule.key for rule in unsure.rules} == {
        "ea_public_functions_rule",
        "ea_sole_director_rule",
    }


def test_a_registered_charity_on_the_profile_answers_the_first_question():
    assert allowance_check(answered(U, Y, N), registered_charity=True).may_claim


def test_a_new_scenario_claims_only_where_the_answers_allow():
    cio = first_scenario(Organisation(name="A", legal_form=LegalForm.CIO), date(2026, 5, 1))
    assert cio.claims_employment_allowance and allowance_check(cio).may_claim
    cic = first_scenario(Organisation(name="B", legal_form=LegalForm.CIC), date(2026, 5, 1))
    assert not cic.claims_employment_allowance  # a CIC answers the questions first
    company = Organisation(
        name="C",
        legal_form=LegalForm.COMPANY_LIMITED_BY_GUARANTEE,
        registered_charity=True,
        charity_number="1234567",
    )
    charitable_company = first_scenario(company, date(2026, 5, 1))
    assert charitable_company.ea_sole_director is U  # a company still has directors
    assert not charitable_company.claims_employment_allowance


def test_the_answers_travel_in_model_files_and_the_sample_has_them(example_model):
    assert "ea_public_work" not in model_to_dict(example_model)["scenario"]  # not answered
    sample = load_model_file(resource("sample", "community-hub.json")).scenario
    assert (sample.ea_registered_charity, sample.ea_public_work, sample.ea_sole_director) == (
        Y,
        N,
        N,
    )
    assert sample.claims_employment_allowance and allowance_check(sample).may_claim
