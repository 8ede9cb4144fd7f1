"""Costing's reading of the rules file: a tax year's pay figures and wage floors.

The file and its generic reader live in the kernel (`costready/rules_file.py`), so invoicing and
compliance quote the same figures; what is costing's own is here: age bands, a tax year's NI,
pension and Employment Allowance figures, the wage floors and the costing conventions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from costready.i18n import N_
from costready.rules_file import (
    RULES_FILE,
    Figure,
    Rule,
    Unit,
    UnknownTaxYear,
    all_entries,
    employment_allowance_rules,
    figure,
    figures_for,
    legal_rule,
    legal_rules,
    months_before,
    raw_rules,
    release_date,
    stale,
    standing_figures,
    tax_year_for,
    tax_years,
    vat_deregistration_threshold,
    vat_look_ahead_days,
    vat_rate,
    vat_registration_threshold,
    year_figures,
    year_table,
)

__all__ = [
    "RULES_FILE",
    "AgeBand",
    "Figure",
    "Rule",
    "TaxYearRules",
    "Unit",
    "UnknownTaxYear",
    "all_entries",
    "employment_allowance_rules",
    "figure",
    "figures_for",
    "legal_rule",
    "legal_rules",
    "months_before",
    "release_date",
    "rules_for",
    "stale",
    "standing_figures",
    "tax_year_for",
    "tax_years",
    "vat_deregistration_threshold",
    "vat_look_ahead_days",
    "vat_rate",
    "vat_registration_threshold",
    "year_figures",
]


class AgeBand(StrEnum):
    """A worker's minimum wage band (gov.uk/national-minimum-wage-rates)."""

    AGED_21_AND_OVER = "21_and_over"  # the National Living Wage
    AGED_18_TO_20 = "18_to_20"
    AGED_16_TO_17 = "16_to_17"
    APPRENTICE = "apprentice"

    @classmethod
    def default(cls) -> AgeBand:
        """A post's band unless told otherwise: 21 and over."""
        return cls.AGED_21_AND_OVER


AGE_BAND_LABELS: Mapping[AgeBand, str] = {
    AgeBand.AGED_21_AND_OVER: N_("21 and over"),
    AgeBand.AGED_18_TO_20: N_("18 to 20"),
    AgeBand.AGED_16_TO_17: N_("16 to 17"),
    AgeBand.APPRENTICE: N_("Apprentice"),
}


@dataclass(frozen=True)
class TaxYearRules:
    """Employer NI, Employment Allowance, pension band and wage floor for one tax year."""

    tax_year: str
    starts: date
    ends: date
    employer_ni_rate: Decimal
    employer_ni_secondary_threshold: Decimal
    employment_allowance: Decimal
    pension_qualifying_lower: Decimal
    pension_qualifying_upper: Decimal
    pension_employer_minimum_rate: Decimal
    national_living_wage_hourly: Decimal
    checked: date  # the oldest check among the year's figures


def rules_for(tax_year: str) -> TaxYearRules:
    """The figures for `tax_year` ("2026-27"); UnknownTaxYear names the years available."""
    row = year_table(tax_year)
    figures = year_figures(tax_year)
    return TaxYearRules(
        tax_year=tax_year,
        starts=row["starts"],
        ends=row["ends"],
        employer_ni_rate=figures["employer_ni_rate"].value,
        employer_ni_secondary_threshold=figures["employer_ni_secondary_threshold"].value,
        employment_allowance=figures["employment_allowance"].value,
        pension_qualifying_lower=figures["pension_qualifying_lower"].value,
        pension_qualifying_upper=figures["pension_qualifying_upper"].value,
        pension_employer_minimum_rate=figures["pension_employer_minimum_rate"].value,
        national_living_wage_hourly=minimum_hourly(tax_year, AgeBand.AGED_21_AND_OVER),
        checked=min(f.checked for f in figures.values()),
    )


def minimum_hourly_figure(tax_year: str, band: AgeBand | str = AgeBand.AGED_21_AND_OVER) -> Figure:
    """The legal minimum hourly pay for `band` in `tax_year`, with its source
    (National Minimum Wage Act 1998; rates from gov.uk/national-minimum-wage-rates)."""
    return year_figures(tax_year)[f"minimum_hourly_{AgeBand(band).value}"]


def minimum_hourly(tax_year: str, band: AgeBand | str = AgeBand.AGED_21_AND_OVER) -> Decimal:
    """The legal minimum hourly pay for `band` in `tax_year` (£12.71 for 21 and over in
    2026-27). Pay below it is a warning, never a refusal (DESIGN.md, "Legal floors")."""
    return minimum_hourly_figure(tax_year, band).value


def statutory_sick_pay(tax_year: str) -> tuple[Figure, Figure] | None:
    """Statutory Sick Pay's weekly rate and share of average weekly earnings (the lower of the
    two is paid, from day one, from 6 April 2026), or None when the year has no figures."""
    figures = year_figures(tax_year)
    if "ssp_weekly_rate" not in figures or "ssp_earnings_share" not in figures:
        return None
    return figures["ssp_weekly_rate"], figures["ssp_earnings_share"]


def homecare_minimum_price(tax_year: str) -> Figure | None:
    """The Homecare Association's published minimum price per contact hour for the year, a
    reference figure (not a legal floor); None when it could not be confirmed."""
    return year_figures(tax_year).get("homecare_minimum_price")


def full_time_hours() -> Decimal:
    """A salaried post's paid hours a year when none are given (37.5 h x 52 weeks)."""
    return Decimal(raw_rules()["conventions"]["full_time_hours_per_year"])


def weeks_per_year() -> Decimal:
    """Weeks in a year for converting holiday weeks to a share of paid hours (52.14)."""
    return Decimal(raw_rules()["conventions"]["weeks_per_year"])


def statutory_holiday_weeks() -> Decimal:
    """The statutory minimum holiday in weeks (5.6; bank holidays may count towards it)."""
    return standing_figures()["statutory_holiday_weeks"].value


def default_sickness_share() -> Decimal:
    """The sickness share of paid hours a new post starts with (0.02: the ONS sickness absence
    rate for 2024; no official costing figure exists; docs/rules-file.md)."""
    return standing_figures()["sickness_default_share"].value
