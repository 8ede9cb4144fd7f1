"""A service that cannot be priced is marked with the reason; the rest still price, unchanged.

And the engine at the bounds: every figure as large or as fine as validation allows still
prices (or is refused as a Problem), never an arithmetic exception.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from costready.costing import bounds
from costready.costing.engine import price_scenario
from costready.costing.model import (
    Basis,
    CostLine,
    OverheadPool,
    Scenario,
    Service,
    StaffPost,
    Surplus,
    SurplusKind,
    Volume,
    VolumeKind,
)
from costready.costing.results import CostingError
from costready.costing.validate import validate

D = Decimal
FIGURES = ("full_cost", "unit_cost", "price", "price_inc_vat", "break_even_units", "overheads")


def figures(result, service_id: str) -> dict:
    service = result.service(service_id)
    return {name: getattr(service, name) for name in FIGURES} | {
        "overheads": dict(service.overheads)
    }


def replace_service(scenario: Scenario, index: int, **changes) -> Scenario:
    services = list(scenario.services)
    services[index] = dataclasses.replace(services[index], **changes)
    return dataclasses.replace(scenario, services=tuple(services))


@pytest.mark.parametrize(
    "changes",
    [
        {"volume": Volume(units=D("1e-999999999"))},  # already stored: the file path refuses it
        {"volume": Volume(units=D(0))},
        {"surplus": Surplus(SurplusKind.MARKUP_ON_COST, D("1e30"))},
        {"price_rounding": D("1e+308")},
        {"name": "x" * 1_000},
    ],
)
def test_one_unpriceable_service_leaves_the_others_priced_as_before(example_model, changes):
    clean = price_scenario(example_model.scenario)
    result = price_scenario(replace_service(example_model.scenario, 2, **changes))
    assert [s.id for s in result.services] == ["home-support", "day-activities"]
    assert [s.id for s in result.unpriced] == ["befriending"]
    reasons = result.reasons("befriending")
    assert reasons and all(p.path.startswith("$.services[2].") for p in reasons)
    assert result.problems == list(reasons)
    for sid in ("home-support", "day-activities"):
        assert figures(result, sid) == figures(clean, sid)
    with pytest.raises(CostingError):
        result.check_complete()


def test_a_service_with_no_planned_units_from_staff_hours_is_marked(example_model):
    scenario = replace_service(
        example_model.scenario, 2, volume=Volume(VolumeKind.FROM_STAFF_HOURS)
    )
    staff = tuple(  # nobody who delivers units works on befriending
        dataclasses.replace(p, delivers_units=False) if p.id != "support-worker" else p
        for p in scenario.staff
    )
    worker = scenario.post("support-worker")
    time = dict(worker.time, befriending=D(0))
    time["home-support"] += worker.time["befriending"]
    staff = tuple(
        dataclasses.replace(p, time=time) if p.id == "support-worker" else p for p in staff
    )
    result = price_scenario(dataclasses.replace(scenario, staff=staff))
    assert [s.id for s in result.unpriced] == ["befriending"]
    assert "no planned units" in result.reasons("befriending")[0].message
    assert {s.id for s in result.services} == {"home-support", "day-activities"}


def two_services(**post_changes) -> Scenario:
    """A and B; post P works on A only, post Q on B only, a pool shared by headcount."""
    services = (
        Service("a", "Alpha", volume=Volume(units=D(100))),
        Service("b", "Beta", volume=Volume(units=D(200))),
    )
    staff = (
        dataclasses.replace(
            StaffPost("p", "Worker P", hourly_rate=D(12), paid_hours_per_person=D(1000)),
            time={"a": D(1)},
            **post_changes,
        ),
        StaffPost("q", "Worker Q", annual_salary=D(24000), time={"b": D(1)}),
    )
    return Scenario(
        name="Two",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
        services=services,
        staff=staff,
        pools=(OverheadPool("admin", Basis.HEADCOUNT),),
        costs=(
            CostLine("rent", "Rent", D(5000), pool="admin"),
            CostLine("kit", "Kit", D(300), direct="a"),
        ),
        bases={"headcount": {"a": D(1), "b": D(3)}},
    )


def test_a_post_whose_pay_is_out_of_bounds_stops_only_the_services_it_works_on():
    clean = price_scenario(two_services())
    for pay in (D("1e308"), D("99999999999999999999999999"), D("-1")):
        result = price_scenario(two_services(hourly_rate=pay))
        assert [s.id for s in result.unpriced] == ["a"]
        assert result.reasons("a")[0].path == "$.staff[0].hourly_rate"
        assert figures(result, "b") == figures(clean, "b")


def test_a_direct_cost_out_of_bounds_stops_only_its_service():
    scenario = two_services()
    kit = dataclasses.replace(scenario.costs[1], annual_amount=D("1e30"))
    result = price_scenario(dataclasses.replace(scenario, costs=(scenario.costs[0], kit)))
    assert [s.id for s in result.unpriced] == ["a"]
    assert figures(result, "b") == figures(price_scenario(scenario), "b")


def test_something_every_service_shares_stops_every_service_with_a_clear_error():
    scenario = two_services()
    rent = dataclasses.replace(scenario.costs[0], annual_amount=D("1e30"))
    with pytest.raises(CostingError) as caught:
        price_scenario(dataclasses.replace(scenario, costs=(rent, scenario.costs[1])))
    assert [p.path for p in caught.value.problems] == ["$.costs[0].annual_amount"]


def test_a_model_that_means_nothing_is_still_one_error(example_model):
    scenario = dataclasses.replace(example_model.scenario, tax_year="1999-00")
    with pytest.raises(CostingError) as caught:
        price_scenario(scenario)
    assert caught.value.problems[0].path == "$.scenario.tax_year"


# At the bounds -------------------------------------------------------------------------------


def edges(bound: bounds.NumberBound, positive: bool = False) -> st.SearchStrategy[Decimal]:
    """The bound's ends, its finest step and values between (more than zero where asked)."""
    step = D(1).scaleb(-bound.places)
    low = max(bound.low, step) if positive else bound.low
    return st.sampled_from([low, bound.high, step if step >= low else low, low + step]) | (
        st.decimals(min_value=low, max_value=bound.high, places=bound.places)
    )


