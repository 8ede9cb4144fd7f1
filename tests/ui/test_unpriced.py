"""A service that cannot be priced is marked by its row; the rest price; exports are refused."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox

from costready.app.model_files import import_model
from costready.costing.model import Volume
from costready.ui.document import ScenarioDocument
from costready.ui.main_window import MainWindow
from costready.ui.pages.costs import CostsPage
from costready.ui.pages.prices import PricesPage
from costready.ui.prices.table import COLUMN_KEYS
from tests.ui.cells import edit_cell, shown

BEFRIENDING = 2  # the example's third service, in the scenario's order


@pytest.fixture
def unpriced_ids(workspace, example_model) -> tuple[int, int]:
    """The example model with befriending planned at no units a year (saved like that)."""
    organisation_id, scenario_id = import_model(workspace, example_model)
    scenario = workspace.load_scenario(scenario_id)
    services = list(scenario.services)
    services[BEFRIENDING] = dataclasses.replace(
        services[BEFRIENDING], volume=Volume(units=Decimal(0))
    )
    workspace.save_scenario(scenario_id, dataclasses.replace(scenario, services=tuple(services)))
    return organisation_id, scenario_id


@pytest.fixture
def document(qtbot, workspace, unpriced_ids):
    return ScenarioDocument(workspace, *unpriced_ids, QUndoStack())


@pytest.fixture
def page(qtbot, document):
    return shown(qtbot, PricesPage(document), 1200, 800)


def cell(page: PricesPage, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    return page.model.index(row, COLUMN_KEYS.index(key)).data(role)


def test_the_unpriceable_service_keeps_its_row_with_the_reason(page, document):
    result = document.result
    assert [s.id for s in result.unpriced] == ["befriending"]
    assert page.model.rowCount() == 4  # three services, then the totals
    assert [cell(page, row, "service") for row in range(3)] == [
        "Home support",
        "Day activities",
        "Befriending visit",
    ]
    assert cell(page, BEFRIENDING, "price") == "Cannot be priced"
    assert cell(page, BEFRIENDING, "full_cost") == ""
    reason = "planned units must be more than zero"
    tooltip = cell(page, BEFRIENDING, "service", Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Befriending visit cannot be priced: " + reason)
    accessible = cell(page, BEFRIENDING, "price", Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith("Cannot be priced: " + reason)
    # the others price as usual, and the totals say what they add up
    assert cell(page, 0, "price").startswith("£")
    assert cell(page, 3, "service") == "Total of the priced services"
    assert page.unpriced_label.isVisible()
    assert "Befriending" in page.unpriced_label.text()
    assert page.banner.isVisible()
    assert result.unpriced[0].problems[0].message in page.banner.messages


def test_selecting_the_unpriceable_row_says_why(qtbot, page, document):
    page.select_service("befriending")
    assert "Befriending visit cannot be priced: planned units" in page.detail_title.text()
    assert page.buildup.topLevelItemCount() == 0
    page.select_service("home-support")
    assert "Home support" in page.detail_title.text()
    assert page.buildup.topLevelItemCount() > 0


def test_models_pass_qt_checks_with_an_unpriced_row(qtmodeltester, page):
    qtmodeltester.check(page.model)


def test_adopting_is_refused_naming_the_service(page, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    page.adopt()
    assert page.adopt_dialog is None
    assert said and "Befriending" in said[0]


@pytest.fixture
def window(qtbot, workspace, unpriced_ids):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.workspace_loaded):
        win.set_workspace(workspace)
    win.show_organisation(unpriced_ids[0], unpriced_ids[1])
    return win


@pytest.mark.parametrize("action", ["export_price_list_action", "export_report_action"])
def test_exporting_a_pdf_is_refused_naming_the_unpriced(window, monkeypatch, tmp_path, action):
    asked: list[str] = []
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: asked.append("asked") or ("", "")
    )
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, text: said.append((title, text))
    )
    getattr(window, action).trigger()
    assert asked == []  # refused before asking where to save
    assert said and said[0][0] == "Not exported"
    assert "Befriending" in said[0][1] and "planned" in said[0][1]


def test_the_costs_page_refuses_what_the_domain_refuses(qtbot, example_doc, workspace):
    page = shown(qtbot, CostsPage(example_doc), 1400, 700)
    before = example_doc.scenario
    edit_cell(qtbot, page.view, 3, "amount", "1000000001")  # over £1,000,000,000
    assert page.error.isVisible()
    assert "annual amount" in page.error.text(), page.error.text()
    assert example_doc.scenario == before
