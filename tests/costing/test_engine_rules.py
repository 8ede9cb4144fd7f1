"""Engine rules one at a time: NI, pension, the allowance, conventions, errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from costready.costing.engine import break_even, price_scenario
from costready.costing.model import (
    Basis,
    CostLine,
    EmployerNi,
    NiKind,
    Pension,
    PensionBase,
    Scenario,
    Service,
    StaffPost,
    Surplus,
    SurplusKind,
    Volume,
    VolumeKind,
)
from costready.costing.results import CostingError

D = Decimal


def scenario(**changes) -> Scenario:
    base = Scenario(
        name="Test",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
        services=(
            Service("a", "Alpha", volume=Volume(VolumeKind.TYPED, units=D(100))),
            Service("b", "Beta", volume=Volume(VolumeKind.TYPED, units=D(50))),
        ),
        staff=(
            StaffPost("p", "Worker", annual_salary=D("20000"), time={"a": D("0.5"), "b": D("0.5")}),
        ),
        costs=(CostLine("rent", "Rent", D("1000"), basis=Basis.EQUAL),),
    )
    return replace(base, **changes)


def only_post(**fields) -> tuple[StaffPost, ...]:
    return (StaffPost("p", "Worker", time={"a": D("0.5"), "b": D("0.5")}, **fields),)


def test_salaried_pay_is_salary_times_fte_and_ni_above_the_threshold():
    result = price_scenario(scenario(staff=only_post(annual_salary=D(30000), fte=D("0.5"))))
    post = result.post("p")
    assert post.pay_per_person == D(15000)
    assert post.paid_hours_per_person == D("975")  # 0.5 x 1,950
    assert post.employer_ni_per_person == D("1500")  # 15% x (15,000 - 5,000)


def test_pay_below_the_threshold_has_no_employer_ni():
    result = price_scenario(scenario(staff=only_post(annual_salary=D(4000))))
    assert result.post("p").employer_ni_per_person == 0


def test_ni_as_a_rate_and_none():
    rate = price_scenario(
        scenario(
            staff=only_post(annual_salary=D(10000), employer_ni=EmployerNi(NiKind.RATE, D("0.10")))
        )
    )
    none = price_scenario(
        scenario(staff=only_post(annual_salary=D(10000), employer_ni=EmployerNi(NiKind.NONE)))
    )
    assert rate.post("p").employer_ni_per_person == D(1000)
    assert none.post("p").employer_ni_per_person == 0


@pytest.mark.parametrize(
    ("pay", "expected"),
    [
        ("5000", "0"),  # below the band
        ("20000", "412.80"),  # 3% x (20,000 - 6,240)
        ("60000", "1320.90"),  # clamped at the upper limit: 3% x (50,270 - 6,240)
    ],
)
def test_pension_on_qualifying_earnings_is_clamped_to_the_band(pay, expected):
    result = price_scenario(
        scenario(
            staff=only_post(
                annual_salary=D(pay), pension=Pension(D("0.03"), PensionBase.QUALIFYING_EARNINGS)
            )
        )
    )
    assert result.post("p").pension_per_person == D(expected)


def test_employment_allowance_is_capped_at_the_organisations_ni_and_shared_by_ni():
    staff = (
        StaffPost("p", "Worker", annual_salary=D(25000), time={"a": D(1)}),
        StaffPost("q", "Other", annual_salary=D(15000), time={"b": D(1)}),
    )
    result = price_scenario(scenario(staff=staff, claims_employment_allowance=True))
    # NI 3,000 + 1,500 = 4,500 < £10,500 allowance: all of it is taken away, post by post
    assert result.post("p").employment_allowance == D("3000.00")
    assert result.post("q").employment_allowance == D("1500.00")
    assert result.post("p").annual_cost == D("25000.00")


def test_employment_allowance_shared_in_proportion_when_ni_exceeds_it():
    staff = tuple(
        StaffPost(f"p{i}", f"Worker {i}", annual_salary=D(45000), headcount=D(3), time={"a": D(1)})
        for i in range(2)
    )  # NI per post 3 x 6,000 = 18,000; total 36,000 > 10,500
    result = price_scenario(scenario(staff=staff, claims_employment_allowance=True))
    shares = [result.post(p.id).employment_allowance for p in staff]
    assert shares == [D("5250.00"), D("5250.00")]


@pytest.mark.parametrize(
    ("kind", "value", "price"),
    [
        (SurplusKind.MARKUP_ON_COST, "0.10", "11.00"),
        (SurplusKind.SHARE_OF_PRICE, "0.10", "11.12"),  # 10 / 0.9 = 11.111 -> up to 11.12
        (SurplusKind.FIXED_PER_UNIT, "1.50", "11.50"),
    ],
)
def test_surplus_conventions(kind, value, price):
    services = (
        Service("a", "Alpha", volume=Volume(units=D(100)), surplus=Surplus(kind, D(value))),
    )
    staff = (StaffPost("p", "Worker", annual_salary=D(0), time={"a": D(1)}),)
    costs = (CostLine("c", "Cost", D(1000), direct="a"),)
    result = price_scenario(scenario(services=services, staff=staff, costs=costs))
    assert result.service("a").unit_cost == D("10.00")
    assert result.service("a").price == D(price)


def test_price_is_rounded_up_to_the_step():
    services = (Service("a", "Alpha", volume=Volume(units=D(3)), price_rounding=D("0.50")),)
    costs = (CostLine("c", "Cost", D(31), direct="a"),)
    result = price_scenario(scenario(services=services, staff=(), costs=costs))
    assert result.service("a").price == D("10.50")  # 10.333 rounds UP to the next 50p


def test_break_even_none_when_price_does_not_cover_variable_cost():
    assert break_even(D(100), D(12), D(10)) is None
    assert break_even(D(100), D(2), D(10)) == D(13)  # 100 / 8 = 12.5 -> 13


def test_capacity_times_occupancy():
    services = (
        Service(
            "a", "Alpha", volume=Volume(VolumeKind.CAPACITY, capacity=D(3000), occupancy=D("0.8"))
        ),
    )
    result = price_scenario(
        scenario(services=services, staff=(), costs=(CostLine("c", "C", D(1), direct="a"),))
    )
    assert result.service("a").planned_units == D(2400)


def test_a_coordinators_time_is_a_cost_never_units():
    services = (Service("a", "Alpha", volume=Volume(VolumeKind.FROM_STAFF_HOURS)),)
    staff = (StaffPost("p", "Coordinator", annual_salary=D(20000), time={"a": D(1)}),)
    with pytest.raises(CostingError) as caught:
        price_scenario(scenario(services=services, staff=staff, costs=()))
    assert "no planned units" in str(caught.value)


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        (
            {"services": (Service("a", "Alpha", volume=Volume(units=D(0))),)},
            "$.services[0].planned_units",
            "more than zero",
        ),
        ({"staff": only_post(annual_salary=D(-1))}, "$.staff[0].annual_salary", "negative"),
        (
            {"staff": (StaffPost("p", "Worker", annual_salary=D(1), time={"a": D("0.95")}),)},
            "$.staff[0].time",
            "Worker: time adds up to 95%, not 100%",
        ),
        (
            {"costs": (CostLine("r", "Rent", D(10), basis=Basis.FLOOR_AREA),)},
            "$.costs[0].apportion",
            "Rent: the basis “floor_area” gives every service a weight of zero",
        ),
    ],
)
def test_bad_models_raise_a_clear_error_naming_the_place(changes, path, words):
    with pytest.raises(CostingError) as caught:
        price_scenario(scenario(**changes))
    messages = {p.path: p.message for p in caught.value.problems}
    assert path in messages
    assert words in messages[path]


def test_part_pennies_and_sub_penny_steps_are_refused():
    bad = scenario(
        services=(Service("a", "Alpha", volume=Volume(units=D(1)), price_rounding=D("0.005")),),
        staff=(),
        costs=(CostLine("c", "Cost", D("100.005"), direct="a"),),
    )
    with pytest.raises(CostingError) as caught:
        price_scenario(bad)
    messages = {p.path: p.message for p in caught.value.problems}
    assert "whole pence" in messages["$.costs[0].annual_amount"]
    assert "whole number of pence" in messages["$.services[0].price_rounding"]


def test_every_problem_is_reported_at_once():
    bad = scenario(
        services=(Service("a", "", volume=Volume(units=D(0))),),
        staff=(StaffPost("p", "Worker", annual_salary=D(-5), time={"zz": D(1)}),),
    )
    with pytest.raises(CostingError) as caught:
        price_scenario(bad)
    assert len(caught.value.problems) >= 4


def test_a_cost_line_id_cannot_look_like_a_pool_share():
    bad = scenario(costs=(CostLine("pool:management", "Odd", D(10), basis=Basis.EQUAL),))
    with pytest.raises(CostingError) as caught:
        price_scenario(bad)
    assert "$.costs[0].id" in {p.path for p in caught.value.problems}