@st.composite
def scenarios_at_the_bounds(draw) -> Scenario:
    count = draw(st.integers(min_value=1, max_value=3))
    ids = [f"s{i}" for i in range(count)]
    services = []
    for sid in ids:
        kind = draw(st.sampled_from(list(SurplusKind)))
        bound = bounds.surplus_bound(kind.value)
        low = D("-0.9999") if kind is SurplusKind.MARKUP_ON_COST else bound.low
        high = D("0.9999") if kind is SurplusKind.SHARE_OF_PRICE else bound.high
        value = draw(st.sampled_from([low, high, D(0)]))
        services.append(
            Service(
                sid,
                sid,
                volume=Volume(units=draw(edges(bounds.UNITS, positive=True))),
                surplus=Surplus(kind, value),
                price_rounding=draw(edges(bounds.PRICE_STEP, positive=True)),
            )
        )
    staff = []
    for index in range(draw(st.integers(min_value=0, max_value=3))):
        share = D(1) / len(ids)
        time = {sid: share.quantize(D("0.0001")) for sid in ids}
        time[ids[0]] += D(1) - sum(time.values())
        hourly = draw(st.booleans())
        staff.append(
            StaffPost(
                f"p{index}",
                f"Post {index}",
                headcount=draw(st.sampled_from([D(1), bounds.HEADCOUNT_LIMIT])),
                annual_salary=None if hourly else draw(edges(bounds.AMOUNT)),
                hourly_rate=draw(edges(bounds.HOURLY_RATE)) if hourly else None,
                paid_hours_per_person=draw(edges(bounds.HOURS, positive=True)) if hourly else None,
                fte=draw(edges(bounds.FTE, positive=True)),
                other_oncosts_rate=draw(edges(bounds.SHARE)),
                non_chargeable={"holiday": draw(st.sampled_from([D(0), D("0.9999999999")]))},
                time=time,
                delivers_units=draw(st.booleans()),
            )
        )
    costs = [
        CostLine(f"c{i}", f"Cost {i}", draw(edges(bounds.AMOUNT)), direct=ids[i % len(ids)])
        for i in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    costs.append(CostLine("shared", "Shared", bounds.MONEY_LIMIT, basis=Basis.EQUAL))
    return Scenario(
        name="Edges",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
        services=tuple(services),
        staff=tuple(staff),
        costs=tuple(costs),
        claims_employment_allowance=draw(st.booleans()),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios_at_the_bounds())
def test_models_at_the_bounds_price_without_an_arithmetic_error(scenario):
    assert validate(scenario) == [], "every figure is within its bounds"
    try:
        result = price_scenario(scenario)
    except CostingError as error:  # every service beyond a price of £1bn a unit
        assert all("1,000,000,000" in p.message for p in error.problems)
        return
    for service in result.services:
        assert abs(service.price_inc_vat) <= bounds.MONEY_LIMIT
        assert service.full_cost.is_finite() and service.surplus_at_planned_volume.is_finite()
        assert sum(service.overheads.values()) == service.overhead_total
    for service in result.unpriced:
        assert "1,000,000,000" in service.problems[0].message
    if not result.unpriced:
        assert result.total_full_cost == result.total_cost
