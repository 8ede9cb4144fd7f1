"""What a new organisation starts with in the guided setup: its first scenario, common costs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from costready.costing import guide, rules
from costready.costing.model import Basis
from costready.costing.validate import validate
from costready.organisation import LegalForm, Organisation

TODAY = date(2026, 11, 27)


def test_the_first_scenario_is_the_current_financial_year_with_a_management_pool():
    scenario = guide.first_scenario(Organisation(name="Riverside"), TODAY)
    assert scenario.name == "Budget 2026-27"
    assert (scenario.period_start, scenario.period_end) == (date(2026, 4, 1), date(2027, 3, 31))
    assert scenario.tax_year == "2026-27" == rules.tax_year_for(TODAY)
    assert [pool.id for pool in scenario.pools] == ["management"]
    assert scenario.services == () and scenario.staff == () and scenario.costs == ()


def test_a_calendar_year_organisation_starts_in_january():
    org = Organisation(name="Calendar Club", financial_year_start=date(2000, 1, 1))
    scenario = guide.first_scenario(org, TODAY)
    assert scenario.name == "Budget 2026"
    assert (scenario.period_start, scenario.period_end) == (date(2026, 1, 1), date(2026, 12, 31))


def test_a_charity_starts_with_the_employment_allowance_claimed_and_a_cic_without():
    cio = Organisation(name="Riverside", legal_form=LegalForm.CIO)
    cic = Organisation(name="Meadow", legal_form=LegalForm.CIC)
    registered = Organisation(name="Oak", legal_form=LegalForm.CIC, registered_charity=True)
    assert guide.first_scenario(cio, TODAY).claims_employment_allowance is True
    assert guide.first_scenario(cic, TODAY).claims_employment_allowance is False
    assert guide.claims_allowance_by_default(registered) is True


def test_common_costs_are_shared_as_most_share_them_and_valid_in_a_new_scenario():
    lines = guide.suggested_costs()
    assert [(line.name, line.category) for line in lines] == [
        ("Rent", "premises"),
        ("Insurance", "insurance"),
        ("Accountant or independent examination", "governance"),
        ("IT and phones", "it"),
        ("Management costs", "management"),
    ]
    assert lines[0].basis is Basis.FLOOR_AREA
    assert lines[-1].pool == "management" and lines[-1].basis is None
    assert all(line.annual_amount == Decimal(0) for line in lines)
    scenario = guide.first_scenario(Organisation(name="Riverside"), TODAY)
    problems = validate(replace(scenario, costs=lines))
    assert not [p for p in problems if p.path.startswith("$.costs")]


def test_common_costs_never_take_an_id_already_used():
    lines = guide.suggested_costs(taken={"rent", "insurance"})
    assert [line.id for line in lines[:2]] == ["rent-2", "insurance-2"]
    assert len({line.id for line in lines}) == len(lines)
