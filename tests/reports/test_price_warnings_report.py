"""Price warnings and a missing tax year travel into the costing report (read back with pypdf)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from costready.costing.engine import price_scenario
from costready.costing.model import CostingModel, Surplus, SurplusKind
from costready.organisation import Organisation
from costready.reports.costing_report import write_costing_report
from tests.reports.builders import pdf_text


def flat(path: Path) -> str:
    return " ".join(pdf_text(path).split())


def test_a_price_below_unit_cost_is_in_the_reports_warnings(
    tmp_path: Path, example_model: CostingModel
) -> None:
    scenario = example_model.scenario
    services = tuple(
        replace(s, surplus=Surplus(SurplusKind.FIXED_PER_UNIT, Decimal(-1)))
        if s.id == "befriending"
        else s
        for s in scenario.services
    )
    scenario = replace(scenario, services=services)
    result = price_scenario(scenario)
    target = tmp_path / "below.pdf"
    write_costing_report(target, Organisation(name="Below"), scenario, result)
    text = flat(target)
    assert "Warnings" in text
    assert "Befriending visit: the price £" in text and "is below the unit cost" in text


def test_a_tax_year_the_rules_lack_is_a_line_in_the_report(
    tmp_path: Path, example_model: CostingModel
) -> None:
    scenario = example_model.scenario
    result = replace(price_scenario(scenario), tax_year="2099-00")
    target = tmp_path / "year.pdf"
    write_costing_report(target, Organisation(name="Year"), scenario, result)
    text = flat(target)
    assert "The rules file has no figures for tax year 2099-00" in text
