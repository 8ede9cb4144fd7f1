"""The Organisation page: inline errors by the field, nothing saved until the profile is valid."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from costready.ui.pages.organisation import OrganisationPage
from tests.ui.cells import shown


@pytest.fixture
def page(qtbot, document):
    widget = OrganisationPage(document)
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_bad_vat_number_is_refused_by_the_field_and_nothing_is_saved(qtbot, page, workspace):
    org_id = page.document.organisation_id
    before = workspace.organisation(org_id)
    qtbot.keyClick(page.vat_check, Qt.Key.Key_Space)
    assert page.vat_number_edit.isEnabled()
    retype(qtbot, page.vat_number_edit, "GB123456789")
    error = page.errors["vat_number"]
    assert error.isVisible()
    assert "VAT number" in error.text() and "GB123456789" in error.text()
    assert workspace.organisation(org_id) == before
    assert not workspace.organisation(org_id).vat_registered


def test_fixing_the_vat_number_clears_the_error_and_saves(qtbot, page, workspace):
    org_id = page.document.organisation_id
    qtbot.keyClick(page.vat_check, Qt.Key.Key_Space)
    retype(qtbot, page.vat_number_edit, "GB123456789")
    assert page.errors["vat_number"].isVisible()
    retype(qtbot, page.vat_number_edit, "gb 980 7806 84")
    assert not page.errors["vat_number"].isVisible()
    saved = workspace.organisation(org_id)
    assert saved.vat_registered and saved.vat_number == "GB980780684"


def test_a_good_edit_saves_to_the_database(qtbot, page, workspace):
    org_id = page.document.organisation_id
    retype(qtbot, page.name_edit, "Riverside Hub CIO")
    assert workspace.organisation(org_id).name == "Riverside Hub CIO"
    retype(qtbot, page.company_number_edit, "CE012345")
    assert workspace.organisation(org_id).company_number == "CE012345"


def test_undo_puts_the_old_details_back_in_the_form_and_the_database(qtbot, page, workspace):
    org_id = page.document.organisation_id
    before = workspace.organisation(org_id).name
    retype(qtbot, page.name_edit, "Riverside Hub CIO")
    assert workspace.organisation(org_id).name == "Riverside Hub CIO"
    page.document.undo_stack.undo()
    assert workspace.organisation(org_id).name == before
    assert page.name_edit.text() == before
    page.document.undo_stack.redo()
    assert workspace.organisation(org_id).name == "Riverside Hub CIO"


def test_empty_name_is_refused(qtbot, page, workspace):
    org_id = page.document.organisation_id
    retype(qtbot, page.name_edit, "   ")
    assert "Name" in page.errors["name"].text()
    assert workspace.organisation(org_id).name == "Riverside Community Hub"


def test_scenario_name_goes_through_the_undo_stack(qtbot, page, workspace):
    document = page.document
    retype(qtbot, page.scenario_name_edit, "Budget draft")
    assert workspace.load_scenario(document.scenario_id).name == "Budget draft"
    document.undo_stack.undo()
    assert workspace.load_scenario(document.scenario_id).name == "Budget 2026-27"
    assert page.scenario_name_edit.text() == "Budget 2026-27"


def test_every_field_has_a_label_and_an_accessible_name(page):
    for edit in (
        page.name_edit,
        page.vat_number_edit,
        page.charity_number_edit,
        page.company_number_edit,
        page.scenario_name_edit,
        page.tax_year_combo,
    ):
        assert edit.accessibleName()
    assert page.errors["vat_number"].parent() is page.vat_number_edit.parent()


def test_unticking_vat_drops_a_bad_number_instead_of_saving_it(qtbot, page, workspace):
    org_id = page.document.organisation_id
    qtbot.keyClick(page.vat_check, Qt.Key.Key_Space)
    retype(qtbot, page.vat_number_edit, "GB123")
    assert page.errors["vat_number"].isVisible()
    qtbot.keyClick(page.vat_check, Qt.Key.Key_Space)
    saved = workspace.organisation(org_id)
    assert not saved.vat_registered
    assert saved.vat_number == ""


def test_the_profile_offers_a_locale_and_saves_it(qtbot, example_doc, workspace):
    page = shown(qtbot, OrganisationPage(example_doc))
    codes = [page.locale_combo.itemData(i) for i in range(page.locale_combo.count())]
    assert codes == ["en_GB", "cy"]
    assert "translation to follow" in page.locale_combo.itemText(1)
    page.locale_combo.setCurrentIndex(1)
    page.locale_combo.activated.emit(1)
    assert workspace.organisation(example_doc.organisation_id).locale == "cy"


def test_a_vat_error_does_not_draw_the_vat_box_over_the_address(qtbot, example_doc):
    page = shown(qtbot, OrganisationPage(example_doc), 800, 560)
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
