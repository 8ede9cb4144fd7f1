"""The Staff page: pay and on-costs in cells, the time-split dialog, refusals and undo."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel

from costready.costing.model import Scenario, Service, StaffPost, Volume, VolumeKind
from costready.costing.pay import holiday_share
from costready.costing.rules import default_sickness_share, rules_for
from costready.ui.editors.post_time import PostTimeDialog, holiday_weeks
from costready.ui.pages.staff import StaffPage
from tests.ui.cells import edit_cell, shown


@pytest.fixture
def page(qtbot, example_doc):
    widget = StaffPage(example_doc)
    return shown(qtbot, widget, 1400, 700)


def cell(page, row: int, key: str) -> str:
    return page.model.index_of(row, key).data()


def stored(workspace, example_ids):
    return workspace.load_scenario(example_ids[1])


def test_model_passes_qt_checks(qtmodeltester, page):
    qtmodeltester.check(page.model)


def test_shows_pay_time_split_and_annual_cost(page):
    assert cell(page, 0, "role") == "Support worker"
    assert cell(page, 0, "pay") == "£12.71 an hour"
    assert cell(page, 1, "pay") == "£29,000.00 a year"
    assert cell(page, 0, "time") == "Home support 80%, Day activities 15%, Befriending visit 5%"
    assert "Management (overhead) 30%" in cell(page, 1, "time")
    assert cell(page, 0, "non_chargeable") == "28.74%"
    assert page.model.index_of(0, "annual_cost").data(Qt.ItemDataRole.UserRole) > 0


def test_defaulted_paid_hours_are_fte_times_1950_and_greyed(page):
    index = page.model.index_of(1, "paid_hours")
    assert index.data() == "1,560"  # 0.8 x 1,950
    grey = QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
    assert index.data(Qt.ItemDataRole.ForegroundRole) == grey
    assert page.model.index_of(0, "paid_hours").data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_pay_rise_saves_and_reprices(qtbot, page, example_doc, workspace, example_ids):
    old_cost = example_doc.result.post("coordinator").annual_cost
    old_price = example_doc.result.service("befriending").price_before_rounding
    edit_cell(qtbot, page.view, 1, "pay", "£31,000")
    qtbot.waitUntil(lambda: cell(page, 1, "pay") == "£31,000.00 a year")
    assert stored(workspace, example_ids).post("coordinator").annual_salary == Decimal("31000")
    assert example_doc.result.post("coordinator").annual_cost > old_cost
    assert example_doc.result.service("befriending").price_before_rounding > old_price
    assert page.model.index_of(1, "annual_cost").data(Qt.ItemDataRole.UserRole) == (
        example_doc.result.post("coordinator").annual_cost
    )


def test_a_negative_salary_is_refused_naming_the_field(qtbot, page, workspace, example_ids):
    before = stored(workspace, example_ids)
    edit_cell(qtbot, page.view, 1, "pay", "-5000")
    assert page.error.isVisible()
    assert page.error.text() == "Pay (full-time): cannot be negative"
    assert "Not saved" not in page.status.text()  # said once, by the table
    assert stored(workspace, example_ids) == before
    assert cell(page, 1, "pay") == "£29,000.00 a year"


def test_undo_restores_pay_in_the_table_and_the_database(
    qtbot, page, example_doc, workspace, example_ids
):
    edit_cell(qtbot, page.view, 0, "pay", "13.50")
    qtbot.waitUntil(lambda: cell(page, 0, "pay") == "£13.50 an hour")
    example_doc.undo_stack.undo()
    assert cell(page, 0, "pay") == "£12.71 an hour"
    assert stored(workspace, example_ids).post("support-worker").hourly_rate == Decimal("12.71")


def test_a_fractional_headcount_is_refused(qtbot, page, workspace, example_ids):
    edit_cell(qtbot, page.view, 0, "headcount", "2.5")
    assert page.error.text() == (
        "Support worker: people in the post (headcount) must be a whole number, 1 or more"
    )
    assert stored(workspace, example_ids).post("support-worker").headcount == Decimal("4")


def test_delivers_units_is_a_check_box(qtbot, page, workspace, example_ids):
    index = page.model.index_of(1, "delivers_units")
    assert page.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert stored(workspace, example_ids).post("coordinator").delivers_units is True


def test_time_split_dialog_needs_100_percent(qtbot, page, example_doc, workspace, example_ids):
    page.select_row(0)
    qtbot.mouseClick(page.buttons["edit"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PostTimeDialog)
    spins = dialog.time_editor.spins
    assert spins["home-support"].share() == Decimal("0.8")
    assert "overhead:management" in spins
    assert dialog.ok_button.isEnabled()
    spins["befriending"].selectAll()
    qtbot.keyClicks(spins["befriending"].lineEdit(), "0")
    assert dialog.time_editor.total_label.text() == "Allocated 95% — 5% left"
    assert not dialog.ok_button.isEnabled()
    spins["overhead:management"].selectAll()
    qtbot.keyClicks(spins["overhead:management"].lineEdit(), "5")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    time = stored(workspace, example_ids).post("support-worker").time
    assert time == {
        "home-support": Decimal("0.8"),
        "day-activities": Decimal("0.15"),
        "overhead:management": Decimal("0.05"),
    }
    assert "Management (overhead) 5%" in cell(page, 0, "time")
    example_doc.undo_stack.undo()
    assert "Befriending visit 5%" in cell(page, 0, "time")


def test_holiday_is_typed_in_weeks_and_stored_as_a_share(qtbot, page, workspace, example_ids):
    page.edit(0)
    dialog = page.dialog
    assert dialog.holiday_weeks.decimal_value() == Decimal("5.60")
    assert holiday_weeks(Decimal("0.1074")) == Decimal("5.60")
    dialog.holiday_weeks.selectAll()
    qtbot.keyClicks(dialog.holiday_weeks.lineEdit(), "6")
    spin = dialog.kind_spins["supervision"]
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), "2.5")
    # holiday 6 / 52.14 = 11.51%, training 3%, travel 15%, supervision 2.5%
    assert "32.01%" in dialog.non_chargeable_label.text()
    dialog.accept()
    shares = stored(workspace, example_ids).post("support-worker").non_chargeable
    assert shares["holiday"] == holiday_share(Decimal("6"))
    assert shares["supervision"] == Decimal("0.025")
    assert shares["training"] == Decimal("0.03")


def test_an_unchanged_holiday_keeps_its_exact_share(qtbot, page, workspace, example_ids):
    page.edit(0)
    page.dialog.accept()
    assert stored(workspace, example_ids).post("support-worker").non_chargeable[
        "holiday"
    ] == Decimal("0.1074")


def test_adding_a_post_and_removing_it_with_undo(qtbot, page, example_doc, workspace, example_ids):
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.dialog.name_edit, "Finance officer")
    page.dialog.accept()
    assert cell(page, 2, "role") == "Finance officer"
    assert stored(workspace, example_ids).post("finance-officer").annual_salary > 0
    page.select_row(2)
    qtbot.mouseClick(page.buttons["remove"], Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2
    assert "Ctrl+Z" in page.status.text()
    example_doc.undo_stack.undo()
    assert cell(page, 2, "role") == "Finance officer"
    assert "finance-officer" in {p.id for p in stored(workspace, example_ids).staff}


def test_a_new_post_without_a_time_split_shows_the_problem(qtbot, page):
    page.add()
    qtbot.keyClicks(page.dialog.name_edit, "Cook")
    page.dialog.accept()
    assert page.banner.isVisible()
    assert "Cook: time adds up to 0%, not 100%" in page.banner.label.text()


def test_a_new_post_gets_the_guides_defaults(qtbot, page, example_doc):
    rules = rules_for(example_doc.scenario.tax_year)
    page._add_post("Cook", "cook")
    post = example_doc.scenario.post("cook")
    assert post.annual_salary == rules.national_living_wage_hourly * 1950
    assert post.pension is not None
    assert post.pension.rate == rules.pension_employer_minimum_rate
    assert post.delivers_units
    assert post.non_chargeable["holiday"] == Decimal("0.1074")
    assert post.non_chargeable["sickness"] == default_sickness_share()


def test_a_cell_refuses_what_the_engine_refuses(qtbot, page, example_doc):
    row = next(i for i, p in enumerate(example_doc.scenario.staff) if not p.is_hourly)
    edit_cell(qtbot, page.view, row, "fte", "0")
    role = example_doc.scenario.staff[row].role
    assert page.error.text() == f"{role}: FTE must be more than zero"  # the engine's words


def test_time_split_labels_show_names_as_typed(qtbot, example_doc):
    scenario = example_doc.scenario
    services = (dataclasses.replace(scenario.services[0], name="Lunch & <club>"),)
    scenario = dataclasses.replace(scenario, services=services + scenario.services[1:])
    dialog = PostTimeDialog(scenario.staff[0], scenario)
    qtbot.addWidget(dialog)
    spin = dialog.time_editor.spins[services[0].id]
    form = dialog.time_editor.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(spin)
    assert isinstance(label, QLabel)
    assert label.text() == "Lunch && <club>"  # shown as "Lunch & <club>", no shortcut
    assert label.textFormat() is Qt.TextFormat.PlainText  # "<club>" is not markup
    assert spin.accessibleName() == "Lunch & <club>"


def test_time_split_keeps_imported_shares_exactly(qtbot):
    thirds = {"a": Decimal("0.33335"), "b": Decimal("0.33335"), "c": Decimal("0.3333")}
    scenario = Scenario(
        name="S",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        tax_year="2026-27",
        services=tuple(
            Service(id=k, name=k.upper(), volume=Volume(VolumeKind.TYPED, units=Decimal(1)))
            for k in thirds
        ),
    )
    post = StaffPost(id="p", role="P", annual_salary=Decimal("20000"), time=thirds)
    dialog = PostTimeDialog(post, scenario)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()
    assert dialog.time() == thirds
    spin = dialog.time_editor.spins["a"]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "40")
    assert dialog.time()["a"] == Decimal("0.4")  # an edited field is read as typed
    assert dialog.time()["b"] == Decimal("0.33335")


def test_travel_can_be_typed_as_minutes_per_contact_hour(qtbot, page, workspace, example_ids):
    page.edit(0)
    dialog = page.dialog
    assert dialog.travel_minutes.decimal_value() == Decimal("10.59")  # the example's 15%
    dialog.travel_minutes.selectAll()
    qtbot.keyClicks(dialog.travel_minutes.lineEdit(), "15")
    assert dialog.kind_spins["travel"].share() == Decimal("0.2")
    # holiday 10.74%, training 3%, travel 20%
    assert "33.74%" in dialog.non_chargeable_label.text()
    dialog.accept()
    shares = stored(workspace, example_ids).post("support-worker").non_chargeable
    assert shares["travel"] == Decimal("0.2")


def test_a_travel_share_shows_its_minutes(qtbot, page):
    page.edit(0)
    dialog = page.dialog
    spin = dialog.kind_spins["travel"]
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), "20")
    assert dialog.travel_minutes.decimal_value() == Decimal("15.00")


def test_shares_of_time_say_of_paid_hours_and_the_dialog_shows_actual_pay(qtbot, example_doc):
    scenario = example_doc.scenario
    post = dataclasses.replace(
        scenario.staff[0], annual_salary=Decimal("24000"), fte=Decimal("0.5"), hourly_rate=None
    )
    dialog = PostTimeDialog(post, scenario)
    qtbot.addWidget(dialog)
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert "Sickness, share of paid hours" in labels
    assert "Holiday, bank holidays included" in labels
    assert "£12,000.00" in dialog.actual_pay.text()  # the full-time salary × FTE 0.5
    assert "full-time salary £24,000.00" in dialog.actual_pay.text()


def test_pay_is_the_full_time_salary_and_a_set_ni_rate_is_explained(qtbot, page, example_doc):
    column = page.model.column_index("pay")
    header = page.model.headerData(column, Qt.Orientation.Horizontal)
    assert header == "Pay (full-time)"
    sold = page.model.column_index("delivers_units")
    assert page.model.headerData(sold, Qt.Orientation.Horizontal) == "Does the work sold"
    threshold = rules_for(example_doc.scenario.tax_year).employer_ni_secondary_threshold
    note = page._ni_rate_note()
    assert "no threshold" in note and "from the tax year's figures" in note
    assert f"£{threshold * Decimal('0.15'):,.2f}" in note  # £750 while the threshold is £5,000
    assert f"£{threshold:,.2f}" in note
