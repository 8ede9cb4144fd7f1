"""The dated rules file in `resources/rules`: every legal figure CostReady quotes, read here.

Every figure there carries its value, the day it applies from, the day it was checked and its
source (docs/rules-file.md). This is the kernel's generic reader, so costing, invoicing and
compliance all quote the one file: it returns plain Decimals for arithmetic and `Figure`s (or
`Rule`s, which have no number) for whatever shows where a figure came from.
"""

from __future__ import annotations

import calendar
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Any

from costready.i18n import N_, _
from costready.paths import resource

RULES_FILE = ("rules", "uk-rules.toml")

#: Top-level tables that are not sections of dated figures or rules.
_NOT_SECTIONS = frozenset(
    {"meta", "tax_years", "conventions", "vat", "working_time", "employment_allowance", "vat_rules"}
)


class Unit(StrEnum):
    """How a figure's value reads: what a report puts after the number."""

    MONEY = "money"  # £ a year
    HOURLY = "hourly"  # £ an hour
    WEEKLY = "weekly"  # £ a week
    SHARE = "share"  # a fraction shown as a percentage
    DAYS = "days"
    WEEKS = "weeks"
    AMOUNT = "amount"  # £, once (a fixed sum, a threshold)


@dataclass(frozen=True)
class Figure:
    """One published figure with where it came from: `official` is False when only a
    non-government source confirms it (the report says so)."""

    key: str
    value: Decimal
    applies_from: date
    checked: date
    source: str
    official: bool = True
    note: str = ""

    @property
    def label(self) -> str:
        """The figure's name for people (translated)."""
        return _(_LABELS[self.key][0])

    @property
    def unit(self) -> Unit:
        return _LABELS[self.key][1]


@dataclass(frozen=True)
class Rule:
    """A published rule without a number (who may claim what), with its source and dates."""

    key: str
    applies_from: date
    checked: date
    source: str
    note: str = ""

    @property
    def label(self) -> str:
        return _(_RULE_LABELS[self.key])


_LABELS: Mapping[str, tuple[str, Unit]] = {
    "employer_ni_rate": (N_("Employer National Insurance rate"), Unit.SHARE),
    "employer_ni_secondary_threshold": (N_("Employer NI secondary threshold"), Unit.MONEY),
    "employment_allowance": (N_("Employment Allowance"), Unit.MONEY),
    "pension_qualifying_lower": (N_("Pension qualifying earnings: lower limit"), Unit.MONEY),
    "pension_qualifying_upper": (N_("Pension qualifying earnings: upper limit"), Unit.MONEY),
    "pension_employer_minimum_rate": (N_("Employer pension minimum"), Unit.SHARE),
    "minimum_hourly_21_and_over": (N_("National Living Wage (21 and over)"), Unit.HOURLY),
    "minimum_hourly_18_to_20": (N_("Minimum wage, 18 to 20"), Unit.HOURLY),
    "minimum_hourly_16_to_17": (N_("Minimum wage, 16 to 17"), Unit.HOURLY),
    "minimum_hourly_apprentice": (N_("Minimum wage, apprentice"), Unit.HOURLY),
    "ssp_weekly_rate": (N_("Statutory Sick Pay, weekly rate"), Unit.WEEKLY),
    "ssp_earnings_share": (N_("Statutory Sick Pay, share of average earnings"), Unit.SHARE),
    "homecare_minimum_price": (
        N_("Homecare Association minimum price per contact hour (reference)"),
        Unit.HOURLY,
    ),
    "vat_rate_standard": (N_("VAT standard rate"), Unit.SHARE),
    "vat_rate_reduced": (N_("VAT reduced rate"), Unit.SHARE),
    "vat_rate_zero": (N_("VAT zero rate"), Unit.SHARE),
    "vat_rate_exempt": (N_("VAT exempt (no VAT charged)"), Unit.SHARE),
    "vat_rate_outside_scope": (N_("Outside the scope of VAT"), Unit.SHARE),
    "vat_registration_threshold": (
        N_("VAT registration threshold (rolling 12 months)"),
        Unit.MONEY,
    ),
    "vat_look_ahead_days": (
        N_("VAT look-ahead test (threshold in the next days alone)"),
        Unit.DAYS,
    ),
    "vat_deregistration_threshold": (N_("VAT deregistration threshold"), Unit.MONEY),
    "statutory_holiday_weeks": (N_("Statutory holiday (bank holidays may count)"), Unit.WEEKS),
    "sickness_default_share": (N_("Sickness, default share of paid hours"), Unit.SHARE),
    "procurement.prompt_payment_days": (
        N_("Days a public body has to pay an undisputed invoice"),
        Unit.DAYS,
    ),
    "vat_tax_point.invoice_within_days": (
        N_("VAT: an invoice issued within these days after the supply sets the tax point"),
        Unit.DAYS,
    ),
    "disclosures.charity_income": (
        N_("Registered charity: income above which invoices must say it is one"),
        Unit.MONEY,
    ),
    "late_payment.fixed_sum_small": (N_("Late payment: fixed sum, debt under £1,000"), Unit.AMOUNT),
    "late_payment.fixed_sum_medium": (
        N_("Late payment: fixed sum, debt from £1,000 to under £10,000"),
        Unit.AMOUNT,
    ),
    "late_payment.fixed_sum_large": (
        N_("Late payment: fixed sum, debt of £10,000 or more"),
        Unit.AMOUNT,
    ),
    "late_payment.medium_debt_from": (N_("Late payment: middle band starts at"), Unit.AMOUNT),
    "late_payment.large_debt_from": (N_("Late payment: top band starts at"), Unit.AMOUNT),
    "late_payment.interest_over_reference_rate": (
        N_("Late payment interest over the Bank of England reference rate"),
        Unit.SHARE,
    ),
}

