"""The shipped sample organisation loads, prices, and gives plausible prices."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from costready.costing.engine import price_scenario
from costready.costing.model import Basis, CostingModel
from costready.costing.modelfile import load_model_file, model_to_dict, read_model
from costready.costing.results import ScenarioResult
from costready.paths import resource

SAMPLE = resource("sample", "community-hub.json")

#: Plausible 2026-27 prices per unit for a small community organisation (inclusive ranges).
PLAUSIBLE = {
    "home-support": (Decimal("30"), Decimal("40")),
    "day-activities": (Decimal("30"), Decimal("60")),
    "befriending": (Decimal("15"), Decimal("30")),
    "social-prescribing": (Decimal("30"), Decimal("45")),
}


@pytest.fixture(scope="module")
def model() -> CostingModel:
    return load_model_file(SAMPLE)


@pytest.fixture(scope="module")
def result(model: CostingModel) -> ScenarioResult:
    return price_scenario(model.scenario)


def test_sample_is_the_riverside_hub_for_2026_27(model: CostingModel) -> None:
    assert model.organisation.name == "Riverside Community Hub"
    assert model.organisation.vat_registered is False
    assert model.scenario.tax_year == "2026-27"
    assert model.scenario.claims_employment_allowance is True


def test_sample_has_the_documented_size(model: CostingModel) -> None:
    scenario = model.scenario
    assert [s.id for s in scenario.services] == list(PLAUSIBLE)
    assert 6 <= len(scenario.staff) <= 10
    assert 15 <= len(scenario.costs) <= 25


def test_every_service_has_a_customer_facing_description(model: CostingModel) -> None:
    for service in model.scenario.services:
        assert len(service.description) > 40, service.id


def test_sample_uses_every_basis(model: CostingModel) -> None:
    scenario = model.scenario
    used = {line.basis for line in scenario.costs if line.basis is not None}
    used |= {pool.basis for pool in scenario.pools}
    assert used == set(Basis)
    assert {"floor_area", "headcount", "usage"} <= set(scenario.bases)


def test_hourly_pay_is_at_least_the_national_living_wage(model: CostingModel) -> None:
    hourly = [post for post in model.scenario.staff if post.hourly_rate is not None]
    assert hourly
    assert all(post.hourly_rate >= Decimal("12.71") for post in hourly)


def test_sample_claims_the_employment_allowance_in_full(result: ScenarioResult) -> None:
    allowance = sum((post.employment_allowance for post in result.posts), Decimal(0))
    assert allowance == Decimal("10500.00")


def test_full_costs_add_up_to_the_total_cost(result: ScenarioResult) -> None:
    full = sum((service.full_cost for service in result.services), Decimal(0))
    assert full == result.total_cost
    assert result.total_full_cost == result.total_cost


@pytest.mark.parametrize("service_id", list(PLAUSIBLE))
def test_each_price_is_plausible(result: ScenarioResult, service_id: str) -> None:
    low, high = PLAUSIBLE[service_id]
    price = result.service(service_id).price
    assert low <= price <= high, f"{service_id}: £{price}"


def test_every_service_has_a_break_even_below_its_planned_volume(result: ScenarioResult) -> None:
    for service in result.services:
        assert service.break_even_units is not None
        assert service.break_even_units <= service.planned_units, service.id


def test_sample_survives_export_and_import(model: CostingModel) -> None:
    again = read_model(json.loads(json.dumps(model_to_dict(model))))
    assert again.scenario == model.scenario
    assert price_scenario(again.scenario) == price_scenario(model.scenario)


# A credible CQC-registered provider (issue 14, "The sample, made lawful and credible") ----------
def test_sample_is_registered_with_cqc(model: CostingModel) -> None:
    assert model.organisation.cqc_registered is True
    home = next(s for s in model.scenario.services if s.id == "home-support")
    assert home.regulated_activity.value == "personal_care"


def test_sample_has_a_registered_manager_mostly_on_home_support(model: CostingModel) -> None:
    manager = next(post for post in model.scenario.staff if post.id == "registered-manager")
    assert manager.annual_salary is not None and manager.annual_salary >= Decimal("30000")
    assert manager.time["home-support"] > Decimal("0.5")


def test_cqc_fee_is_the_organisations_own_figure_on_home_support(model: CostingModel) -> None:
    fee = next(line for line in model.scenario.costs if line.id == "cqc-fee")
    assert fee.direct == "home-support"
    assert "our CQC fee invoice" in fee.name
    assert fee.annual_amount > 0
    notes = json.loads(SAMPLE.read_text(encoding="utf-8"))["notes"]["cqc"]
    assert "https://www.cqc.org.uk/guidance-providers/fees" in notes


def test_every_post_allows_for_sickness(model: CostingModel) -> None:
    for post in model.scenario.staff:
        assert post.non_chargeable.get("sickness", Decimal(0)) > 0, post.id


def test_every_post_is_paid_at_least_its_bands_minimum(result: ScenarioResult) -> None:
    assert not [w for w in result.warnings if "minimum" in w.message.lower()]
    assert result.warnings == ()


def test_sample_figures_are_those_the_readme_states(result: ScenarioResult) -> None:
    prices = {service.id: service.price for service in result.services}
    assert prices == {
        "home-support": Decimal("36.40"),
        "day-activities": Decimal("50.00"),
        "befriending": Decimal("24.00"),
        "social-prescribing": Decimal("35.80"),
    }
    assert result.total_cost == Decimal("550803.69")
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for figure in ("£36.40", "£50.00", "£24.00", "£35.80", "£550,803.69"):
        assert figure in readme
