"""The Costs page: amounts and charging in cells, shares, bases and pools; refusals and undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from costready.costing.model import Basis
from costready.ui.editors.pool import PoolDialog
from costready.ui.editors.shares import SharesDialog
from costready.ui.pages.costs import CostsPage
from tests.ui.cells import edit_cell, shown

RENT = 3  # "Hall and office rent", shared by floor area
IT = 7  # "IT and phones", shared by set percentages


@pytest.fixture
def page(qtbot, example_doc):
    widget = CostsPage(example_doc)
    return shown(qtbot, widget, 1400, 700)


def cell(model, row: int, key: str) -> str:
    return model.index_of(row, key).data()


def stored(workspace, example_ids):
    return workspace.load_scenario(example_ids[1])


def test_models_pass_qt_checks(qtmodeltester, page):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.bases_model)
    qtmodeltester.check(page.pools_model)


def test_shows_each_cost_and_how_it_is_charged(page):
    assert cell(page.model, 0, "name") == "Mileage"
    assert cell(page.model, 0, "how") == "Direct to a service"
    assert cell(page.model, 0, "target") == "Home support"
    assert cell(page.model, RENT, "amount") == "£9,000.00"
    assert cell(page.model, RENT, "target") == "Floor area"
    assert cell(page.model, IT, "target").startswith("Set percentages: Home support 60%")
    assert cell(page.bases_model, 1, "floor_area") == "80"
    assert cell(page.pools_model, 0, "name") == "Management"


def test_a_rent_rise_changes_the_prices(qtbot, page, example_doc, workspace, example_ids):
    old = example_doc.result.service("day-activities").full_cost
    edit_cell(qtbot, page.view, RENT, "amount", "12000")
    qtbot.waitUntil(lambda: cell(page.model, RENT, "amount") == "£12,000.00")
    assert stored(workspace, example_ids).cost("rent").annual_amount == Decimal("12000")
    # day activities has 80 of the 100 m²: £2,400 more of the rent
    assert example_doc.result.service("day-activities").full_cost == old + Decimal("2400.00")
    assert not page.error.isVisible()


def test_abc_as_an_amount_is_refused_naming_the_field(qtbot, page, workspace, example_ids):
    before = stored(workspace, example_ids)
    edit_cell(qtbot, page.view, RENT, "amount", "abc")
    assert page.error.isVisible()
    assert page.error.text() == "Amount a year: “abc” is not an amount"
    assert "Not saved" not in page.status.text()  # said once, by the table
    assert stored(workspace, example_ids) == before
    assert cell(page.model, RENT, "amount") == "£9,000.00"


def test_undo_restores_the_amount(qtbot, page, example_doc, workspace, example_ids):
    edit_cell(qtbot, page.view, 0, "amount", "7000")
    qtbot.waitUntil(lambda: cell(page.model, 0, "amount") == "£7,000.00")
    example_doc.undo_stack.undo()
    assert cell(page.model, 0, "amount") == "£6,200.00"
    assert stored(workspace, example_ids).cost("mileage").annual_amount == Decimal("6200.00")


def test_charging_a_shared_cost_direct_picks_a_service(qtbot, page, workspace, example_ids):
    index = page.model.index_of(RENT, "how")
    page.view.setCurrentIndex(index)
    page.view.edit(index)
    combo = page.view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("direct"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(page.model, RENT, "how") == "Direct to a service")
    rent = stored(workspace, example_ids).cost("rent")
    assert rent.direct == "home-support"
    assert rent.basis is None


def test_set_percentages_dialog_needs_100_percent(qtbot, page, workspace, example_ids):
    page.select_row(IT)
    assert page.edit_action.isEnabled()
    qtbot.mouseClick(page.buttons["edit"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SharesDialog)
    spins = dialog.editor.spins
    spins["befriending"].selectAll()
    qtbot.keyClicks(spins["befriending"].lineEdit(), "20")
    assert not dialog.ok_button.isEnabled()
    assert dialog.editor.total_label.text() == "Allocated 110% — 10% too much"
    spins["home-support"].selectAll()
    qtbot.keyClicks(spins["home-support"].lineEdit(), "50")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert stored(workspace, example_ids).cost("it").shares == {
        "home-support": Decimal("0.5"),
        "day-activities": Decimal("0.3"),
        "befriending": Decimal("0.2"),
    }


def test_edit_is_only_for_costs_shared_by_set_percentages(page):
    page.select_row(RENT)
    assert not page.edit_action.isEnabled()


def test_a_floor_area_weight_moves_the_rent(qtbot, page, example_doc, workspace, example_ids):
    page.tabs.setCurrentIndex(1)
    old = example_doc.result.service("befriending").full_cost
    edit_cell(qtbot, page.bases_view, 2, "floor_area", "28")
    assert stored(workspace, example_ids).bases["floor_area"]["befriending"] == Decimal("28")
    assert example_doc.result.service("befriending").full_cost > old
    edit_cell(qtbot, page.bases_view, 2, "floor_area", "-1")
    assert page.error.text() == "Floor area (m²): cannot be negative"
    assert stored(workspace, example_ids).bases["floor_area"]["befriending"] == Decimal("28")


def test_a_pool_in_use_is_not_removed_and_says_what_uses_it(qtbot, page, workspace, example_ids):
    page.tabs.setCurrentIndex(2)
    page.pools_view.selectRow(0)
    qtbot.mouseClick(page.pool_buttons["remove"], Qt.MouseButton.LeftButton)
    assert "Service coordinator" in page.error.text()
    assert "Manager's phone and travel" in page.error.text()
    assert [p.id for p in stored(workspace, example_ids).pools] == ["management"]


def test_adding_a_pool_shared_by_set_percentages(qtbot, page, workspace, example_ids):
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.pool_buttons["add"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PoolDialog)
    qtbot.keyClicks(dialog.name_edit, "Administration")
    dialog.basis_combo.setCurrentIndex(dialog.basis_combo.findData(Basis.SHARES.value))
    assert not dialog.ok_button.isEnabled()
    dialog.shares_editor.spins["home-support"].selectAll()
    qtbot.keyClicks(dialog.shares_editor.spins["home-support"].lineEdit(), "100")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    pool = stored(workspace, example_ids).pool("administration")
    assert pool.basis is Basis.SHARES
    assert pool.shares == {"home-support": Decimal("1")}
    assert page.pools_model.rowCount() == 2


def test_adding_and_removing_a_cost_with_undo(qtbot, page, example_doc, workspace, example_ids):
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.dialog.name_edit, "Cleaning")
    page.dialog.accept()
    assert cell(page.model, 8, "name") == "Cleaning"
    assert stored(workspace, example_ids).cost("cleaning").basis is Basis.STAFF_TIME
    page.select_row(8)
    qtbot.mouseClick(page.buttons["remove"], Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 8
    assert "Ctrl+Z" in page.status.text()
    example_doc.undo_stack.undo()
    assert "cleaning" in {c.id for c in stored(workspace, example_ids).costs}


def test_edit_follows_a_line_switched_to_set_percentages(qtbot, page, example_doc):
    row = next(i for i, c in enumerate(example_doc.scenario.costs) if c.basis is Basis.FLOOR_AREA)
    page.select_row(row)
    assert not page.edit_action.isEnabled()
    assert page.model.setData(page.model.index_of(row, "target"), Basis.SHARES.value)
    assert page.edit_action.isEnabled() and page.buttons["edit"].isEnabled()
    example_doc.undo_stack.undo()
    assert not page.edit_action.isEnabled()