_RULE_LABELS: Mapping[str, str] = {
    "ea_public_functions_rule": N_(
        "Employment Allowance: not for an employer whose work is mainly functions of a public "
        "nature, unless a charity"
    ),
    "ea_sole_director_rule": N_(
        "Employment Allowance: not for a company whose only employee paid above the threshold "
        "is a director"
    ),
    "vat_welfare_exemption": N_(
        "VAT: welfare services are exempt only when a charity, a public body or a "
        "state-regulated provider (e.g. CQC-registered) supplies them"
    ),
    "vat_welfare_advice_reduced": N_(
        "VAT: welfare advice or information by a charity or a state-regulated provider is "
        "reduced-rated"
    ),
    "vat_regulated_activities": N_(
        "Activities regulated by CQC (personal care, accommodation with care, treatment)"
    ),
}


class UnknownTaxYear(KeyError):
    """The rules file has no figures for the tax year asked for."""


@cache
def raw_rules() -> dict[str, Any]:
    with resource(*RULES_FILE).open("rb") as handle:
        return tomllib.load(handle)


def _figure(key: str, row: Mapping[str, Any]) -> Figure:
    return Figure(
        key=key,
        value=Decimal(row["value"]),
        applies_from=row["applies_from"],
        checked=row["checked"],
        source=row["source"],
        official=row.get("official", True),
        note=row.get("note", ""),
    )


def release_date() -> date:
    """The day the rules file was released (figures must be checked within a year of it)."""
    released: date = raw_rules()["meta"]["release"]
    return released


def tax_years() -> list[str]:
    """The tax years the rules file holds, oldest first (e.g. ["2025-26", "2026-27"])."""
    return sorted(raw_rules()["tax_years"])


def year_table(tax_year: str) -> Mapping[str, Any]:
    years = raw_rules()["tax_years"]
    if tax_year not in years:
        raise UnknownTaxYear(
            _("No rules for tax year {year}; the rules file has {years}").format(
                year=tax_year, years=", ".join(tax_years())
            )
        )
    return years[tax_year]  # type: ignore[no-any-return]


def year_figures(tax_year: str) -> dict[str, Figure]:
    """The figures published for `tax_year` only, by key (UnknownTaxYear if none)."""
    row = year_table(tax_year)
    return {key: _figure(key, value) for key, value in row.items() if isinstance(value, dict)}


def standing_figures() -> dict[str, Figure]:
    """The figures that do not change with the tax year: VAT, holiday, sickness default."""
    raw = raw_rules()
    figures = {
        f"vat_rate_{name}": _figure(f"vat_rate_{name}", row)
        for name, row in raw["vat"]["rates"].items()
    }
    for name in ("registration_threshold", "look_ahead_days", "deregistration_threshold"):
        figures[f"vat_{name}"] = _figure(f"vat_{name}", raw["vat"][name])
    for name in ("statutory_holiday_weeks", "sickness_default_share"):
        figures[name] = _figure(name, raw["working_time"][name])
    return figures


def figures_for(tax_year: str) -> list[Figure]:
    """Every figure that applies in `tax_year` with its source: the year's own, then the
    standing ones already in force when the year ends."""
    ends = year_table(tax_year)["ends"]
    standing = [f for f in standing_figures().values() if f.applies_from <= ends]
    return [*year_figures(tax_year).values(), *standing]


def figure(tax_year: str, key: str) -> Figure:
    """One figure for `tax_year` by key ("employer_ni_rate", "vat_rate_standard"...);
    KeyError when the file has none (e.g. no Homecare Association price that year)."""
    for item in figures_for(tax_year):
        if item.key == key:
            return item
    raise KeyError(key)


