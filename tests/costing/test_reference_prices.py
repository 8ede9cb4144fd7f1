"""Hourly personal care beside the Homecare Association's minimum price, only where it is held."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from costready.costing.engine import price_scenario
from costready.costing.model import RegulatedActivity
from costready.costing.modelfile import load_model_file
from costready.costing.reference_prices import homecare_comparisons
from costready.paths import resource


def _sample():
    return load_model_file(resource("sample", "community-hub.json")).scenario


def test_a_year_without_the_minimum_compares_nothing_and_says_so() -> None:
    scenario = _sample()
    assert scenario.tax_year == "2026-27"  # the 2026-27 minimum is not confirmed, so not held
    [line] = homecare_comparisons(scenario, price_scenario(scenario))
    assert line.startswith("Home support: the Homecare Association's minimum price")
    assert "not held for 2026-27" in line
    assert "£32.14" not in line  # another year's figure is never put beside the price


def test_a_year_with_the_minimum_compares_the_price() -> None:
    scenario = dataclasses.replace(_sample(), tax_year="2025-26")
    result = price_scenario(scenario)
    [line] = homecare_comparisons(scenario, result)
    price = result.service("home-support").price
    assert f"£{price}" in line and "£32.14 per contact hour" in line
    assert ("at or above" in line) == (price >= Decimal("32.14"))


def test_only_hourly_personal_care_is_compared() -> None:
    scenario = _sample()
    services = tuple(
        dataclasses.replace(s, regulated_activity=RegulatedActivity.NONE) for s in scenario.services
    )
    plain = dataclasses.replace(scenario, services=services)
    assert homecare_comparisons(plain, price_scenario(plain)) == []
