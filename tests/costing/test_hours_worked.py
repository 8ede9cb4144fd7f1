"""Posts paid for hours worked: the second golden case (tests/fixtures/hours-worked-model.md)."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest

from costready.costing.engine import price_scenario
from costready.costing.model import CostingModel
from costready.costing.modelfile import load_model_file
from costready.costing.results import ScenarioResult
from tests.conftest import FIXTURES

MODEL = FIXTURES / "hours-worked-model.json"


@pytest.fixture(scope="module")
def model() -> CostingModel:
    return load_model_file(MODEL)


@pytest.fixture(scope="module")
def result(model: CostingModel) -> ScenarioResult:
    return price_scenario(model.scenario)


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((FIXTURES / "hours-worked-model.expected.json").read_text("utf-8"))


def test_staff_and_total_cost_match_the_hand_figures(result, expected):
    for post_id, cost in expected["staff_annual_cost"].items():
        assert result.post(post_id).annual_cost == Decimal(cost)
    assert result.total_cost == Decimal(expected["total_cost"])
    assert result.warnings == ()


@pytest.mark.parametrize("index", [0, 1])
def test_every_service_figure_matches(result, expected, index):
    want = expected["services"][index]
    got = result.service(want["id"])
    for key in ("planned_units", "direct_staff", "direct_other", "full_cost", "unit_cost"):
        assert getattr(got, key) == Decimal(want[key]), key
    for key in ("price", "variable_cost", "fixed_cost", "break_even_units"):
        assert getattr(got, key) == Decimal(want[key]), key
    assert got.overheads == {k: Decimal(v) for k, v in want["overheads"].items()}
    cases = [
        {
            "change": case.change,
            "units": case.units,
            "full_cost": case.full_cost,
            "unit_cost": case.unit_cost,
            "surplus": case.surplus,
        }
        for case in got.sensitivity
    ]
    assert cases == [{k: Decimal(v) for k, v in case.items()} for case in want["sensitivity"]]


def test_the_flag_moves_break_even_only(model, result, expected):
    staff = tuple(dataclasses.replace(p, paid_for_hours_worked=False) for p in model.scenario.staff)
    fixed = price_scenario(dataclasses.replace(model.scenario, staff=staff))
    for want in expected["services"]:
        before, after = fixed.service(want["id"]), result.service(want["id"])
        assert (after.full_cost, after.unit_cost_exact, after.price) == (
            before.full_cost,
            before.unit_cost_exact,
            before.price,
        )
        assert before.break_even_units == Decimal(want["break_even_units_if_staff_were_fixed"])
        assert after.break_even_units < before.break_even_units


def test_pool_time_stays_fixed(result):
    """The care worker's £2,918.00 of admin time is inside the fixed overhead, not variable."""
    home = result.service("home-support")
    assert home.variable_cost == home.direct_other + home.direct_staff
    assert result.post("care-worker").split["overhead:admin"] == Decimal("2918.00")


def test_the_sample_marks_its_hourly_workers():
    from costready.paths import resource

    sample = load_model_file(resource("sample", "community-hub.json")).scenario
    marked = {p.id for p in sample.staff if p.paid_for_hours_worked}
    assert marked == {"support-worker", "senior-support-worker", "link-worker"}


def test_the_build_up_says_the_post_varies_with_volume(model, result):
    from costready.costing.explain import buildup

    def details(lines):
        found = {}
        for line in lines:
            found[line.text] = line.detail
            found.update(details(line.children))
        return found

    found = details(buildup(model.scenario, result, "home-support"))
    assert "varies with volume (paid only for hours worked)" in found["Care worker"]
