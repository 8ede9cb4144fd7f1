"""Plausible bounds: a figure beyond one is asked about (did you mean…?), a price is warned of."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from costready.costing.engine import price_scenario
from costready.costing.model import Basis, Service, StaffPost, Surplus, SurplusKind, Volume
from costready.costing.plausibility import (
    HOURLY_PAY_MAX,
    HOURS_PER_PERSON_MAX,
    SALARY_MAX,
    SALARY_MIN,
    post_doubt,
)

HOURLY = StaffPost(
    "care", "Care worker", hourly_rate=Decimal("12.71"), paid_hours_per_person=Decimal(1950)
)
SALARIED = StaffPost("admin", "Administrator", annual_salary=Decimal(25000))


def test_the_bounds_are_the_issues() -> None:
    assert HOURLY_PAY_MAX == 100
    assert (SALARY_MIN, SALARY_MAX) == (1_000, 250_000)
    assert HOURS_PER_PERSON_MAX == 3_000


def test_a_salary_typed_as_an_hourly_rate_asks_for_a_yearly_salary() -> None:
    typed = dataclasses.replace(HOURLY, hourly_rate=Decimal(23400))
    doubt = post_doubt(HOURLY, typed)
    assert doubt is not None
    assert doubt.question == "£23,400.00 an hour — did you mean a yearly salary of £23,400.00?"
    assert doubt.typed == typed
    assert doubt.alternative is not None
    assert doubt.alternative.annual_salary == Decimal(23400)
    assert doubt.alternative.hourly_rate is None


def test_plausible_pay_is_not_asked_about() -> None:
    assert post_doubt(HOURLY, dataclasses.replace(HOURLY, hourly_rate=Decimal(100))) is None
    assert post_doubt(SALARIED, dataclasses.replace(SALARIED, annual_salary=Decimal(1000))) is None
    assert (
        post_doubt(SALARIED, dataclasses.replace(SALARIED, annual_salary=Decimal(250000))) is None
    )


def test_an_hourly_rate_typed_as_a_salary_asks_for_an_hourly_rate() -> None:
    doubt = post_doubt(SALARIED, dataclasses.replace(SALARIED, annual_salary=Decimal("12.71")))
    assert doubt is not None
    assert "did you mean £12.71 an hour?" in doubt.question
    assert doubt.alternative is not None and doubt.alternative.hourly_rate == Decimal("12.71")


def test_a_salary_over_the_bound_is_asked_without_a_guess() -> None:
    doubt = post_doubt(SALARIED, dataclasses.replace(SALARIED, annual_salary=Decimal(300000)))
    assert doubt is not None
    assert "over £250,000.00" in doubt.question
    assert doubt.alternative is None


def test_hours_over_the_bound_ask_for_hours_each_when_they_divide() -> None:
    four = dataclasses.replace(HOURLY, headcount=Decimal(4))
    doubt = post_doubt(four, dataclasses.replace(four, paid_hours_per_person=Decimal(7800)))
    assert doubt is not None
    assert doubt.alternative is not None
    assert doubt.alternative.paid_hours_per_person == Decimal(1950)
    alone = post_doubt(HOURLY, dataclasses.replace(HOURLY, paid_hours_per_person=Decimal(3001)))
    assert alone is not None and alone.alternative is None
    fine = dataclasses.replace(HOURLY, paid_hours_per_person=Decimal(3000))
    assert post_doubt(HOURLY, fine) is None


def test_a_figure_already_there_is_not_asked_again() -> None:
    high = dataclasses.replace(HOURLY, hourly_rate=Decimal(150))
    assert post_doubt(high, dataclasses.replace(high, role="Consultant")) is None


def _with_services(scenario, services):
    return dataclasses.replace(scenario, services=services)


def test_the_golden_example_carries_no_price_warning(example_model) -> None:
    assert price_scenario(example_model.scenario).warnings == ()


def test_a_service_with_nothing_given_to_it_warns_of_its_zero_price(example_model) -> None:
    scenario = example_model.scenario
    # lines shared equally would give it a share of their cost
    costs = tuple(c for c in scenario.costs if c.basis is not Basis.EQUAL)
    empty = Service("empty", "Empty service", volume=Volume(units=Decimal(100)))
    scenario = dataclasses.replace(scenario, costs=costs, services=(*scenario.services, empty))
    result = price_scenario(scenario)
    assert result.service("empty").price == 0
    paths = [w.path for w in result.warnings]
    assert paths == ["$.services[3].price"]
    assert "£0.00" in result.warnings[0].message


def test_a_price_below_unit_cost_warns(example_model) -> None:
    scenario = example_model.scenario
    services = tuple(
        dataclasses.replace(s, surplus=Surplus(SurplusKind.FIXED_PER_UNIT, Decimal(-1)))
        if s.id == "befriending"
        else s
        for s in scenario.services
    )
    result = price_scenario(_with_services(scenario, services))
    assert [w.path for w in result.warnings] == ["$.services[2].price"]
    assert "below the unit cost" in result.warnings[0].message


def test_a_price_over_ten_times_the_median_warns(example_model) -> None:
    scenario = example_model.scenario
    services = tuple(
        dataclasses.replace(s, volume=Volume(units=Decimal(1))) if s.id == "befriending" else s
        for s in scenario.services
    )
    result = price_scenario(_with_services(scenario, services))
    assert [w.path for w in result.warnings] == ["$.services[2].price"]
    assert "median" in result.warnings[0].message
