"""A price explained: the words the Prices page and the costing report share, from the result."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from costready.costing.engine import SENSITIVITY_CHANGES, price_scenario
from costready.costing.explain import (
    Explainer,
    buildup,
    change_text,
    sensitivity_rows,
    surplus_words,
)
from costready.costing.model import Basis, OverheadPool, SurplusKind
from costready.costing.results import POOL_KEY_PREFIX, LazyBreakdown, ScenarioResult
from costready.money import to_penny

D = Decimal
HOURS = {"home-support": D(6708), "day-activities": D(1638), "befriending": D(546)}


@pytest.fixture
def scenario(example_model):
    return example_model.scenario


@pytest.fixture
def result(scenario) -> ScenarioResult:
    return price_scenario(scenario)


def details(lines) -> dict[str, str]:
    """Line text -> its working, every level."""
    found = {}
    for line in lines:
        found[line.text] = line.detail
        found.update(details(line.children))
    return found


def test_the_result_carries_the_weights_each_basis_shared_by(result):
    weights = result.basis_weights
    assert set(weights) == {b.value for b in Basis if b is not Basis.SHARES}
    assert weights["staff_time"] == HOURS  # headcount x paid hours x share, pool time left out
    assert weights["floor_area"] == {"home-support": 12, "day-activities": 80, "befriending": 8}
    assert weights["equal"] == dict.fromkeys(HOURS, D(1))
    management = next(p for p in result.pools if p.pool_id == "management")
    assert management.basis == "staff_time" and management.weights == HOURS


def test_a_pool_shared_by_set_percentages_carries_its_shares(scenario):
    shares = {"home-support": D("0.5"), "day-activities": D("0.3"), "befriending": D("0.2")}
    pools = (OverheadPool("management", Basis.SHARES, shares=shares),)
    changed = dataclasses.replace(scenario, pools=pools)
    result = price_scenario(changed)
    assert result.pools[0].weights == shares
    words = Explainer(changed, result).basis_working("befriending", POOL_KEY_PREFIX + "management")
    assert words == "set percentage 20%"


def test_each_overhead_says_the_weights_it_was_shared_by(scenario, result):
    working = details(buildup(scenario, result, "day-activities"))
    assert working["Hall and office rent"] == "floor area 80 of 100 m² — of £9,000.00 a year"
    assert working["Insurance"].startswith("staff time 1,638 of 8,892 hours")
    assert working["Independent examination"].startswith("equal shares (1 of 3)")
    assert working["Card and payment-link fees"].startswith("usage 20 of 100")
    assert working["IT and phones"].startswith("set percentage 30%")
    assert working["Management (overhead pool)"] == (
        "staff time 1,638 of 8,892 hours — of the pool's £8,992.00 a year"
    )


def test_the_working_is_read_from_the_result_not_worked_out_again(scenario, result):
    weights = {**result.basis_weights, "floor_area": {"day-activities": D(3), "befriending": D(1)}}
    changed = dataclasses.replace(result, basis_weights=weights)
    explain = Explainer(scenario, changed)
    assert explain.basis_working("day-activities", "rent") == "floor area 3 of 4 m²"


def test_a_hand_made_result_without_weights_names_the_basis_only(scenario, result):
    bare = dataclasses.replace(result, basis_weights={})
    assert Explainer(scenario, bare).basis_working("befriending", "rent") == "floor area"


def test_how_planned_units_were_found(scenario, result):
    explain = Explainer(scenario, result)
    assert explain.units_found(result.service("home-support")) == (
        "from staff hours: Support worker: 4 × 1,950 paid hours × 80% × (1 − 28.74% non-chargeable)"
    )
    assert explain.units_found(result.service("day-activities")) == (
        "capacity 3,000 × occupancy 80%"
    )
    assert explain.units_found(result.service("befriending")) == "typed in"


def test_surplus_words_name_the_convention():
    assert surplus_words(SurplusKind.MARKUP_ON_COST, D("0.05")) == "5% mark-up on cost"
    assert surplus_words(SurplusKind.SHARE_OF_PRICE, D("0.125")) == "12.5% of price"
    assert surplus_words(SurplusKind.FIXED_PER_UNIT, D("1")) == "£1.00 per unit"


def test_sensitivity_rows_are_the_engines_own_including_planned(result):
    service = result.service("home-support")
    rows = sensitivity_rows(service)
    assert [row.change for row in rows] == list(SENSITIVITY_CHANGES)
    assert [change_text(row.change) for row in rows] == ["−20%", "−10%", "Planned", "+10%"]
    planned = rows[SENSITIVITY_CHANGES.index(D(0))]
    assert planned.units == service.planned_units
    assert planned.unit_cost == service.unit_cost
    assert planned.surplus == service.surplus_at_planned_volume


def test_sensitivity_rows_follow_the_engines_order_whatever_they_arrive_in(result):
    service = result.service("befriending")
    shuffled = dataclasses.replace(service, sensitivity=tuple(reversed(service.sensitivity)))
    assert sensitivity_rows(shuffled) == list(service.sensitivity)


def test_income_is_price_times_units_to_the_penny_and_adds_up_to_the_total(result):
    for service in result.services:
        assert service.income == to_penny(service.price * service.planned_units)
    assert result.service("home-support").income == D("121615.17")  # 27.35 x 4,446.624
    assert sum(s.income for s in result.services) == result.total_income


def test_overhead_total_is_every_share_added_up(result):
    for service in result.services:
        assert isinstance(service.overheads, LazyBreakdown)
        assert service.overhead_total == sum(service.overheads.values(), D(0))


def test_pools_are_keyed_with_the_one_prefix(result):
    keys = set(result.service("befriending").overheads)
    assert POOL_KEY_PREFIX + "management" in keys
    assert {k for k in keys if k.startswith(POOL_KEY_PREFIX)} == {"pool:management"}
