"""The guided setup dialog, driven with real widgets from a new organisation to a price."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from costready.app import guide as progress
from costready.costing import guide
from costready.storage.keys import LAST_ORGANISATION
from costready.storage.workspace import Workspace
from costready.ui.guide import GuideDialog


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace(f"sqlite:///{tmp_path / 'guide.sqlite'}")
    yield workspace
    workspace.close()


def _open(qtbot, ws, organisation_id=None) -> GuideDialog:
    dialog = GuideDialog(ws, organisation_id=organisation_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(qtbot, widget, text: str) -> None:
    assert isinstance(widget, QLineEdit)
    widget.clear()
    qtbot.keyClicks(widget, text)


def _next(qtbot, dialog: GuideDialog, expected: str) -> None:
    _click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.guide.current.key == expected)


def _fill_first_two_steps(qtbot, dialog: GuideDialog) -> None:
    _type(qtbot, dialog.pages[guide.ORGANISATION].name, "Riverside Care")
    _next(qtbot, dialog, guide.SERVICES)
    services = dialog.pages[guide.SERVICES].table
    _type(qtbot, services.widget(0, "name"), "Advice session")
    _type(qtbot, services.widget(0, "units"), "300")
    _next(qtbot, dialog, guide.STAFF)


def test_from_a_name_to_a_price(qtbot, ws):
    dialog = _open(qtbot, ws)
    assert dialog.next_button.isDefault()
    _fill_first_two_steps(qtbot, dialog)

    staff = dialog.pages[guide.STAFF]
    assert staff.table.value(0, "pay") == "12.71"  # the National Living Wage by default
    _type(qtbot, staff.table.widget(0, "role"), "Adviser")
    # one service, so the new post's time starts there; split it with management
    _type(qtbot, staff.split.cell_edit(0, "advice-session"), "80")
    _type(qtbot, staff.split.cell_edit(0, guide.MANAGEMENT_KEY), "20")
    _next(qtbot, dialog, guide.COSTS)

    costs = dialog.pages[guide.COSTS]
    _click(qtbot, costs.add_button)
    _type(qtbot, costs.table.widget(0, "name"), "Rent")
    _type(qtbot, costs.table.widget(0, "amount"), "6000")
    _next(qtbot, dialog, guide.REVIEW)

    review = dialog.pages[guide.REVIEW]
    assert review.table.rowCount() == 1
    assert review.table.item(0, 0).text() == "Advice session"
    price_text = review.table.item(0, 6).text()
    assert price_text.startswith("£") and price_text.endswith("per hour")
    assert review.result is not None and review.result.services[0].price > 0
    assert dialog.finish_button.isVisible() and not dialog.next_button.isVisible()

    _click(qtbot, dialog.finish_button)
    qtbot.waitUntil(lambda: dialog.result() == GuideDialog.DialogCode.Accepted)
    org_id, scenario_id = dialog.organisation_id, dialog.scenario_id
    assert org_id is not None and scenario_id is not None
    assert ws.get_setting(org_id, progress.FINISHED_SETTING) == "1"
    assert ws.get_setting(None, LAST_ORGANISATION) == str(org_id)
    saved = ws.load_scenario(scenario_id)
    assert [s.name for s in saved.services] == ["Advice session"]
    assert [c.name for c in saved.costs] == ["Rent"]
    assert saved.post("adviser").time[guide.MANAGEMENT_KEY] == Decimal("0.2")


def test_leaving_after_step_two_resumes_at_step_three(qtbot, ws):
    dialog = _open(qtbot, ws)
    _fill_first_two_steps(qtbot, dialog)
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    org_id = dialog.organisation_id
    assert org_id is not None
    assert ws.get_setting(org_id, progress.STEP_SETTING) == guide.STAFF

    again = _open(qtbot, ws, organisation_id=org_id)

    assert again.guide.current.key == guide.STAFF
    assert again.step_list.currentRow() == 2
    assert again.scenario_id == dialog.scenario_id
    # the split offers the service typed before
    assert again.pages[guide.STAFF].split.horizontalHeaderItem(0).text() == "Advice session"
    _click(qtbot, again.back_button)
    qtbot.waitUntil(lambda: again.guide.current.key == guide.SERVICES)
    services = again.pages[guide.SERVICES].table
    assert services.value(0, "name") == "Advice session"
    assert services.value(0, "units") == "300"
    _click(qtbot, again.back_button)
    qtbot.waitUntil(lambda: again.guide.current.key == guide.ORGANISATION)
    assert again.pages[guide.ORGANISATION].name.text() == "Riverside Care"


def test_a_bad_vat_number_blocks_next_with_a_message(qtbot, ws):
    dialog = _open(qtbot, ws)
    page = dialog.pages[guide.ORGANISATION]
    _type(qtbot, page.name, "Riverside Care")
    assert not page.vat_number.isEnabled()
    page.vat.setFocus()
    qtbot.keyClick(page.vat, Qt.Key.Key_Space)
    assert page.vat_number.isEnabled()
    _type(qtbot, page.vat_number, "GB 123 4567 00")

    _click(qtbot, dialog.next_button)

    qtbot.waitUntil(page.vat_error.isVisible)
    assert "not a valid UK VAT number" in page.vat_error.text()
    assert dialog.guide.current.key == guide.ORGANISATION
    assert ws.organisations() == []
    _type(qtbot, page.vat_number, "GB 980 7806 84")  # a number whose check digits match
    assert not page.vat_error.isVisible()
    _next(qtbot, dialog, guide.SERVICES)
    assert ws.organisations()[0].vat_number.replace(" ", "") == "GB980780684"


def test_a_time_split_that_is_not_100_blocks_next_by_the_table(qtbot, ws):
    dialog = _open(qtbot, ws)
    _fill_first_two_steps(qtbot, dialog)
    staff = dialog.pages[guide.STAFF]
    _type(qtbot, staff.table.widget(0, "role"), "Adviser")
    _type(qtbot, staff.split.cell_edit(0, "advice-session"), "70")

    _click(qtbot, dialog.next_button)

    qtbot.waitUntil(staff.split_error.isVisible)
    assert "Adviser" in staff.split_error.text() and "70%" in staff.split_error.text()
    assert dialog.guide.current.key == guide.STAFF


def test_review_problems_take_you_to_the_step_that_fixes_them(qtbot, ws):
    dialog = _open(qtbot, ws)
    _type(qtbot, dialog.pages[guide.ORGANISATION].name, "Riverside Care")
    _next(qtbot, dialog, guide.SERVICES)
    services = dialog.pages[guide.SERVICES].table
    _type(qtbot, services.widget(0, "name"), "Home support")
    services.set_value(0, "volume_kind", "from_staff_hours")
    _next(qtbot, dialog, guide.STAFF)
    staff = dialog.pages[guide.STAFF]
    _type(qtbot, staff.table.widget(0, "role"), "Manager")
    staff.table.widget(0, "delivers").setChecked(False)  # so nobody delivers the hours
    _next(qtbot, dialog, guide.COSTS)
    _next(qtbot, dialog, guide.REVIEW)

    review = dialog.pages[guide.REVIEW]
    fix = review.findChild(type(dialog.next_button), f"fix-{guide.SERVICES}")
    assert fix is not None
    assert review.findChild(type(dialog.next_button), f"fix-{guide.STAFF}") is not None
    assert not review.table.isVisibleTo(review)
    _click(qtbot, dialog.finish_button)
    assert dialog.result() != GuideDialog.DialogCode.Accepted
    _click(qtbot, fix)
    qtbot.waitUntil(lambda: dialog.guide.current.key == guide.SERVICES)


def test_alt_b_and_alt_n_are_the_only_mnemonics_of_their_letters(qtbot, ws):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = _open(qtbot, ws)
    _fill_first_two_steps(qtbot, dialog)
    assert dialog.next_button.shortcut() == QKeySequence("Alt+N")
    assert dialog.back_button.shortcut() == QKeySequence("Alt+B")
    for key in dialog.pages:
        dialog.guide.go_to(key)
        dialog._reached = len(dialog.pages)
        dialog._show_current()
        shown = [
            QKeySequence.mnemonic(w.text()).toString()
            for kind in (QAbstractButton, QLabel)
            for w in dialog.findChildren(kind)
            if w.isVisible() and "&" in w.text()
        ]
        # a letter used twice would make Alt+letter do nothing
        assert len(shown) == len(set(shown)), (key, shown)
        assert ("Alt+N" in shown) != (key == guide.REVIEW), (key, shown)


def test_every_input_has_an_accessible_name(qtbot, ws):
    dialog = _open(qtbot, ws)
    _fill_first_two_steps(qtbot, dialog)
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit

    inputs = [
        w
        for page in dialog.pages.values()
        for kind in (QLineEdit, QComboBox, QDateEdit, QAbstractButton)
        for w in page.findChildren(kind)
        # Qt's own parts: a combo box's inner line edit, a table's corner button
        if not isinstance(w.parent(), (QComboBox, QDateEdit))
        and not w.objectName().startswith("qt_")
    ]
    assert inputs
    assert [(w, w.objectName()) for w in inputs if not w.accessibleName()] == []


def test_a_number_that_cannot_be_read_is_marked_in_its_cell(qtbot, ws):
    dialog = _open(qtbot, ws)
    _type(qtbot, dialog.pages[guide.ORGANISATION].name, "Riverside Care")
    _next(qtbot, dialog, guide.SERVICES)
    page = dialog.pages[guide.SERVICES]
    _type(qtbot, page.table.widget(0, "name"), "Advice")
    _type(qtbot, page.table.widget(0, "units"), "lots")

    _click(qtbot, dialog.next_button)

    qtbot.waitUntil(page.error.isVisible)
    assert page.error.text() == "• Advice: planned units: “lots” is not a number"
    assert page.table.widget(0, "units").property("has_problem") is True
    assert page.table.widget(0, "name").property("has_problem") is False
    _type(qtbot, page.table.widget(0, "units"), "250")
    _next(qtbot, dialog, guide.STAFF)
    _click(qtbot, dialog.back_button)
    qtbot.waitUntil(lambda: dialog.guide.current.key == guide.SERVICES)
    assert not page.table.widget(0, "units").property("has_problem")
    assert page.table.value(0, "units") == "250"


def test_return_in_a_cell_finishes_the_cell_and_does_not_press_next(qtbot, ws):
    dialog = _open(qtbot, ws)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    _type(qtbot, dialog.pages[guide.ORGANISATION].name, "Riverside Care")
    _next(qtbot, dialog, guide.SERVICES)
    services = dialog.pages[guide.SERVICES].table
    _type(qtbot, services.widget(0, "name"), "Advice session")
    units = services.widget(0, "units")
    units.setFocus()
    qtbot.waitUntil(units.hasFocus)
    _type(qtbot, units, "300")
    with qtbot.waitSignal(units.editingFinished):
        qtbot.keyClick(units, Qt.Key.Key_Return)
    assert dialog.guide.current.key == guide.SERVICES
    assert services.value(0, "units") == "300"

    assert dialog.next_button.isDefault()  # still the default outside the tables
    _next(qtbot, dialog, guide.STAFF)
    cell = dialog.pages[guide.STAFF].split.cell_edit(0, "advice-session")
    cell.setFocus()
    qtbot.waitUntil(cell.hasFocus)
    qtbot.keyClick(cell, Qt.Key.Key_Enter)
    assert dialog.guide.current.key == guide.STAFF


def test_return_outside_a_table_still_presses_next(qtbot, ws):
    dialog = _open(qtbot, ws)
    name = dialog.pages[guide.ORGANISATION].name
    _type(qtbot, name, "Riverside Care")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.guide.current.key == guide.SERVICES)


def test_clicking_a_split_table_lets_qt_call_its_own_edit(qtbot, ws):
    from PySide6.QtWidgets import QTableWidget

    from costready.ui.guide.tables import SplitTable

    # a Python `edit(row, key)` hid QAbstractItemView.edit, and every click raised TypeError
    assert SplitTable.edit is QTableWidget.edit
    dialog = _open(qtbot, ws)
    _fill_first_two_steps(qtbot, dialog)
    split = dialog.pages[guide.STAFF].split
    total = split.visualRect(split.model().index(0, split.columnCount() - 1)).center()
    qtbot.mouseClick(split.viewport(), Qt.MouseButton.LeftButton, pos=total)
    qtbot.mouseDClick(split.viewport(), Qt.MouseButton.LeftButton, pos=total)
    assert split.currentRow() == 0


def test_an_unnamed_post_is_called_as_the_table_calls_it(qtbot, ws):
    dialog = _open(qtbot, ws)
    _fill_first_two_steps(qtbot, dialog)
    staff = dialog.pages[guide.STAFF]
    _type(qtbot, staff.split.cell_edit(0, "advice-session"), "100")
    assert staff.split.verticalHeaderItem(0).text() == "Post 1"

    _click(qtbot, dialog.next_button)

    qtbot.waitUntil(staff.error.isVisible)
    assert staff.error.text() == "• Post 1: enter a role"
    assert staff.table.widget(0, "role").property("has_problem") is True


def test_the_staff_step_asks_about_the_employment_allowance(qtbot, ws):
    dialog = _open(qtbot, ws)
    _fill_first_two_steps(qtbot, dialog)  # a CIO, the form the guide starts with
    staff = dialog.pages[guide.STAFF]
    box = staff.allowance
    assert box.isVisible() and box.isChecked()
    assert box.text().replace("&", "") == (
        "We claim the Employment Allowance (up to £10,500.00 a year off employer NI)"
    )
    assert "only paid employee is a director" in staff.allowance_hint.text()
    _type(qtbot, staff.table.widget(0, "role"), "Adviser")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()

    _next(qtbot, dialog, guide.COSTS)

    assert ws.load_scenario(dialog.scenario_id).claims_employment_allowance is False
    _click(qtbot, dialog.back_button)
    qtbot.waitUntil(lambda: dialog.guide.current.key == guide.STAFF)
    assert not staff.allowance.isChecked()


def test_removing_a_service_says_its_own_costs_went_with_it(qtbot, ws):
    dialog = _open(qtbot, ws)
    _fill_first_two_steps(qtbot, dialog)
    staff = dialog.pages[guide.STAFF]
    _type(qtbot, staff.table.widget(0, "role"), "Adviser")
    _next(qtbot, dialog, guide.COSTS)
    costs = dialog.pages[guide.COSTS]
    _click(qtbot, costs.add_button)
    _type(qtbot, costs.table.widget(0, "name"), "Leaflets")
    _type(qtbot, costs.table.widget(0, "amount"), "300")
    costs.table.set_value(0, "sharing", "direct:advice-session")
    _next(qtbot, dialog, guide.REVIEW)
    assert not dialog.notice.isVisible()
    dialog.go_to(guide.SERVICES)
    services = dialog.pages[guide.SERVICES]
    _click(qtbot, services.add_button)
    _type(qtbot, services.table.widget(1, "name"), "Drop-in")
    _type(qtbot, services.table.widget(1, "units"), "100")
    services.table.selectRow(0)
    services.table.widget(0, "name").setFocus()
    _click(qtbot, services.remove_button)

    _click(qtbot, dialog.next_button)

    qtbot.waitUntil(dialog.notice.isVisible)
    text = dialog.notice.text()
    assert "Removed Advice session." in text
    assert "“Leaflets” (£300.00 a year) was charged only to Advice session" in text
    assert "Leaflets" not in [c.name for c in ws.load_scenario(dialog.scenario_id).costs]


def test_escape_in_a_cell_leaves_the_cell_not_the_guide(qtbot, ws):
    from PySide6.QtWidgets import QApplication

    dialog = _open(qtbot, ws)
    _fill_first_two_steps(qtbot, dialog)
    staff = dialog.pages[guide.STAFF]
    editor = staff.table.widget(0, "role")
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the first Escape only leaves the cell
    assert QApplication.focusWidget() is staff.table
