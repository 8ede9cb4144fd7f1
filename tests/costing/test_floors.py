"""Legal pay floors: pay below the band's minimum is a warning on the result, never a refusal."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from costready.costing.engine import price_scenario
from costready.costing.floors import hourly_pay, minimum_hourly, post_floor_warning
from costready.costing.model import StaffPost
from costready.costing.modelfile import load_model_file, model_to_dict, read_model
from costready.costing.rules import AgeBand
from costready.paths import resource


@pytest.mark.parametrize(
    ("band", "rate"),
    [
        (AgeBand.AGED_21_AND_OVER, "12.71"),
        (AgeBand.AGED_18_TO_20, "10.85"),
        (AgeBand.AGED_16_TO_17, "8.00"),
        (AgeBand.APPRENTICE, "8.00"),
    ],
)
def test_the_rules_file_holds_every_band_for_2026_27(band: AgeBand, rate: str) -> None:
    assert minimum_hourly("2026-27", band) == Decimal(rate)


def test_a_year_without_rates_gives_none() -> None:
    assert minimum_hourly("1999-00") is None


def test_hourly_pay_is_the_rate_or_salary_over_1950_hours() -> None:
    assert hourly_pay(StaffPost("a", "A", hourly_rate=Decimal("9.00"))) == Decimal("9.00")
    salaried = StaffPost("b", "B", annual_salary=Decimal("24500"), fte=Decimal("0.6"))
    assert hourly_pay(salaried) == Decimal("24500") / Decimal("1950")


@pytest.mark.parametrize(
    ("band", "rate", "warned"),
    [
        (AgeBand.AGED_21_AND_OVER, "12.70", True),
        (AgeBand.AGED_21_AND_OVER, "12.71", False),
        (AgeBand.AGED_18_TO_20, "10.84", True),
        (AgeBand.AGED_18_TO_20, "12.00", False),
        (AgeBand.AGED_16_TO_17, "7.99", True),
        (AgeBand.AGED_16_TO_17, "8.00", False),
        (AgeBand.APPRENTICE, "7.99", True),
        (AgeBand.APPRENTICE, "8.00", False),
    ],
)
def test_below_the_band_minimum_warns(band: AgeBand, rate: str, warned: bool) -> None:
    post = StaffPost("sw", "Support worker", hourly_rate=Decimal(rate), age_band=band)
    warning = post_floor_warning(post, "2026-27", "$.staff[0]")
    assert (warning is not None) is warned
    if warning is not None:
        assert warning.path == "$.staff[0].hourly_rate"
        assert "Support worker" in warning.message and "2026-27" in warning.message


def test_the_old_sample_administrator_is_below_the_national_living_wage() -> None:
    post = StaffPost("admin", "Administrator", annual_salary=Decimal("24500"), fte=Decimal("0.6"))
    warning = post_floor_warning(post, "2026-27", "$.staff[8]")
    assert warning is not None
    assert warning.path == "$.staff[8].annual_salary"
    assert "£12.56" in warning.message and "£12.71" in warning.message


def test_a_warning_travels_with_the_result_and_moves_no_figure(example_model) -> None:
    scenario = example_model.scenario
    before = price_scenario(scenario)
    assert before.warnings == ()
    staff = tuple(
        dataclasses.replace(p, age_band=AgeBand.AGED_18_TO_20) if p.id == "support-worker" else p
        for p in scenario.staff
    )
    low = dataclasses.replace(scenario, staff=staff)
    assert price_scenario(low).warnings == ()  # £12.71 is above the 18-20 rate
    staff = tuple(
        dataclasses.replace(p, hourly_rate=Decimal("9.00")) if p.id == "support-worker" else p
        for p in scenario.staff
    )
    result = price_scenario(dataclasses.replace(scenario, staff=staff))
    assert [w.path for w in result.warnings] == ["$.staff[0].hourly_rate"]
    assert "£9.00" in result.warnings[0].message
    assert result.services  # priced all the same: a warning, not a refusal
    assert not result.unpriced


def test_the_sample_pays_everyone_at_least_their_band_minimum() -> None:
    model = load_model_file(resource("sample", "community-hub.json"))
    assert price_scenario(model.scenario).warnings == ()
    admin = model.scenario.post("admin-finance")
    assert admin.annual_salary == Decimal("24800")  # £12.72 an hour over 1,950 hours


def test_age_band_and_hours_worked_survive_the_model_file(example_model) -> None:
    scenario = example_model.scenario
    first = dataclasses.replace(
        scenario.staff[0], age_band=AgeBand.APPRENTICE, paid_for_hours_worked=True
    )
    model = dataclasses.replace(
        example_model, scenario=dataclasses.replace(scenario, staff=(first, *scenario.staff[1:]))
    )
    data = model_to_dict(model)
    assert data["staff"][0]["age_band"] == "apprentice"
    assert data["staff"][0]["paid_for_hours_worked"] is True
    assert "age_band" not in data["staff"][1]  # the default is left out
    again = read_model(data)
    assert again.scenario.staff[0].age_band is AgeBand.APPRENTICE
    assert again.scenario.staff[0].paid_for_hours_worked is True
    assert again.scenario.staff[1].age_band is AgeBand.AGED_21_AND_OVER


def test_an_unknown_age_band_in_a_file_is_a_problem(example_data) -> None:
    from costready.costing.results import CostingError

    example_data["staff"][0]["age_band"] = "twenty"
    with pytest.raises(CostingError) as caught:
        read_model(example_data)
    assert any(p.path == "$.staff[0].age_band" for p in caught.value.problems)
