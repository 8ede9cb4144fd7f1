"""The main window: sidebar and page shortcuts, menus, undo/redo, scenarios, import and export."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from costready.ui.dialogs.compare import CompareDialog
from costready.ui.dialogs.copy_scenario import CopyScenarioDialog
from costready.ui.main_window import MainWindow

PAGE_NAMES = ["Home", "Organisation", "Services", "Staff", "Costs", "Prices"]
PAGE_KEYS = ["home", "organisation", "services", "staff", "costs", "prices"]
PAGE_NAMES += ["Invoices", "Customers", "Deliveries", "Checklist"]
PAGE_KEYS += ["invoices", "customers", "deliveries", "checklist"]


def menu_texts(window: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_sidebar_shows_the_six_pages_in_order(window):
    names = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert names == PAGE_NAMES
    assert window.current_page_key() == "home"
    assert "Riverside Community Hub" in window.windowTitle()


@pytest.mark.parametrize(("number", "key"), list(enumerate(PAGE_KEYS, start=1)))
def test_ctrl_number_switches_page(qtbot, window, number, key):
    start = "prices" if key == "home" else "home"
    window.show_page(start)
    window.activateWindow()
    qtbot.keyClick(
        window.sidebar,
        Qt.Key(Qt.Key.Key_0.value + number % 10),
        Qt.KeyboardModifier.ControlModifier,
    )
    qtbot.waitUntil(lambda: window.current_page_key() == key)
    assert window.sidebar.currentRow() == number - 1


def test_clicking_the_sidebar_switches_page(qtbot, window):
    rect = window.sidebar.visualItemRect(window.sidebar.item(3))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "staff"


def test_menus_are_as_planned(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "Organisation", "Scenario", "Invoices", "Help"]
    assert menu_texts(window, "&File") == [
        "New organisation (guided)…",
        "Open workspace…",
        "Switch organisation…",
        "Open recent",
        "Open the sample organisation",
        "Back up now",
        "Restore from backup…",
        "Import model…",
        "Export model…",
        "Import organisation…",
        "Export organisation…",
        "Export price list PDF…",
        "Export costing report PDF…",
        "Print price list…",
        "Print costing report…",
        "Export Prices table (Excel or CSV)…",
        "Export costing report tables (Excel or CSV)…",
        "Quit",
    ]
    # each Alt+letter of the File menu is its own
    keys = [
        QKeySequence.mnemonic(a.text()).toString()
        for a in window.menuBar().actions()[0].menu().actions()
        if "&" in a.text()
    ]
    assert len(keys) == len(set(keys)), keys
    assert menu_texts(window, "&Scenario") == [
        "Copy scenario…",
        "Compare scenarios…",
        "Adopt prices…",
        "Rename scenario…",
        "Delete scenario…",
    ]
    assert menu_texts(window, "&Organisation") == ["Rename organisation…", "Delete organisation…"]
    assert menu_texts(window, "In&voices") == [
        "New invoice…",
        "Record payment…",
        "Record a remittance…",
        "Credit note…",
        "Copy as new draft",
        "Bill a period…",
        "Save PDF…",
        "Export e-invoice…",
        "Reminder letter…",
        "Export invoices CSV…",
        "Export payments CSV…",
        "Invoicing settings…",
    ]
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")


def test_undo_and_redo_use_the_standard_shortcuts(window):
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    edit = [a.text().replace("&", "") for a in window.menuBar().actions()[1].menu().actions()]
    assert edit[0].startswith("Undo") and edit[1].startswith("Redo")


def test_undo_puts_back_a_scenario_edit_in_the_database(qtbot, window, workspace):
    document = window.document
    original = document.scenario.name
    document.apply(dataclasses.replace(document.scenario, name="Renamed"), "Rename scenario")
    assert workspace.load_scenario(document.scenario_id).name == "Renamed"
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert workspace.load_scenario(document.scenario_id).name == original
    assert window.statusBar().currentMessage() == "Undone: Rename scenario"
    window.redo_action.trigger()
    assert workspace.load_scenario(document.scenario_id).name == "Renamed"
    assert window.scenario_combo.currentText() == "Renamed"


def test_home_tile_button_goes_to_its_page(qtbot, window):
    home = window.pages["home"]
    qtbot.mouseClick(home.tiles["staff"].button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "staff"


def test_home_offers_to_resume_an_unfinished_guided_setup(qtbot, window, workspace):
    org_id = window.document.organisation_id
    assert "guide" not in window.pages["home"].tiles
    workspace.set_setting(org_id, "guide.step", "staff")
    window.document.reload()
    assert "guide" in window.pages["home"].tiles
    workspace.set_setting(org_id, "guide.finished", "1")
    window.document.reload()
    assert "guide" not in window.pages["home"].tiles


def test_copy_scenario_creates_the_copy_and_switches_to_it(qtbot, window, workspace, monkeypatch):
    document = window.document
    index, post = next((i, p) for i, p in enumerate(document.scenario.staff) if p.annual_salary)

    def fake_exec(dialog: CopyScenarioDialog) -> int:
        assert dialog.name_edit.text() == "Budget 2027-28"
        dialog.uplift_edit.clear()
        qtbot.keyClicks(dialog.uplift_edit, "10")
        for row in range(dialog.lines.count()):  # uplift one salaried post's pay only
            if row != index:
                dialog.lines.item(row).setCheckState(Qt.CheckState.Unchecked)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CopyScenarioDialog, "exec", fake_exec)
    old_id = document.scenario_id
    window.copy_scenario_action.trigger()
    assert document.scenario_id != old_id
    copy = workspace.load_scenario(document.scenario_id)
    assert copy.name == "Budget 2027-28"
    assert copy.staff[index].annual_salary == (post.annual_salary * Decimal("1.1")).quantize(
        Decimal("0.01")
    )
    assert copy.staff[:index] == workspace.load_scenario(old_id).staff[:index]
    assert copy.costs == workspace.load_scenario(old_id).costs
    # the rules file has no 2027-28 figures yet: the user is told which year's are used
    assert "no figures for tax year 2027-28" in window.statusBar().currentMessage()
    assert [window.scenario_combo.itemText(i) for i in range(window.scenario_combo.count())].count(
        "Budget 2027-28"
    ) == 1
    assert window.scenario_combo.currentData() == document.scenario_id


def test_copy_dialog_refuses_a_bad_uplift(qtbot, document):
    dialog = CopyScenarioDialog(document.scenario)
    qtbot.addWidget(dialog)
    dialog.uplift_edit.clear()
    qtbot.keyClicks(dialog.uplift_edit, "three")
    dialog.accept()
    assert dialog.result_scenario is None
    assert "Uplift" in dialog.error.text()


def test_compare_dialog_shows_both_prices_and_the_change(qtbot, window, workspace):
    document = window.document
    cheaper = dataclasses.replace(document.scenario, name="Lean", costs=document.scenario.costs[:1])
    workspace.create_scenario(document.organisation_id, cheaper)
    dialog = CompareDialog(workspace, document.organisation_id, document.scenario_id, window)
    qtbot.addWidget(dialog)
    dialog.second.setCurrentIndex(dialog.second.findText("Lean"))
    dialog.first.setCurrentIndex(dialog.first.findData(document.scenario_id))
    assert dialog.table.rowCount() == len(document.scenario.services)
    row = dialog.rows[0]
    assert row.price_b < row.price_a
    assert dialog.table.item(0, 7).text().startswith("-£")


def test_import_with_problems_lists_them_and_writes_nothing(
    qtbot, window, workspace, tmp_path, monkeypatch, example_data
):
    bad = dict(example_data)
    bad["services"] = [dict(bad["services"][0], unit=""), *bad["services"][1:]]
    bad["staff"] = [dict(bad["staff"][0], time={"nowhere": "1"}), *bad["staff"][1:]]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    before = [o.id for o in workspace.organisations()]
    window.import_action.trigger()
    assert shown and "$.staff[0]" in shown[0]
    assert [o.id for o in workspace.organisations()] == before


def test_import_as_new_organisation(qtbot, window, workspace, monkeypatch):
    from tests.conftest import EXAMPLE_MODEL

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(EXAMPLE_MODEL), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[0].click() or 0)
    sample_id = window.document.organisation_id
    window.import_action.trigger()
    ids = [o.id for o in workspace.organisations()]
    assert len(ids) == 2
    assert window.document.organisation_id in ids
    assert window.document.organisation_id != sample_id


def test_export_price_list_runs_off_the_gui_thread(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "prices.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.export_price_list_action.trigger()
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in window.statusBar().currentMessage()
    # and offers to open it
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    button = window.pdf_exporter.open_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(target)]
    assert not button.isVisible()


def test_the_costing_report_export_writes_a_pdf(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.export_report_action.trigger()
    assert target.read_bytes().startswith(b"%PDF")


def test_a_failed_export_is_said_and_offers_nothing_to_open(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "missing-folder" / "prices.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    with qtbot.waitSignal(window.pdf_exporter.failed, timeout=20000):
        window.export_price_list_action.trigger()
    assert warned and "Not saved" in window.statusBar().currentMessage()
    assert not window.pdf_exporter.open_button.isVisible()


def test_pages_are_reached_by_type(window):
    from costready.ui.pages.home import HomePage
    from costready.ui.pages.organisation import OrganisationPage
    from costready.ui.pages.prices import PricesPage

    assert isinstance(window.home_page, HomePage)
    assert isinstance(window.organisation_page, OrganisationPage)
    assert isinstance(window.prices_page, PricesPage)
    assert window.prices_page is window.pages["prices"]


def test_export_model_writes_a_file_that_reads_back(qtbot, window, tmp_path, monkeypatch):
    from costready.costing.modelfile import load_model_file

    target = tmp_path / "model.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_model_action.trigger()
    assert load_model_file(target).scenario.services == window.document.scenario.services


def test_the_window_module_loads_no_storage_or_pdf_code():
    """The window is shown before SQLAlchemy, storage and reportlab load (start-up speed)."""
    import subprocess
    import sys

    code = (
        "import sys, costready.ui.app\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'reportlab', "
        "'alembic', 'babel', 'stdnum') or m.startswith('costready.storage.') "
        "and m != 'costready.storage.keys']\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_renaming_the_organisation_updates_the_sidebar_and_title(qtbot, window):
    page = window.pages["organisation"]
    window.show_page("organisation")
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    qtbot.keyClicks(page.name_edit, "Hub & <Co>")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert window.organisation_label.text() == "Hub & <Co>"
    assert "Hub & <Co>" in window.windowTitle()


def test_menu_entries_get_their_icons_when_their_menu_first_opens(window):
    # the toolbar's undo and redo have theirs from the start; the File menu's when it opens
    assert not window.undo_action.icon().isNull()
    assert window.import_action.icon().isNull()
    file_menu = window.menuBar().actions()[0].menu()
    file_menu.aboutToShow.emit()
    assert not window.import_action.icon().isNull()
