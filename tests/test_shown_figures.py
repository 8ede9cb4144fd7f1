"""Every printed figure agrees: the Prices page, the costing report and price list PDFs, the
`costready price` table and `price --json`, on the golden example and on a model whose unit
costs land on half pennies (where half-even and half-up part company)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from costready.__main__ import main
from costready.app.model_files import import_model
from costready.costing.explain import units_text
from costready.costing.modelfile import load_model_file
from costready.money import format_exact_money, format_money
from costready.organisation import Organisation
from costready.reports.costing_report import write_costing_report
from costready.reports.price_list import entries_from_result, write_price_list
from costready.storage.workspace import Workspace
from costready.ui.document import ScenarioDocument
from costready.ui.pages.prices import PricesPage
from costready.ui.prices.table import COLUMN_KEYS
from tests.conftest import EXAMPLE_MODEL, FIXTURES
from tests.reports.builders import pdf_text

HALF_PENNY_MODEL = FIXTURES / "half-penny-model.json"
MODELS = [EXAMPLE_MODEL, HALF_PENNY_MODEL]

# The cells of a service's row on the Prices page that hold a figure.
FIGURES = (
    "planned_units",
    "full_cost",
    "unit_cost",
    "price",
    "price_inc_vat",
    "surplus_per_unit",
    "surplus_rule",
    "income",
    "surplus",
    "break_even",
)


@dataclass
class Screen:
    """What the Prices page shows, as text: each service's row, build-up and volume cases."""

    organisation: Organisation
    services: dict[str, dict[str, str]]  # service id -> column key or build-up line -> text
    names: dict[str, str]
    units: dict[str, str]
    cases: dict[str, list[tuple[str, ...]]]  # service id -> (volume, units, unit cost, surplus)
    totals: dict[str, str]


@pytest.fixture(params=MODELS, ids=["golden", "half-penny"])
def model(request) -> Path:
    return request.param


@pytest.fixture
def screen(qtbot, tmp_path, model) -> Screen:
    return _screen_of(qtbot, tmp_path, model)


def _screen_of(qtbot, tmp_path: Path, model: Path) -> Screen:
    """The model imported into a new workspace and shown on the Prices page, read back."""
    workspace = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    try:
        organisation_id, scenario_id = import_model(workspace, load_model_file(model))
        document = ScenarioDocument(workspace, organisation_id, scenario_id, QUndoStack())
        page = PricesPage(document)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        return _read_screen(page, workspace.organisation(organisation_id))
    finally:
        workspace.close()


def _read_screen(page: PricesPage, organisation: Organisation) -> Screen:
    model = page.model
    services: dict[str, dict[str, str]] = {}
    cases: dict[str, list[tuple[str, ...]]] = {}
    for row, service in enumerate(model.services):
        cells = {key: model.index(row, COLUMN_KEYS.index(key)).data() for key in FIGURES}
        page.select_service(service.id)
        assert page.selected_service_id() == service.id
        cells |= dict(page.buildup.lines())  # "= Unit cost", "= Price before rounding", ...
        services[service.id] = cells
        table = page.sensitivity
        cases[service.id] = [
            tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())
        ]
    totals_row = len(model.services)
    totals = {
        key: model.index(totals_row, COLUMN_KEYS.index(key)).data()
        for key in ("full_cost", "income", "surplus")
    }
    return Screen(
        organisation,
        services,
        {s.id: s.name for s in model.services},
        {s.id: s.unit for s in model.services},
        cases,
        totals,
    )


def _flat(path: Path) -> str:
    return " ".join(pdf_text(path).split())


def _priced(model: Path):
    from costready.costing.engine import price_scenario

    scenario = load_model_file(model).scenario
    return scenario, price_scenario(scenario)


def test_the_screen_shows_half_pennies_half_up(qtbot, tmp_path):
    """The half-penny model as a person works it by hand, every half penny rounded up."""
    shown = _screen_of(qtbot, tmp_path, HALF_PENNY_MODEL)
    tea, advice = shown.services["tea-dance"], shown.services["advice"]
    assert tea["unit_cost"] == "£26.05"  # 2,604.50 ÷ 100 = 26.045
    assert tea["= Price before rounding"] == "£27.3473"  # 26.045 x 1.05 = 27.34725
    assert tea["surplus_per_unit"] == "£1.31"  # 27.35 - 26.045 = 1.305
    assert advice["unit_cost"] == "£10.21"  # 2,041.00 ÷ 200 = 10.205
    assert advice["= Price before rounding"] == "£11.2050"
    assert advice["+ VAT"] == "£0.57"  # 5% of 11.30 = 0.565
    assert advice["price_inc_vat"] == "£11.87"


def test_the_screen_shows_the_golden_figures(qtbot, tmp_path, expected):
    shown = _screen_of(qtbot, tmp_path, EXAMPLE_MODEL)
    for want in expected["services"]:
        cells = shown.services[want["id"]]
        for key in ("full_cost", "unit_cost", "price"):
            assert cells[key] == format_money(Decimal(want[key]))


