"""The reference example priced to the penny, as DESIGN.md's arithmetic gives it."""

from __future__ import annotations

from decimal import Decimal

from costready.costing.engine import price_scenario


def test_staff_annual_costs_match_the_hand_worked_figures(example_model, expected):
    result = price_scenario(example_model.scenario)
    for post_id, cost in expected["staff_annual_cost"].items():
        assert result.post(post_id).annual_cost == Decimal(cost)


def test_every_service_figure_matches(example_model, expected):
    result = price_scenario(example_model.scenario)
    for want in expected["services"]:
        got = result.service(want["id"])
        assert got.planned_units == Decimal(want["planned_units"])
        assert got.direct_staff == Decimal(want["direct_staff"])
        assert got.direct_other == Decimal(want["direct_other"])
        assert got.overheads == {k: Decimal(v) for k, v in want["overheads"].items()}
        assert got.full_cost == Decimal(want["full_cost"])
        assert got.unit_cost == Decimal(want["unit_cost"])
        assert got.price == Decimal(want["price"])


def test_full_costs_add_up_to_every_cost_in_the_model(example_model, expected):
    result = price_scenario(example_model.scenario)
    assert result.total_cost == Decimal(expected["total_cost"])
    assert sum(s.full_cost for s in result.services) == result.total_cost


def test_support_worker_on_costs_by_hand(example_model):
    post = price_scenario(example_model.scenario).post("support-worker")
    assert post.pay_per_person == Decimal("24784.50")
    assert post.employer_ni_per_person == Decimal("2967.675")  # 15% above £5,000, unrounded
    assert post.pension_per_person == Decimal("556.335")  # 3% of pay above £6,240
    assert post.chargeable_hours == Decimal("5558.28")  # 4 x 1950 x (1 - 0.2874)


def test_results_name_the_surplus_convention(example_model):
    result = price_scenario(example_model.scenario)
    conventions = {s.id: s.surplus_convention.value for s in result.services}
    assert conventions == {
        "home-support": "markup_on_cost",
        "day-activities": "share_of_price",
        "befriending": "fixed_per_unit",
    }


def test_break_even_and_sensitivity_for_home_support(example_model):
    home = price_scenario(example_model.scenario).service("home-support")
    assert home.variable_cost == Decimal("6200")  # the mileage, which varies with volume
    assert home.fixed_cost == Decimal("109608.28")  # 115,808.28 - 6,200
    # 109,608.28 / (27.35 - 6,200 / 4,446.624) = 4,222.9..., rounded up to a whole unit
    assert home.break_even_units == Decimal(4223)
    margin = home.price - home.variable_cost / home.planned_units
    assert (home.break_even_units - 1) * margin < home.fixed_cost <= home.break_even_units * margin
    minus_20 = home.sensitivity[0]
    assert minus_20.change == Decimal("-0.20")
    assert minus_20.full_cost == Decimal("114568.28")  # mileage falls by 20%, the rest stays
    assert minus_20.unit_cost > home.unit_cost
    assert [p.change for p in home.sensitivity] == [
        Decimal("-0.20"),
        Decimal("-0.10"),
        Decimal("0"),
        Decimal("0.10"),
    ]


def test_vat_is_added_half_up_for_display_only():
    from dataclasses import replace

    from costready.costing.model import VatTreatment
    from costready.costing.modelfile import load_model_file
    from tests.conftest import EXAMPLE_MODEL

    model = load_model_file(EXAMPLE_MODEL)
    services = tuple(replace(s, vat=VatTreatment.STANDARD) for s in model.scenario.services)
    result = price_scenario(replace(model.scenario, services=services))
    home = result.service("home-support")
    assert home.price == Decimal("27.35")
    assert home.vat_per_unit == Decimal("5.47")
    assert home.price_inc_vat == Decimal("32.82")
