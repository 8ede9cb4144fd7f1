"""Fixes across the editing pages: adoption drift, names with "&", one refusal message, layouts,
ids made from names, domain rules on screen, exact shares, focus."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QTableWidget

from costready.app.adoption import adopt
from costready.costing.model import Basis, Scenario, Service, StaffPost, Volume, VolumeKind
from costready.costing.rules import rules_for
from costready.ui.document import ScenarioDocument
from costready.ui.editors.common import NewItemDialog
from costready.ui.editors.post_time import PostTimeDialog
from costready.ui.pages.costs import CostsPage
from costready.ui.pages.home import HomePage
from costready.ui.pages.organisation import OrganisationPage
from costready.ui.pages.prices import PricesPage
from costready.ui.pages.services import ServicesPage
from costready.ui.pages.staff import StaffPage, _set_pay_type
from costready.ui.table_model import literal
from tests.ui.cells import edit_cell, shown


@pytest.fixture
def document(example_doc):
    return example_doc


def raise_home_support_surplus(document: ScenarioDocument) -> None:
    scenario = document.scenario
    services = tuple(
        dataclasses.replace(s, surplus=dataclasses.replace(s.surplus, value=Decimal("0.5")))
        if s.id == "home-support"
        else s
        for s in scenario.services
    )
    document.apply(dataclasses.replace(scenario, services=services), "Raise surplus")


# 1. Prices changed since they were adopted -----------------------------------------------------
def test_prices_page_says_when_adopted_prices_have_changed(qtbot, document, workspace):
    adopt(workspace, document.scenario_id, date.today(), "Trustees", date.today())
    page = shown(qtbot, PricesPage(document))
    assert not page.changed_notice.isVisible()
    raise_home_support_surplus(document)
    assert page.changed_notice.isVisible()
    assert "changed since they were adopted" in page.changed_label.text()
    assert "Trustees" in page.changed_label.text()
    assert page.adopt_again_button.isVisible()
    qtbot.mouseClick(page.adopt_again_button, Qt.MouseButton.LeftButton)
    dialog = page.adopt_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.approved_by, "Chair")
    with qtbot.waitSignal(page.prices_adopted), qtbot.waitSignal(dialog.destroyed):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert not page.changed_notice.isVisible()  # the new list matches again


def test_home_tile_says_when_adopted_prices_have_changed(qtbot, document, workspace):
    adopt(workspace, document.scenario_id, date.today(), "Trustees", date.today())
    home = shown(qtbot, HomePage(document))
    assert home.tiles["prices"].step.done
    raise_home_support_surplus(document)
    tile = home.tiles["prices"]
    assert not tile.step.done
    assert "changed since they were adopted" in tile.step.text


# 2. "&" in names -------------------------------------------------------------------------------
def test_literal_doubles_ampersands():
    assert literal("Lunch & <club>") == "Lunch && <club>"


def test_time_split_labels_show_names_as_typed(qtbot, document):
    scenario = document.scenario
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


# 3. A refused cell: said once, cleared by the next good edit or undo ---------------------------
def test_a_refusal_is_shown_once_and_cleared_by_a_good_edit_and_by_undo(qtbot, document):
    page = shown(qtbot, ServicesPage(document), 1400)
    page.show_status("Added something earlier.")
    edit_cell(qtbot, page.view, 2, "units", "abc")
    assert page.error.isVisible()
    assert page.status.text() == "Added something earlier."  # no black "Not saved" line
    edit_cell(qtbot, page.view, 2, "units", "1000")
    assert not page.error.isVisible()
    edit_cell(qtbot, page.view, 2, "units", "abc")
    assert page.error.isVisible()
    document.undo_stack.undo()
    assert not page.error.isVisible()


# 4. Organisation: locale, and the VAT error does not squeeze the address -------------------------
def test_the_profile_offers_a_locale_and_saves_it(qtbot, document, workspace):
    page = shown(qtbot, OrganisationPage(document))
    codes = [page.locale_combo.itemData(i) for i in range(page.locale_combo.count())]
    assert codes == ["en_GB", "cy"]
    assert "translation to follow" in page.locale_combo.itemText(1)
    page.locale_combo.setCurrentIndex(1)
    page.locale_combo.activated.emit(1)
    assert workspace.organisation(document.organisation_id).locale == "cy"


def test_a_vat_error_does_not_draw_the_vat_box_over_the_address(qtbot, document):
    page = shown(qtbot, OrganisationPage(document), 800, 560)
    page.vat_check.setChecked(True)
    page.vat_number_edit.setText("GB123456789")
    assert not page.save_profile()
    error = page.errors["vat_number"]
    qtbot.waitUntil(lambda: error.isVisible())
    qtbot.wait(50)  # the scroll area lays its body out again after the message appears
    address = page.address_edit.geometry()
    address_bottom = page.address_edit.parentWidget().mapTo(page, address.bottomLeft()).y()
    check_top = page.vat_check.mapTo(page, page.vat_check.rect().topLeft()).y()
    assert check_top > address_bottom
    number_bottom = page.vat_number_edit.mapTo(page, page.vat_number_edit.rect().bottomLeft()).y()
    assert error.mapTo(page, error.rect().topLeft()).y() > number_bottom


# 5. The chart is drawn at a readable size --------------------------------------------------------
def test_the_prices_chart_is_never_squeezed_below_its_drawing(qtbot, document):
    page = shown(qtbot, PricesPage(document), 1040, 740)  # the page at a 1280×800 window
    qtbot.waitUntil(lambda: page.chart.has_chart)
    chart = page.chart
    qtbot.waitUntil(lambda: chart.height() >= chart.heightForWidth(chart.width()))
    assert chart.height() >= 90  # about 50 px before: 6 px words


# 6. Adopt and compare dialogs ----------------------------------------------------------------
def test_adopt_dialog_grows_for_its_message(qtbot, document):
    page = shown(qtbot, PricesPage(document))
    page.adopt()
    dialog = page.adopt_dialog
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    error = dialog.approved_by_error
    assert error.isVisible()
    assert error.height() >= error.heightForWidth(error.width())  # not cut off
    note_bottom = dialog.note.mapTo(dialog, dialog.note.rect().bottomLeft()).y()
    buttons_top = dialog.buttons.mapTo(dialog, dialog.buttons.rect().topLeft()).y()
    assert buttons_top > note_bottom
    with qtbot.waitSignal(dialog.destroyed):  # gone before the page is (else Qt deletes twice)
        dialog.reject()


def test_compare_dialog_gives_service_names_their_width(qtbot, document, workspace):
    from costready.costing.scenarios import copy_scenario
    from costready.ui.dialogs.compare import CompareDialog

    scenario = document.scenario
    long_name = "Budget 2027-28 with a 3.5% uplift on every line"
    copy = copy_scenario(scenario, long_name, Decimal("0.035"), {p.id for p in scenario.staff})
    copy_id = workspace.create_scenario(document.organisation_id, copy)
    dialog = shown(qtbot, CompareDialog(workspace, document.organisation_id, copy_id), 900, 440)
    table: QTableWidget = dialog.table
    widest = max(table.fontMetrics().horizontalAdvance(s.name) for s in scenario.services)
    assert table.columnWidth(0) >= widest
    assert long_name in table.horizontalHeaderItem(3).toolTip()


# 7. Ids are made from names, out of the way ---------------------------------------------------
def test_new_item_dialog_makes_the_id_and_keeps_it_under_advanced(qtbot):
    dialog = NewItemDialog("Add a service", "Service name", {"lunch-club"})
    shown(qtbot, dialog, 400, 150)
    assert not dialog.id_edit.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Lunch club")
    assert dialog.item_id == "lunch-club-2"
    dialog.advanced.click()
    assert dialog.id_edit.isVisible()


def test_an_id_problem_opens_advanced(qtbot):
    dialog = NewItemDialog("Add a cost", "Cost name", set())
    shown(qtbot, dialog, 400, 150)
    qtbot.keyClicks(dialog.name_edit, "Rent")
    dialog.id_edit.setText("Bad Id")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.id_edit.isVisible()
    assert dialog.error.text().startswith("Id:")


# 8. Edit… on the Costs page -----------------------------------------------------------------
def test_costs_edit_follows_a_line_switched_to_set_percentages(qtbot, document):
    page = shown(qtbot, CostsPage(document), 1400)
    row = next(i for i, c in enumerate(document.scenario.costs) if c.basis is Basis.FLOOR_AREA)
    page.select_row(row)
    assert not page.edit_action.isEnabled()
    assert page.model.setData(page.model.index_of(row, "target"), Basis.SHARES.value)
    assert page.edit_action.isEnabled() and page.buttons["edit"].isEnabled()
    document.undo_stack.undo()
    assert not page.edit_action.isEnabled()


# 9. The domain's rules on screen ----------------------------------------------------------------
def test_salary_to_hourly_rounds_the_rate_half_up():
    post = StaffPost(id="p", role="P", annual_salary=Decimal("24072.75"))  # £12.345 an hour
    hourly = _set_pay_type(post, "hourly")
    assert hourly.hourly_rate == Decimal("12.35")  # half-even would give 12.34
    assert hourly.paid_hours_per_person == Decimal("1950.0")


def test_hourly_to_salary_keeps_the_hours():
    post = StaffPost(
        id="p", role="P", hourly_rate=Decimal("12"), paid_hours_per_person=Decimal("1000")
    )
    salaried = _set_pay_type(post, "salary")
    assert salaried.annual_salary == Decimal("23400.00")
    assert salaried.fte == Decimal("0.5128")
    assert salaried.paid_hours_per_person == Decimal("1000")


def test_a_new_post_gets_the_guides_defaults(qtbot, document):
    page = shown(qtbot, StaffPage(document), 1400)
    rules = rules_for(document.scenario.tax_year)
    page._add_post("Cook", "cook")
    post = document.scenario.post("cook")
    assert post.hourly_rate == rules.national_living_wage_hourly
    assert post.pension is not None
    assert post.pension.rate == rules.pension_employer_minimum_rate
    assert post.delivers_units
    assert post.non_chargeable["holiday"] == Decimal("0.1074")


def test_a_cell_refuses_what_the_engine_refuses(qtbot, document):
    page = shown(qtbot, StaffPage(document), 1400)
    row = next(i for i, p in enumerate(document.scenario.staff) if not p.is_hourly)
    edit_cell(qtbot, page.view, row, "fte", "0")
    role = document.scenario.staff[row].role
    assert page.error.text() == f"{role}: FTE must be more than zero"  # the engine's words


# 10. Shares are kept exactly -------------------------------------------------------------------
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


# 11. Home: no invisible Tab stop ----------------------------------------------------------------
def test_home_scroll_area_is_not_a_tab_stop(qtbot, document):
    from PySide6.QtWidgets import QScrollArea

    home = shown(qtbot, HomePage(document))
    scroll = home.findChild(QScrollArea)
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
