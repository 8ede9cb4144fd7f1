"""The costing report's assumptions name each published figure it used, with source and dates."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from costready.costing import rules
from costready.reports.costing_report import write_costing_report
from tests.reports.builders import example_result, example_scenario, make_organisation, pdf_text


def assumptions_text(tmp_path: Path, vat_registered: bool = True, **changes: object) -> str:
    """The assumptions page's text with line breaks closed up (long addresses wrap)."""
    target = tmp_path / "report.pdf"
    scenario = replace(example_scenario(), **changes)  # type: ignore[arg-type]
    write_costing_report(target, make_organisation(vat_registered), scenario, example_result())
    text = pdf_text(target)
    return "".join(text[text.index("Assumptions") : text.index("Staff on-cost settings")].split())


def closed(text: str) -> str:
    return "".join(text.split())


def test_each_figure_used_shows_value_dates_and_source(tmp_path: Path) -> None:
    text = assumptions_text(tmp_path)
    assert closed("Published figures used and their sources") in text
    nlw = rules.minimum_hourly_figure("2026-27")
    assert closed("National Living Wage (21 and over) £12.71 an hour 01/04/2026 24/11/2026") in text
    assert nlw.source in text
    assert closed("Employer National Insurance rate 15% 06/04/2025 29/11/2026") in text
    assert closed("Employment Allowance £10,500.00 06/04/2025") in text
    assert closed("VAT standard rate 20% 04/01/2011") in text  # the example has a standard service
    for key in ("employer_ni_rate", "employer_ni_secondary_threshold", "employment_allowance"):
        assert rules.figure("2026-27", key).source in text


def test_sick_pay_is_a_fact_and_its_third_party_source_is_marked(tmp_path: Path) -> None:
    text = assumptions_text(tmp_path)
    assert (
        closed(
            "Statutory Sick Pay from 6 April 2026: paid from the first full day of sickness, "
            "the lower of £123.25 a week or 80% of average weekly earnings."
        )
        in text
    )
    held = rules.statutory_sick_pay("2026-27")
    assert held is not None
    assert closed(f"{held[0].source} (not a government source)") in text


def test_a_claimed_allowance_shows_who_may_claim_with_nim06530(tmp_path: Path) -> None:
    text = assumptions_text(tmp_path, claims_employment_allowance=True)
    assert "national-insurance-manual/nim06530" in text
    assert closed("unless a charity a rule 06/04/2014") in text
    unclaimed = assumptions_text(tmp_path, claims_employment_allowance=False)
    assert "nim06530" not in unclaimed
    assert closed("Employment Allowance £10,500.00") not in unclaimed


def test_not_vat_registered_shows_the_threshold_and_look_ahead_not_rates(tmp_path: Path) -> None:
    text = assumptions_text(tmp_path, vat_registered=False)
    assert closed("VAT registration threshold (rolling 12 months) £90,000.00 01/04/2024") in text
    assert closed("30 days") in text
    assert "https://www.legislation.gov.uk/uksi/2024/307/made" in text
    assert closed("VAT standard rate") not in text


def test_sickness_time_names_the_default_and_its_ons_source(tmp_path: Path) -> None:
    scenario = example_scenario()
    assert "Statutoryholiday" not in assumptions_text(tmp_path)  # no post has holiday time
    time_off = {"sickness": Decimal("0.02"), "holiday": Decimal("0.1074")}
    sick = replace(scenario.staff[0], non_chargeable=time_off)
    text = assumptions_text(tmp_path, staff=(sick, *scenario.staff[1:]))
    assert closed("Sickness, default share of paid hours 2% 04/06/2025") in text
    assert "ons.gov.uk" in text
    assert closed("Statutory holiday (bank holidays may count) 5.6 weeks 01/04/2009") in text
