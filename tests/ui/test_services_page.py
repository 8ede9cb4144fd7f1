"""The Services page: add, edit in cells, refuse bad input, remove with undo; the database too."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from costready.costing.model import VatTreatment, VolumeKind
from costready.ui.editors.common import NewItemDialog, slugify, unique_id
from costready.ui.pages.services import ServicesPage
from tests.ui.cells import edit_cell, shown


@pytest.fixture
def page(qtbot, example_doc):
    widget = ServicesPage(example_doc)
    return shown(qtbot, widget, 1400, 700)


def cell(page, row: int, key: str) -> str:
    return page.model.index_of(row, key).data()


def stored(workspace, example_ids):
    return workspace.load_scenario(example_ids[1])


def test_models_pass_qt_checks(qtmodeltester, page):
    qtmodeltester.check(page.model)


def test_shows_the_services_with_their_worked_out_prices(page):
    assert page.model.rowCount() == 3
    assert cell(page, 0, "name") == "Home support"
    assert cell(page, 0, "volume_kind") == "From staff hours"
    assert cell(page, 0, "price") == "£27.35 per hour"
    assert cell(page, 1, "occupancy") == "80%"
    assert cell(page, 2, "surplus") == "£1.00 a unit"
    assert page.model.index_of(0, "unit_cost").data(Qt.ItemDataRole.UserRole) == Decimal("26.04")
    assert not page.banner.isVisible()


def test_adding_a_service_shows_it_and_saves_it(qtbot, page, workspace, example_ids):
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, NewItemDialog)
    qtbot.keyClicks(dialog.name_edit, "Lunch club")
    assert dialog.item_id == "lunch-club"
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    assert cell(page, 3, "name") == "Lunch club"
    service = stored(workspace, example_ids).service("lunch-club")
    assert service.name == "Lunch club"
    assert page.current_row() == 3
    # a new service has no units yet, so prices wait and the banner says why
    assert page.banner.isVisible()
    assert "Lunch club" in page.banner.label.text()


def test_a_new_service_named_like_another_gets_its_own_id(qtbot, page, example_doc):
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.name_edit, "Home support")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: len(example_doc.scenario.services) == 4)
    assert [s.id for s in example_doc.scenario.services][-1] == "home-support-2"


def test_ids_are_slugs_made_unique():
    assert slugify("Day activities (Tues)") == "day-activities-tues"
    assert unique_id("Home support", {"home-support", "home-support-2"}) == "home-support-3"


def test_typing_units_reprices_and_saves(qtbot, page, example_doc, workspace, example_ids):
    old_price = example_doc.result.service("befriending").price
    edit_cell(qtbot, page.view, 2, "units", "1200")
    qtbot.waitUntil(lambda: cell(page, 2, "planned_units") == "1,200")
    assert stored(workspace, example_ids).service("befriending").volume.units == Decimal("1200")
    assert example_doc.result.service("befriending").price < old_price
    assert not page.error.isVisible()


def test_bad_units_are_refused_naming_the_field_and_nothing_is_saved(
    qtbot, page, workspace, example_ids
):
    before = stored(workspace, example_ids)
    edit_cell(qtbot, page.view, 2, "units", "abc")
    assert page.error.isVisible()
    assert "Units a year" in page.error.text()
    assert "abc" in page.error.text()
    assert "Not saved" not in page.status.text()  # said once, by the table
    assert stored(workspace, example_ids) == before
    assert cell(page, 2, "units") == "900"


def test_occupancy_over_100_percent_is_refused(qtbot, page, workspace, example_ids):
    edit_cell(qtbot, page.view, 1, "occupancy", "120")
    assert page.error.text() == "Occupancy: cannot be more than 100%"
    assert stored(workspace, example_ids).service("day-activities").volume.occupancy == Decimal(
        "0.80"
    )


def test_an_empty_name_is_refused(qtbot, page, workspace, example_ids):
    edit_cell(qtbot, page.view, 0, "name", "")
    assert page.error.text() == "Name: cannot be empty"
    assert stored(workspace, example_ids).service("home-support").name == "Home support"


def test_undo_restores_the_table_and_the_database(qtbot, page, example_doc, workspace, example_ids):
    edit_cell(qtbot, page.view, 1, "occupancy", "90")
    qtbot.waitUntil(lambda: cell(page, 1, "occupancy") == "90%")
    assert stored(workspace, example_ids).service("day-activities").volume.occupancy == Decimal(
        "0.9"
    )
    example_doc.undo_stack.undo()
    assert cell(page, 1, "occupancy") == "80%"
    assert stored(workspace, example_ids).service("day-activities").volume.occupancy == Decimal(
        "0.80"
    )
    assert cell(page, 1, "price") == "£16.50 per session"


def test_choosing_how_units_are_counted_with_the_combo_box(qtbot, page, workspace, example_ids):
    index = page.model.index_of(2, "volume_kind")
    page.view.setCurrentIndex(index)
    page.view.edit(index)
    combo = page.view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "From staff hours": arrows only move…
    assert page.view.indexWidget(index) is combo
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # …onto "Capacity × occupancy"; Enter saves
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.indexWidget(index) is None)
    qtbot.waitUntil(lambda: cell(page, 2, "volume_kind") == "Capacity × occupancy")
    volume = stored(workspace, example_ids).service("befriending").volume
    assert volume.kind is VolumeKind.CAPACITY
    assert volume.capacity == Decimal("900")
    assert volume.occupancy == Decimal("1")


def test_share_of_price_surplus_must_be_under_100_percent(qtbot, page, workspace, example_ids):
    edit_cell(qtbot, page.view, 1, "surplus", "100")
    # the engine's own rule and words (costready.costing.validate), so screen and engine agree
    assert page.error.text() == (
        "Day activities: a surplus as a share of the price must be under 100%"
    )
    assert stored(workspace, example_ids).service("day-activities").surplus.value == Decimal("0.03")


def test_removing_a_service_cleans_what_refers_to_it_and_undo_brings_all_back(
    qtbot, page, example_doc, workspace, example_ids
):
    before = stored(workspace, example_ids)
    page.select_row(0)
    qtbot.mouseClick(page.buttons["remove"], Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2
    after = stored(workspace, example_ids)
    assert [s.id for s in after.services] == ["day-activities", "befriending"]
    assert "home-support" not in after.post("support-worker").time
    assert "mileage" not in {c.id for c in after.costs}  # its direct cost went with it
    assert "home-support" not in after.cost("it").shares
    assert "home-support" not in after.bases["floor_area"]
    assert "Ctrl+Z" in page.status.text()
    assert "Mileage" in page.status.text()
    # the time split no longer adds up: the banner says so in plain words
    assert page.banner.isVisible()
    assert "Support worker: time adds up to 20%, not 100%" in page.banner.label.text()
    example_doc.undo_stack.undo()
    assert stored(workspace, example_ids) == before
    assert cell(page, 0, "name") == "Home support"
    assert not page.banner.isVisible()


def test_moving_a_service_down_changes_the_menu_order(qtbot, page, workspace, example_ids):
    page.select_row(0)
    qtbot.mouseClick(page.buttons["down"], Qt.MouseButton.LeftButton)
    assert [s.id for s in stored(workspace, example_ids).services][:2] == [
        "day-activities",
        "home-support",
    ]
    assert page.current_row() == 1


def test_no_services_shows_the_empty_state_whose_button_adds_one(qtbot, page, example_doc):
    example_doc.apply(dataclasses.replace(example_doc.scenario, services=()), "Clear")
    assert page.stack.currentWidget() is page.empty
    button = page.empty.findChild(QPushButton)
    assert button.text() == "Add a service"
    assert page.empty.findChild(type(page.status)).text() == "No services yet — Add a service"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, NewItemDialog)
    qtbot.keyClicks(page.dialog.name_edit, "Drop-in")
    page.dialog.accept()
    assert page.stack.currentWidget() is page.view
    assert cell(page, 0, "name") == "Drop-in"


def test_a_refusal_is_shown_once_and_cleared_by_a_good_edit_and_by_undo(qtbot, page, example_doc):
    page.show_status("Added something earlier.")
    edit_cell(qtbot, page.view, 2, "units", "abc")
    assert page.error.isVisible()
    assert page.status.text() == "Added something earlier."  # no black "Not saved" line
    edit_cell(qtbot, page.view, 2, "units", "1000")
    assert not page.error.isVisible()
    edit_cell(qtbot, page.view, 2, "units", "abc")
    assert page.error.isVisible()
    example_doc.undo_stack.undo()
    assert not page.error.isVisible()


def test_outside_the_scope_of_vat_is_explained_where_it_is_chosen(page):
    service = page.model.item(0)
    outside = dataclasses.replace(service, vat=VatTreatment.OUTSIDE_SCOPE)
    assert "not a sale at all" in page._vat_tip(outside)
    assert "not a sale at all" not in page._vat_tip(
        dataclasses.replace(service, vat=VatTreatment.STANDARD)
    )
