"""The typed readers of the rules file: the figures the issue names, to the penny."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from costready.costing import rules
from costready.costing.rules import AgeBand, UnknownTaxYear

D = Decimal


@pytest.mark.parametrize(
    ("year", "band", "rate"),
    [
        ("2026-27", AgeBand.AGED_21_AND_OVER, "12.71"),
        ("2026-27", AgeBand.AGED_18_TO_20, "10.85"),
        ("2026-27", AgeBand.AGED_16_TO_17, "8.00"),
        ("2026-27", AgeBand.APPRENTICE, "8.00"),
        ("2025-26", AgeBand.AGED_21_AND_OVER, "12.21"),
        ("2025-26", AgeBand.AGED_18_TO_20, "10.00"),
        ("2025-26", AgeBand.AGED_16_TO_17, "7.55"),
        ("2025-26", AgeBand.APPRENTICE, "7.55"),
    ],
)
def test_minimum_hourly_by_band(year: str, band: AgeBand, rate: str) -> None:
    assert rules.minimum_hourly(year, band) == D(rate)
    assert rules.minimum_hourly(year, band.value) == D(rate)  # as stored in a model file


def test_minimum_wage_applies_from_1_april_on_gov_uk() -> None:
    figure = rules.minimum_hourly_figure("2026-27", AgeBand.APPRENTICE)
    assert figure.applies_from == date(2026, 4, 1)
    assert figure.source == "https://www.gov.uk/national-minimum-wage-rates"


def test_the_default_band_is_21_and_over_and_so_is_the_old_reader() -> None:
    assert AgeBand.default() is AgeBand.AGED_21_AND_OVER
    assert rules.minimum_hourly("2026-27") == rules.rules_for("2026-27").national_living_wage_hourly
    assert rules.AGE_BAND_LABELS[AgeBand.AGED_21_AND_OVER] == "21 and over"


def test_an_unknown_band_or_year_is_an_error() -> None:
    with pytest.raises(ValueError):
        rules.minimum_hourly("2026-27", "25_and_over")
    with pytest.raises(UnknownTaxYear, match="2030-31"):
        rules.minimum_hourly("2030-31")


def test_existing_readers_keep_their_figures() -> None:
    held = rules.rules_for("2026-27")
    assert (held.employer_ni_rate, held.employer_ni_secondary_threshold) == (D("0.15"), D(5000))
    assert held.employment_allowance == D(10500)
    assert (held.pension_qualifying_lower, held.pension_qualifying_upper) == (D(6240), D(50270))
    assert held.pension_employer_minimum_rate == D("0.03")
    assert held.checked == date(2026, 11, 24)  # the oldest check of the year's figures
    assert rules.full_time_hours() == D(1950)
    assert rules.weeks_per_year() == D("52.14")
    assert rules.statutory_holiday_weeks() == D("5.6")
    assert rules.vat_rate("standard") == D("0.20")
    assert rules.vat_rate("reduced") == D("0.05")
    assert rules.vat_rate("exempt") == rules.vat_rate("outside_scope") == D(0)
    assert rules.tax_years() == ["2025-26", "2026-27"]


def test_statutory_sick_pay_from_april_2026_is_marked_third_party() -> None:
    held = rules.statutory_sick_pay("2026-27")
    assert held is not None
    weekly, share = held
    assert (weekly.value, share.value) == (D("123.25"), D("0.80"))
    assert weekly.applies_from == share.applies_from == date(2026, 4, 6)
    assert not weekly.official and "third-party" in weekly.note
    assert share.official
    assert rules.statutory_sick_pay("2025-26") is None  # the old rules are not held


def test_vat_threshold_and_look_ahead_test() -> None:
    assert rules.vat_registration_threshold() == D(90000)
    assert rules.vat_look_ahead_days() == 30
    assert rules.vat_deregistration_threshold() == D(88000)
    assert rules.figure("2026-27", "vat_registration_threshold").applies_from == date(2024, 4, 1)


def test_sickness_default_rests_on_the_ons_rate() -> None:
    assert rules.default_sickness_share() == D("0.02")
    assert "ons.gov.uk" in rules.figure("2026-27", "sickness_default_share").source


def test_employment_allowance_eligibility_rules_carry_nim06530() -> None:
    found = {rule.key: rule for rule in rules.employment_allowance_rules()}
    assert set(found) == {"ea_public_functions_rule", "ea_sole_director_rule"}
    public = found["ea_public_functions_rule"]
    assert public.source.endswith("/national-insurance-manual/nim06530")
    assert public.applies_from == date(2014, 4, 6)
    assert "charity" in public.label


def test_homecare_minimum_price_only_where_confirmed() -> None:
    held = rules.homecare_minimum_price("2025-26")
    assert held is not None and held.value == D("32.14") and not held.official
    assert rules.homecare_minimum_price("2026-27") is None  # not confirmed: left out


def test_no_cqc_fee_is_held() -> None:
    keys = {f.key for year in rules.tax_years() for f in rules.figures_for(year)}
    assert not any("cqc" in key for key in keys)


def test_figures_for_lists_the_year_and_the_standing_figures_once() -> None:
    keys = [f.key for f in rules.figures_for("2026-27")]
    assert len(keys) == len(set(keys))
    assert {"minimum_hourly_21_and_over", "ssp_weekly_rate", "vat_rate_standard"} <= set(keys)
    assert "homecare_minimum_price" not in keys
