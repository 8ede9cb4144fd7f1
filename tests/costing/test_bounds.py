"""Every number and text has stated bounds; validation refuses beyond them and never raises."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from costready.costing import bounds
from costready.costing.model import (
    CostLine,
    EmployerNi,
    NiKind,
    Pension,
    Surplus,
    SurplusKind,
    Volume,
    VolumeKind,
)
from costready.costing.validate import validate, validate_post, validate_service
from costready.organisation import Organisation, validate_organisation

D = Decimal
HOSTILE = [D("1e30"), D("1e+308"), D("1e999999999"), D("-1e999999999"), D("1e-999999999")]


def paths(problems) -> set[str]:
    return {problem.path for problem in problems}


def service(example_model, index=2, **changes):
    return dataclasses.replace(example_model.scenario.services[index], **changes)


def post(example_model, index=0, **changes):
    return dataclasses.replace(example_model.scenario.staff[index], **changes)


def with_items(example_model, services=None, staff=None, costs=None, **changes):
    scenario = example_model.scenario
    return dataclasses.replace(
        scenario,
        services=services or scenario.services,
        staff=staff or scenario.staff,
        costs=costs or scenario.costs,
        **changes,
    )


@pytest.mark.parametrize("value", HOSTILE)
def test_magnitudes_the_engine_cannot_price_are_refused_without_raising(example_model, value):
    scenario = example_model.scenario
    line = dataclasses.replace(scenario.costs[0], annual_amount=value)
    worker = post(example_model, hourly_rate=value)
    units = service(example_model, volume=Volume(units=value))
    shares = dict(scenario.staff[0].time, **{"home-support": value})
    shared = post(example_model, time=shares, non_chargeable={"holiday": value})
    rounding = service(example_model, 1, price_rounding=value)
    surplus = service(example_model, 0, surplus=Surplus(SurplusKind.MARKUP_ON_COST, value))
    bad = with_items(
        example_model,
        services=(surplus, rounding, units),
        staff=(shared, worker, *scenario.staff[1:]),
        costs=(line, *scenario.costs[1:]),
        bases={"floor_area": {"home-support": value}},
    )
    found = paths(validate(bad))
    assert {
        "$.costs[0].annual_amount",
        "$.services[2].planned_units",
        "$.services[1].price_rounding",
        "$.staff[0].time.home-support",
        "$.staff[1].hourly_rate",
        "$.bases.floor_area.home-support",
    } <= found
    assert "$.services[0].surplus.value" in found or value <= -1


@pytest.mark.parametrize("value", [D("NaN"), D("sNaN"), D("Infinity"), D("-Infinity")])
def test_not_a_number_is_refused_without_raising(example_model, value):
    problems = validate_post(post(example_model, hourly_rate=value, fte=value), "$.staff[0]")
    assert {"$.staff[0].hourly_rate", "$.staff[0].fte"} <= paths(problems)
    assert paths(validate_service(service(example_model, volume=Volume(units=value)), "$.s"))


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        (
            {"costs": "annual_amount", "value": D("1000000000.01")},
            "$.costs[0].annual_amount",
            "from £0 to £1,000,000,000",
        ),
        (
            {"staff": "hourly_rate", "value": D("12.71005")},
            "$.staff[0].hourly_rate",
            "at most 4 decimal places",
        ),
        (
            {"staff": "paid_hours_per_person", "value": D("8785")},
            "$.staff[0].paid_hours_per_person",
            "8,784 hours (a leap year)",
        ),
        (
            {"staff": "headcount", "value": D("100001")},
            "$.staff[0].headcount",
            "a whole number from 1 to 100,000",
        ),
        ({"staff": "fte", "value": D("4.6")}, "$.staff[0].fte", "from 0 to 4.5"),
    ],
)
def test_a_value_out_of_bounds_names_its_path_and_the_bound(example_model, changes, path, words):
    scenario = example_model.scenario
    if "costs" in changes:
        line = dataclasses.replace(scenario.costs[0], **{changes["costs"]: changes["value"]})
        bad = with_items(example_model, costs=(line, *scenario.costs[1:]))
    else:
        worker = post(example_model, **{changes["staff"]: changes["value"]})
        bad = with_items(example_model, staff=(worker, *scenario.staff[1:]))
    messages = {p.path: p.message for p in validate(bad)}
    assert words in messages[path]


def test_units_shares_and_surpluses_have_bounds(example_model):
    too_many = service(example_model, volume=Volume(units=D("100000000.5")))
    assert "100,000,000" in validate_service(too_many, "$.s")[0].message
    occupancy = service(
        example_model, volume=Volume(VolumeKind.CAPACITY, capacity=D(10), occupancy=D("0.5e-11"))
    )
    assert paths(validate_service(occupancy, "$.s")) == {"$.s.occupancy"}
    markup = service(example_model, surplus=Surplus(SurplusKind.MARKUP_ON_COST, D("100.01")))
    assert "10,000%" in validate_service(markup, "$.s")[0].message
    fixed = service(example_model, surplus=Surplus(SurplusKind.FIXED_PER_UNIT, D("1.00001")))
    assert paths(validate_service(fixed, "$.s")) == {"$.s.surplus.value"}
    rates = post(
        example_model,
        employer_ni=EmployerNi(NiKind.RATE, D("1.5")),
        pension=Pension(rate=D("2")),
        other_oncosts_rate=D("0.00000000001"),
    )
    assert {
        "$.p.employer_ni.rate",
        "$.p.pension.rate",
        "$.p.other_oncosts.rate",
    } <= paths(validate_post(rates, "$.p"))


def test_values_at_the_bounds_are_accepted(example_model):
    edge = service(
        example_model,
        volume=Volume(units=bounds.QUANTITY_LIMIT),
        surplus=Surplus(SurplusKind.FIXED_PER_UNIT, -bounds.MONEY_LIMIT),
        price_rounding=bounds.MONEY_LIMIT,
    )
    assert validate_service(edge, "$.s") == []
    worker = post(
        example_model,
        hourly_rate=D("1000000000.0000"),
        paid_hours_per_person=bounds.HOURS_LIMIT,
        headcount=bounds.HEADCOUNT_LIMIT,
    )
    assert validate_post(worker, "$.p") == []


@pytest.mark.parametrize(
    ("field", "limit", "where"),
    [
        ("name", 200, "service"),
        ("unit", 60, "service"),
        ("description", 2_000, "service"),
        ("role", 200, "post"),
    ],
)
def test_text_lengths_are_bounded(example_model, field, limit, where):
    make, validator = (service, validate_service) if where == "service" else (post, validate_post)
    assert validator(make(example_model, **{field: "ŵ" * limit}), "$.x") == []
    problems = validator(make(example_model, **{field: "ŵ" * (limit + 1)}), "$.x")
    assert [p.path for p in problems] == [f"$.x.{field}"]
    assert f"at most {limit:,} characters long (it has {limit + 1:,})" in problems[0].message
    assert len(problems[0].message) < 200  # the long text itself is not repeated


def test_text_that_cannot_be_stored_is_refused(example_model):
    for text in ("Home\x00support", "h\ud800our"):
        problems = validate_service(service(example_model, unit=text), "$.x")
        assert [p.path for p in problems] == ["$.x.unit"]
        assert "not text" in problems[0].message


def test_cost_line_names_ids_and_categories_are_bounded(example_model):
    scenario = example_model.scenario
    line = CostLine("c" * 101, "n" * 201, D(1), category="k" * 41, direct="home-support")
    found = paths(validate(with_items(example_model, costs=(line, *scenario.costs[1:]))))
    assert {"$.costs[0].id", "$.costs[0].name", "$.costs[0].category"} <= found


def test_the_organisation_profile_is_bounded():
    org = Organisation(
        name="N" * 201, address="A" * 2_001, charity_number="1" * 51, locale="x" * 21
    )
    found = {p.path: p.message for p in validate_organisation(org)}
    assert {"name", "address", "charity_number", "locale"} <= set(found)
    assert found["name"] == "Name must be at most 200 characters long (it has 201)"
    assert validate_organisation(Organisation(name="Cymdeithas Gŵyl Tŷ", address="A" * 2_000)) == []


def test_one_cost_line_is_checked_on_its_own_as_validate_does(example_model):
    from costready.costing.validate import validate_cost_line

    line = example_model.scenario.costs[0]
    assert validate_cost_line(line, "$.costs[0]") == []
    bad = dataclasses.replace(line, annual_amount=D("1e30"), name="n" * 201)
    assert paths(validate_cost_line(bad, "$.costs[0]")) == {
        "$.costs[0].annual_amount",
        "$.costs[0].name",
    }
    scenario = with_items(example_model, costs=(bad, *example_model.scenario.costs[1:]))
    assert paths(validate_cost_line(bad, "$.costs[0]")) <= paths(validate(scenario))


def test_an_item_found_clean_is_remembered_and_an_edit_is_checked_afresh(example_model):
    clean = service(example_model)
    assert validate_service(clean, "$.services[2]") == []
    assert validate_service(clean, "$.services[7]") == []  # clean at any path
    edited = dataclasses.replace(clean, volume=Volume(units=D("0.00001")))
    assert paths(validate_service(edited, "$.services[2]")) == {"$.services[2].planned_units"}
    assert paths(validate_service(edited, "$.services[5]")) == {"$.services[5].planned_units"}