def test_the_costing_report_prints_the_screens_figures(screen, model, tmp_path):
    target = tmp_path / "report.pdf"
    write_costing_report(target, screen.organisation, *_priced(model))
    text = _flat(target)
    for sid, cells in screen.services.items():
        name, unit = screen.names[sid], screen.units[sid]
        at_a_glance = f"{name} {unit} {cells['planned_units']} {cells['unit_cost']} "
        assert at_a_glance + f"{cells['price']} {cells['surplus']}" in text
        built = (
            f"Full cost {cells['full_cost']} Planned units a year ({unit}) "
            f"{cells['planned_units']} Unit cost (full cost ÷ planned units) "
            f"{cells['unit_cost']} Surplus {cells['surplus_rule']} Price before rounding "
            f"{cells['= Price before rounding']} Price (rounded up to the nearest "
        )
        assert built in text
        if screen.organisation.vat_registered:
            after = rf"\) {re.escape(cells['price'])} Price incl\. VAT \([^)]*\) "
            after += re.escape(f"{cells['price_inc_vat']} ")
        else:  # not registered: no price including VAT, on screen or on paper
            assert cells["price_inc_vat"] is None
            assert "incl. VAT" not in text
            after = rf"\) {re.escape(cells['price'])} VAT: none, as the organisation is not "
            after += "VAT registered "
        after += re.escape(
            f"Surplus a unit {cells['surplus_per_unit']} Surplus at planned volume: price × "
        )
        # the working (and why a unit's surplus × units differs), then the screen's figure
        after += r".*?" + re.escape(f"{cells['surplus']} Fixed cost")
        assert re.search(after, text)
        assert f"Break-even volume ({unit}) {cells['break_even']}" in text
        for case in screen.cases[sid]:
            assert " ".join(case) in text
    totals = screen.totals
    assert f"Income at planned volumes {totals['income']}" in text
    assert f"Surplus at planned volumes {totals['surplus']}" in text


def test_the_price_list_prints_the_screens_prices(screen, model, tmp_path):
    target = tmp_path / "prices.pdf"
    entries = entries_from_result(*_priced(model))
    write_price_list(target, screen.organisation, entries, date(2026, 4, 1), draft=False)
    text = _flat(target)
    for sid, cells in screen.services.items():
        row = re.escape(f"{screen.names[sid]} per {screen.units[sid]} {cells['price']}")
        if screen.organisation.vat_registered:
            row += r" [^£]+ " + re.escape(cells["price_inc_vat"])
        assert re.search(row + r"( |$)", text)


def test_the_cli_table_prints_the_screens_figures(screen, model, capsys):
    assert main(["price", str(model)]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {cells[0]: cells for cells in (re.split(r"\s{2,}", line.strip()) for line in lines)}
    for sid, cells in screen.services.items():
        keys = ("planned_units", "full_cost", "unit_cost", "price", "surplus_rule")
        want = [screen.names[sid], screen.units[sid], *(cells[key] for key in keys)]
        assert rows[screen.names[sid]] == want
    assert rows["Total"] == ["Total", screen.totals["full_cost"]]


def _amount(text: str, places: int = 2) -> Decimal:
    """A JSON amount, checked to carry exactly the places a screen shows (no more, no fewer)."""
    value = Decimal(text)
    assert value.as_tuple().exponent == -places, text
    return value


def test_price_json_gives_the_screens_figures(screen, model, capsys):
    assert main(["price", str(model), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for service in data["services"]:
        cells = screen.services[service["id"]]
        assert units_text(Decimal(service["planned_units"])) == cells["planned_units"]
        for key, cell in (
            ("full_cost", "full_cost"),
            ("unit_cost", "unit_cost"),
            ("price", "price"),
            ("surplus_per_unit", "surplus_per_unit"),
            ("surplus_at_planned_volume", "surplus"),
        ):
            assert format_money(_amount(service[key])) == cells[cell], key
        if screen.organisation.vat_registered:
            assert format_money(_amount(service["price_inc_vat"])) == cells["price_inc_vat"]
        else:
            assert "price_inc_vat" not in service and cells["price_inc_vat"] is None
        before = _amount(service["price_before_rounding"], places=4)
        assert format_exact_money(before) == cells["= Price before rounding"]
        assert units_text(Decimal(service["break_even_units"])) == cells["break_even"]
        cases = [
            (
                units_text(Decimal(case["units"])),
                format_money(_amount(case["unit_cost"])),
                format_money(_amount(case["surplus"])),
            )
            for case in service["sensitivity"]
        ]
        assert cases == [case[1:] for case in screen.cases[service["id"]]]
    totals = data["totals"]
    assert format_money(_amount(totals["full_cost"])) == screen.totals["full_cost"]
    assert format_money(_amount(totals["income"])) == screen.totals["income"]
    assert format_money(_amount(totals["surplus"])) == screen.totals["surplus"]
