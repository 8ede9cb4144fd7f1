"""The tax year's published figures, read from the dated rules file in `resources/rules`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from costready.i18n import _
from costready.paths import resource

RULES_FILE = ("rules", "uk-rules.toml")


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
    checked: date


class UnknownTaxYear(KeyError):
    """The rules file has no figures for the tax year asked for."""


@cache
def _raw() -> dict:
    with resource(*RULES_FILE).open("rb") as handle:
        return tomllib.load(handle)


def tax_years() -> list[str]:
    """The tax years the rules file holds, oldest first (e.g. ["2025-26", "2026-27"])."""
    return sorted(_raw()["tax_years"])


def rules_for(tax_year: str) -> TaxYearRules:
    """The figures for `tax_year` ("2026-27"); UnknownTaxYear names the years available."""
    years = _raw()["tax_years"]
    if tax_year not in years:
        raise UnknownTaxYear(
            _("No rules for tax year {year}; the rules file has {years}").format(
                year=tax_year, years=", ".join(tax_years())
            )
        )
    row = years[tax_year]
    return TaxYearRules(
        tax_year=tax_year,
        starts=row["starts"],
        ends=row["ends"],
        employer_ni_rate=Decimal(row["employer_ni_rate"]),
        employer_ni_secondary_threshold=Decimal(row["employer_ni_secondary_threshold"]),
        employment_allowance=Decimal(row["employment_allowance"]),
        pension_qualifying_lower=Decimal(row["pension_qualifying_lower"]),
        pension_qualifying_upper=Decimal(row["pension_qualifying_upper"]),
        pension_employer_minimum_rate=Decimal(row["pension_employer_minimum_rate"]),
        national_living_wage_hourly=Decimal(row["national_living_wage_hourly"]),
        checked=row["checked"],
    )


def vat_rate(treatment: str) -> Decimal:
    """The VAT rate for a treatment (standard, reduced, zero, exempt, outside_scope)."""
    return Decimal(_raw()["vat"]["rates"][treatment])


def full_time_hours() -> Decimal:
    """A salaried post's paid hours a year when none are given (37.5 h x 52 weeks)."""
    return Decimal(_raw()["working_time"]["full_time_hours_per_year"])


def weeks_per_year() -> Decimal:
    """Weeks in a year for converting holiday weeks to a share of paid hours (52.14)."""
    return Decimal(_raw()["working_time"]["weeks_per_year"])


def statutory_holiday_weeks() -> Decimal:
    """The statutory minimum holiday in weeks (5.6)."""
    return Decimal(_raw()["working_time"]["statutory_holiday_weeks"])


def tax_year_for(day: date) -> str:
    """The tax year ("2026-27") that `day` falls in (tax years start on 6 April)."""
    start = day.year if (day.month, day.day) >= (4, 6) else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"