def legal_rules() -> list[Rule]:
    """The published rules without a number (Employment Allowance eligibility, VAT by who
    supplies a service)."""
    raw = raw_rules()
    sections = (("ea_", raw["employment_allowance"]), ("vat_", raw["vat_rules"]))
    return [
        _rule(f"{prefix}{name}", row)
        for prefix, section in sections
        for name, row in section.items()
    ]


def legal_rule(key: str) -> Rule:
    """One rule by key ("vat_welfare_exemption", "ea_public_functions_rule")."""
    return next(rule for rule in legal_rules() if rule.key == key)


def employment_allowance_rules() -> list[Rule]:
    """Who may claim the Employment Allowance: HMRC NIM06530 (public functions, unless a
    charity) and the single-director rule, each with its source and dates."""
    return [rule for rule in legal_rules() if rule.key.startswith("ea_")]


def section_entries(section: str) -> dict[str, Figure | Rule]:
    """The dated entries of a top-level section such as `[late_payment]`, by name: a `Figure`
    where the entry has a value, a `Rule` where it has none. Keys are "section.name"."""
    rows = raw_rules().get(section, {})
    entries: dict[str, Figure | Rule] = {}
    for name, row in rows.items():
        key = f"{section}.{name}"
        entries[name] = _figure(key, row) if "value" in row else _rule(key, row)
    return entries


def other_sections() -> list[str]:
    """The sections read through `section_entries` (late payment, procurement...): every
    top-level table but the tax years, VAT, working time and the rules read above."""
    return sorted(name for name in raw_rules() if name not in _NOT_SECTIONS)


def section_figure(section: str, name: str) -> Figure:
    """One dated figure of a section ("late_payment", "base_rate"); KeyError when absent."""
    entry = section_entries(section)[name]
    if not isinstance(entry, Figure):
        raise KeyError(f"{section}.{name} has no value")
    return entry


def _rule(key: str, row: Mapping[str, Any]) -> Rule:
    return Rule(
        key=key,
        applies_from=row["applies_from"],
        checked=row["checked"],
        source=row["source"],
        note=row.get("note", ""),
    )


class VatTreatment(StrEnum):
    """How VAT falls on a price or an invoice line; the rules file holds each one's rate
    (`vat_rate`). Prices (costing) and invoices share it."""

    STANDARD = "standard"
    REDUCED = "reduced"
    ZERO = "zero"
    EXEMPT = "exempt"
    OUTSIDE_SCOPE = "outside_scope"


VAT_LABELS = {
    VatTreatment.STANDARD: N_("Standard rate"),
    VatTreatment.REDUCED: N_("Reduced rate"),
    VatTreatment.ZERO: N_("Zero rate"),
    VatTreatment.EXEMPT: N_("Exempt"),
    VatTreatment.OUTSIDE_SCOPE: N_("Outside the scope of VAT"),
}


def vat_rate(treatment: str) -> Decimal:
    """The VAT rate for a treatment (standard, reduced, zero, exempt, outside_scope)."""
    return Decimal(raw_rules()["vat"]["rates"][treatment]["value"])


def vat_registration_threshold() -> Decimal:
    """Taxable turnover in any rolling 12 months above which registration is compulsory
    (£90,000 from 1 April 2024, VATA 1994 Sch 1 para 1(1)(a))."""
    return standing_figures()["vat_registration_threshold"].value


def vat_look_ahead_days() -> int:
    """The look-ahead test: register when taxable turnover in the next this-many days alone is
    expected to exceed the threshold (30; VATA 1994 Sch 1 para 1(1)(b))."""
    return int(standing_figures()["vat_look_ahead_days"].value)


def vat_deregistration_threshold() -> Decimal:
    """Taxable turnover at or below which a registered organisation may deregister (£88,000)."""
    return standing_figures()["vat_deregistration_threshold"].value


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def stale(entries: Iterable[Figure | Rule], release: date, months: int = 12) -> list[str]:
    """The keys of entries checked more than `months` before `release`, or after it (a
    release date must follow every check it vouches for)."""
    oldest = months_before(release, months)
    return [e.key for e in entries if not oldest <= e.checked <= release]


def all_entries() -> list[Figure | Rule]:
    """Every figure of every tax year, every standing figure and every rule in the file."""
    entries: list[Figure | Rule] = [*standing_figures().values(), *legal_rules()]
    for section in other_sections():
        entries += section_entries(section).values()
    for year in tax_years():
        entries += year_figures(year).values()
    return entries


def tax_year_for(day: date) -> str:
    """The tax year ("2026-27") that `day` falls in (tax years start on 6 April)."""
    start = day.year if (day.month, day.day) >= (4, 6) else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"
