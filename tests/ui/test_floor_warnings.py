"""Pay below the legal minimum, on screen: the Staff page's cell and banner, the Prices banner,
and the adopt dialog's confirmation."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from costready.costing.rules import AgeBand
from costready.ui.pages.prices import PricesPage
from costready.ui.pages.staff import StaffPage
from costready.ui.table_model import WARNING_BACKGROUND, WARNING_ROLE
from tests.ui.cells import edit_cell, shown


@pytest.fixture
def staff(qtbot, example_doc):
    return shown(qtbot, StaffPage(example_doc), 1400, 700)


@pytest.fixture
def prices(qtbot, example_doc):
    return shown(qtbot, PricesPage(example_doc), 1200, 800)


def test_nine_pounds_an_hour_is_warned_on_staff_and_prices(qtbot, staff, prices, example_doc):
    pay = staff.model.index_of(0, "pay")
    assert pay.data(WARNING_ROLE) == ""
    assert not staff.floor_banner.isVisible() and not prices.warning_banner.isVisible()

    edit_cell(qtbot, staff.view, 0, "pay", "9.00")

    assert example_doc.scenario.post("support-worker").hourly_rate == 9
    warning = pay.data(WARNING_ROLE)
    assert "£9.00" in warning and "National Living Wage" in warning and "£12.71" in warning
    assert pay.data(Qt.ItemDataRole.BackgroundRole) == WARNING_BACKGROUND
    assert warning in pay.data(Qt.ItemDataRole.ToolTipRole)
    assert warning in pay.data(Qt.ItemDataRole.AccessibleTextRole)
    assert staff.floor_banner.isVisible()
    assert staff.floor_banner.messages == [warning]
    # the prices still work out, and the Prices page says why they need a second look
    assert example_doc.result is not None and example_doc.result.services
    assert prices.warning_banner.isVisible()
    assert prices.warning_banner.messages == [warning]


def test_the_age_band_decides_the_floor(qtbot, staff, example_doc):
    edit_cell(qtbot, staff.view, 0, "pay", "11.00")
    assert staff.floor_banner.isVisible()
    band = staff.model.index_of(0, "age_band")
    assert band.data() == "21 and over"
    assert staff.model.setData(band, AgeBand.AGED_18_TO_20.value, Qt.ItemDataRole.EditRole)
    assert example_doc.scenario.post("support-worker").age_band is AgeBand.AGED_18_TO_20
    assert staff.model.index_of(0, "pay").data(WARNING_ROLE) == ""  # £11.00 >= £10.85
    assert not staff.floor_banner.isVisible()


def test_a_salary_below_the_floor_is_warned_by_its_hourly_equivalent(qtbot, staff):
    edit_cell(qtbot, staff.view, 1, "pay", "24500")
    warning = staff.model.index_of(1, "pay").data(WARNING_ROLE)
    assert "£24,500.00" in warning and "£12.56 an hour" in warning


def test_paid_only_for_hours_worked_is_a_check_box(staff, workspace, example_ids):
    index = staff.model.index_of(0, "paid_for_hours_worked")
    assert (
        staff.model.headerData(index.column(), Qt.Orientation.Horizontal)
        == "Paid only for hours worked"
    )
    assert staff.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    stored = workspace.load_scenario(example_ids[1]).post("support-worker")
    assert stored.paid_for_hours_worked is True


def test_adopting_with_a_warning_asks_for_confirmation(qtbot, staff, prices, example_doc):
    edit_cell(qtbot, staff.view, 0, "pay", "9.00")
    prices.adopt()
    dialog = prices.adopt_dialog
    assert dialog is not None and dialog.confirm.isVisible()
    qtbot.keyClicks(dialog.approved_by, "Trustees' meeting")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.confirm_error.isVisible()
    workspace, organisation_id = example_doc.workspace, example_doc.organisation_id
    assert workspace.price_lists(organisation_id) == []
    dialog.confirm.setChecked(True)
    assert not dialog.confirm_error.isVisible()
    with qtbot.waitSignal(prices.prices_adopted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert len(workspace.price_lists(organisation_id)) == 1
    assert workspace.current_price_list(organisation_id, date(2099, 1, 1)) is not None


def test_no_confirmation_is_asked_without_warnings(qtbot, prices):
    prices.adopt()
    dialog = prices.adopt_dialog
    assert dialog is not None and dialog.confirm.isHidden()
    with qtbot.waitSignal(dialog.destroyed):
        dialog.reject()


def test_the_prices_banner_goes_to_staff(qtbot, staff, prices):
    from PySide6.QtWidgets import QPushButton

    edit_cell(qtbot, staff.view, 0, "pay", "9.00")
    [button] = prices.warning_banner.findChildren(QPushButton)
    with qtbot.waitSignal(prices.navigate_requested) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["staff"]
