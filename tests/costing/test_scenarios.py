"""Copying a scenario to next year with an uplift, and comparing two."""

from __future__ import annotations

from decimal import Decimal

from costready.costing.engine import price_scenario
from costready.costing.scenarios import compare, copy_scenario, next_year_name


def test_copy_uplifts_only_the_chosen_lines(example_model):
    original = example_model.scenario
    copy = copy_scenario(original, "Budget 2027-28", Decimal("0.03"), {"rent", "coordinator"})
    assert copy.cost("rent").annual_amount == Decimal("9270.00")
    assert copy.cost("insurance").annual_amount == Decimal("1850.00")
    assert copy.post("coordinator").annual_salary == Decimal("29870.00")
    assert copy.post("support-worker").hourly_rate == Decimal("12.71")
    assert copy.period_start.year == 2027
    assert [s.id for s in copy.services] == [s.id for s in original.services]


def test_copy_keeps_a_tax_year_the_rules_have(example_model):
    copy = copy_scenario(example_model.scenario, "Next", Decimal("0.05"))
    assert copy.tax_year == "2026-27"  # the rules file has no 2027-28 yet
    assert price_scenario(copy).total_cost > price_scenario(example_model.scenario).total_cost


def test_next_year_name(example_model):
    assert next_year_name(example_model.scenario) == "Budget 2027-28"


def test_compare_shows_the_price_change(example_model):
    before = price_scenario(example_model.scenario)
    after = price_scenario(copy_scenario(example_model.scenario, "Next", Decimal("0.10")))
    rows = compare(before, after)
    assert [r.id for r in rows] == ["home-support", "day-activities", "befriending"]
    home = rows[0]
    assert home.price_a == Decimal("27.35")
    assert home.price_change == home.price_b - Decimal("27.35")
    assert home.price_change > 0
