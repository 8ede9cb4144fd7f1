"""The trustees' costing report PDF, read back as text."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from costready.costing.engine import price_scenario
from costready.costing.model import CostingModel
from costready.organisation import Organisation
from costready.reports.costing_report import write_costing_report
from tests.reports.builders import TEA, example_result, example_scenario, large_result, pdf_text


def flat(path: Path) -> str:
    return " ".join(pdf_text(path).split())


@pytest.fixture
def report(tmp_path: Path, organisation: Organisation) -> Path:
    target = tmp_path / "report.pdf"
    write_costing_report(target, organisation, example_scenario(), example_result())
    return target


def test_title_facts_and_typed_text_appear_literally(report: Path) -> None:
    text = flat(report)
    assert "Costing report" in text
    assert "Budget 2026-27 <draft> & co" in text
    assert "Riverside <Community> & Arts Hub" in text
    assert "1 April 2026 to 31 March 2027" in text
    assert "Tax year 2026-27" in text
    assert TEA in text
    assert "Produced on" in text


def test_assumptions_name_the_tax_year_figures_and_volumes(report: Path) -> None:
    text = flat(report)
    assert "15% of pay above £5,000.00 a year for each employee" in text
    assert "£6,240.00 to £50,270.00 a year" in text
    assert "Claimed: up to £10,500.00" in text
    assert "Capacity 3,000 × occupancy 80%" in text
    # the same working as the Prices page shows (costready.costing.explain)
    # (a page may break before "non-chargeable)")
    assert "From staff hours: Support worker: 4 × 1,950 paid hours × 80% × (1 − 0%" in text
    assert "Befriending visit 900 visit Typed in" in text


def test_a_vat_choice_against_the_default_is_named_with_its_source(report: Path) -> None:
    """The example's tea club is standard-rated; a charity's welfare services are exempt."""
    text = flat(report)
    assert "VAT chosen against the usual treatment" in text
    assert (
        "“Standard rate”, but usually “Exempt”: welfare services supplied by a charity are "
        "exempt (VATA 1994 Sch 9 Group 7)" in text
    )
    assert "https://www.gov.uk/hmrc-internal-manuals/vat-welfare/vatwelf2010" in text


def test_staff_table_totals(report: Path) -> None:
    text = flat(report)
    assert "Support worker 4 1,950" in text
    assert "£113,234.04" in text and "£27,840.00" in text
    assert "Total 5 £122,338.00" in text
    assert "£141,074.04" in text


def test_apportionment_rows_and_totals_add_up(report: Path) -> None:
    text = flat(report)
    assert "Hall & office rent Floor area £1,080.00 £7,200.00 £720.00 £9,000.00" in text
    assert "Management (overhead pool) Staff time £6,783.44 £1,656.42 £552.14 £8,992.00" in text
    result = example_result()
    grand = sum(sum(s.overheads.values()) for s in result.services)
    assert f"Total overheads £9,259.05 £9,197.21 £1,385.74 £{grand:,.2f}" in text
    assert "Staff time: Service coordinator £8,352.00" in text


def test_build_up_names_surplus_conventions_and_break_even(report: Path) -> None:
    text = flat(report)
    assert "5% mark-up on cost" in text
    assert "3% of price" in text
    assert "£1.00 per unit" in text
    assert "Price (rounded up to the nearest £0.05) £27.35" in text
    assert "Price incl. VAT (Standard rate 20%) £19.80" in text
    assert "Direct staff: Support worker £90,587.23" in text
    # each overhead names the weights it was shared by, read from the result
    assert "Overhead: Hall & office rent (floor area 12 of 100 m²) £1,080.00" in text
    assert "Overhead: Insurance (staff time 6,708 of 8,892 hours) £1,395.61" in text
    assert "Management (overhead pool) (staff time 1,638 of 8,892 hours) £1,656.42" in text
    assert "Other direct: Mileage £6,200.00" in text
    assert "Break-even volume (hour)" in text


def test_no_break_even_is_said_in_words(tmp_path: Path, organisation: Organisation) -> None:
    result = example_result()
    losing = replace(result.services[0], break_even_units=None)
    result = replace(result, services=(losing, *result.services[1:]))
    target = tmp_path / "loss.pdf"
    write_costing_report(target, organisation, example_scenario(), result)
    assert "no break-even: the price does not cover the variable cost" in flat(target)


def test_sensitivity_and_chart_sections(report: Path) -> None:
    text = flat(report)
    assert "If volumes change" in text
    assert "−20% 3,557.2992 £" in text
    assert "Planned 4,446.624 £25.73" in text
    assert text.count("Planned 4,446.624 ") == 1  # the engine's own 0% row, shown once
    assert "Cost build-up of each price" in text
    assert "Direct staff Other direct costs Overheads Surplus" in text


def test_wide_tables_are_on_landscape_pages(report: Path) -> None:
    reader = PdfReader(str(report))
    shapes = [(float(p.mediabox.width) > float(p.mediabox.height)) for p in reader.pages]
    assert shapes[0] is False
    assert any(shapes)
    landscape_text = " ".join(
        p.extract_text() for p, wide in zip(reader.pages, shapes, strict=True) if wide
    )
    assert "Staff on-costs" in landscape_text and "Overhead apportionment" in landscape_text


def test_two_hundred_services_render(tmp_path: Path, organisation: Organisation) -> None:
    scenario, result = large_result(200)
    target = tmp_path / "big.pdf"
    write_costing_report(target, organisation, scenario, result)
    pages = PdfReader(str(target)).pages
    text = flat(target)
    assert f"Page {len(pages)} of {len(pages)}" in text
    assert text.count("Service 199 & <group>") >= 4  # glance, volumes, build-up, sensitivity


def test_example_model_through_the_engine(tmp_path: Path, example_model: CostingModel) -> None:
    result = price_scenario(example_model.scenario)
    target = tmp_path / "example.pdf"
    write_costing_report(
        target, Organisation(name=example_model.organisation.name), example_model.scenario, result
    )
    text = flat(target)
    assert "£163,864.04" in text  # total cost
    assert "Full cost £115,808.28" in text
    assert "Full cost £37,744.32" in text
    assert "Full cost £10,311.44" in text
    assert "Total overheads £10,669.05 £10,007.21 £1,865.74 £22,542.00" in text
    assert "Home support hour 4,446.624 £26.04 £27.35" in text
    assert "Overhead: Hall and office rent (floor area 12 of 100 m²) £1,080.00" in text
    assert "Overhead: IT and phones (set percentage 60%) £900.00" in text
    assert "Not claimed." in text


def test_warnings_and_hours_worked_are_in_the_report(
    tmp_path: Path, example_model: CostingModel
) -> None:
    scenario = example_model.scenario
    staff = tuple(
        replace(p, hourly_rate=Decimal("9.00"), paid_for_hours_worked=True)
        if p.id == "support-worker"
        else p
        for p in scenario.staff
    )
    scenario = replace(scenario, staff=staff)
    result = price_scenario(scenario)
    target = tmp_path / "warned.pdf"
    write_costing_report(target, Organisation(name="Warned"), scenario, result)
    text = flat(target)
    assert "Warnings" in text
    assert "Support worker: £9.00 an hour is below the National Living Wage" in text
    assert "Paid only for hours worked (Support worker)" in text
    assert "threshold below which none is paid is ignored" in text


def test_no_warnings_section_without_warnings(tmp_path: Path, example_model: CostingModel) -> None:
    result = price_scenario(example_model.scenario)
    target = tmp_path / "lawful.pdf"
    write_costing_report(target, Organisation(name="Lawful"), example_model.scenario, result)
    text = flat(target)
    assert "below the National Living Wage" not in text
    assert "Paid only for hours worked" not in text
