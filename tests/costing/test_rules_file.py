"""The rules file itself: every figure fresh, dated and sourced; every tax year complete."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from urllib.parse import urlparse

import pytest

from costready.costing import rules
from costready.costing.rules import AgeBand, Figure, Rule

# What every tax year must hold, so next year's table cannot leave one out.
YEAR_KEYS = {
    "employer_ni_rate",
    "employer_ni_secondary_threshold",
    "employment_allowance",
    "pension_qualifying_lower",
    "pension_qualifying_upper",
    "pension_employer_minimum_rate",
    *(f"minimum_hourly_{band.value}" for band in AgeBand),
}


def is_government(url: str) -> bool:
    """gov.uk and its subdomains: legislation, HMRC manuals, ONS, the Pensions Regulator."""
    host = urlparse(url).hostname or ""
    return host == "gov.uk" or host.endswith(".gov.uk")


def test_no_figure_was_checked_more_than_twelve_months_before_the_release() -> None:
    assert rules.stale(rules.all_entries(), rules.release_date()) == []


def test_the_freshness_check_catches_a_figure_a_year_and_a_day_old() -> None:
    release = date(2026, 11, 29)
    old = Figure("old", Decimal(1), date(2020, 1, 1), date(2025, 11, 28), "https://www.gov.uk/")
    fresh = Figure("fresh", Decimal(1), date(2020, 1, 1), date(2025, 11, 29), "https://gov.uk/")
    later = Rule("later", date(2020, 1, 1), date(2026, 11, 30), "https://www.gov.uk/")
    assert rules.stale([old, fresh, later], release) == ["old", "later"]


def test_months_before_keeps_the_day_or_takes_the_month_end() -> None:
    assert rules.months_before(date(2026, 11, 29), 12) == date(2025, 11, 29)
    assert rules.months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert rules.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)


@pytest.mark.parametrize("entry", rules.all_entries(), ids=lambda e: e.key)
def test_every_entry_has_an_https_source_and_dates(entry: Figure | Rule) -> None:
    assert urlparse(entry.source).scheme == "https"
    assert isinstance(entry.applies_from, date)
    assert isinstance(entry.checked, date)
    assert entry.applies_from <= entry.checked
    assert entry.label  # every key in the file has a name the report can print


@pytest.mark.parametrize("entry", rules.all_entries(), ids=lambda e: e.key)
def test_sources_are_official_unless_marked_and_explained(entry: Figure | Rule) -> None:
    official = getattr(entry, "official", True)
    if official:
        assert is_government(entry.source), entry.source
    else:
        assert not is_government(entry.source)
        assert entry.note, "a figure without an official source says why in its note"


def test_no_payroll_vendor_blog_is_left_as_a_source() -> None:
    hosts = {urlparse(e.source).hostname for e in rules.all_entries()}
    assert not hosts & {"help.mintago.com", "www.mfw.co.uk"}


@pytest.mark.parametrize("year", rules.tax_years())
def test_every_tax_year_holds_every_yearly_figure(year: str) -> None:
    assert set(rules.year_figures(year)) >= YEAR_KEYS


@pytest.mark.parametrize("year", rules.tax_years())
def test_a_tax_year_runs_from_6_april_to_5_april(year: str) -> None:
    held = rules.rules_for(year)
    assert (held.starts.month, held.starts.day) == (4, 6)
    assert held.ends == date(held.starts.year + 1, 4, 5)
    assert rules.tax_year_for(held.starts) == year


def test_only_the_figures_known_to_be_third_party_are_marked_so() -> None:
    marked = {e.key for e in rules.all_entries() if not getattr(e, "official", True)}
    assert marked == {"ssp_weekly_rate", "homecare_minimum_price"}
