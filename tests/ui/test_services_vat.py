"""The Services page and VAT by who supplies it: defaults, the warning by the field."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from costready.costing.model import RegulatedActivity, VatTreatment
from costready.organisation import LegalForm
from costready.ui.document import ScenarioDocument
from costready.ui.pages.services import ServicesPage
from tests.ui.cells import shown


@pytest.fixture
def cic_page(qtbot, workspace, example_ids):
    """The example as a VAT-registered CIC that is not CQC-registered (every service stored as
    exempt)."""
    organisation_id, scenario_id = example_ids
    org = workspace.organisation(organisation_id)
    workspace.save_organisation(
        dataclasses.replace(
            org, legal_form=LegalForm.CIC, vat_registered=True, vat_number="GB123456782"
        )
    )
    document = ScenarioDocument(workspace, organisation_id, scenario_id, QUndoStack())
    return shown(qtbot, ServicesPage(document), 1600, 700)


def test_an_exempt_choice_a_cic_cannot_usually_make_is_warned_by_the_field(cic_page):
    index = cic_page.model.index_of(2, "vat")  # befriending, exempt
    assert index.data() == "Exempt ⚠ usually Standard rate"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Befriending visit: VAT is “Exempt”, but usually “Standard rate”")
    assert "https://www.gov.uk/hmrc-internal-manuals/vat-welfare/vatwelf2010" in tip
    assert cic_page.document.scenario.services[2].vat is VatTreatment.EXEMPT  # kept


def test_a_regulated_activity_with_cqc_moves_the_default_and_the_vat(cic_page, workspace):
    document = cic_page.document
    org = workspace.organisation(document.organisation_id)
    workspace.save_organisation(dataclasses.replace(org, cqc_registered=True))
    cic_page.hide()
    cic_page.show()  # the profile is read again when the page is shown
    home = document.scenario.services[0]
    assert cic_page.model.index_of(0, "vat").data() == "Exempt ⚠ usually Standard rate"
    # first make VAT the default, then mark personal care: VAT follows to exempt
    column = cic_page.model.column_index("vat")
    assert cic_page.model.setData(cic_page.model.index(0, column), "standard")
    column = cic_page.model.column_index("regulated_activity")
    assert cic_page.model.setData(cic_page.model.index(0, column), "personal_care")
    home = document.scenario.services[0]
    assert home.regulated_activity is RegulatedActivity.PERSONAL_CARE
    assert home.vat is VatTreatment.EXEMPT
    assert cic_page.model.index_of(0, "vat").data() == "Exempt"


def test_a_choice_against_the_default_is_kept_when_the_activity_changes(cic_page):
    document = cic_page.document
    column = cic_page.model.column_index("welfare_advice")
    index = cic_page.model.index(2, column)
    assert cic_page.model.setData(
        index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    befriending = document.scenario.services[2]
    assert befriending.welfare_advice and befriending.vat is VatTreatment.EXEMPT


def test_a_new_service_starts_with_the_usual_treatment(qtbot, cic_page):
    cic_page._add_service("Lunch club", "lunch-club")
    assert cic_page.document.scenario.service("lunch-club").vat is VatTreatment.STANDARD


def test_no_vat_warning_by_the_field_when_not_vat_registered(qtbot, workspace, example_ids):
    organisation_id, scenario_id = example_ids
    org = workspace.organisation(organisation_id)
    workspace.save_organisation(dataclasses.replace(org, legal_form=LegalForm.CIC))
    document = ScenarioDocument(workspace, organisation_id, scenario_id, QUndoStack())
    page = shown(qtbot, ServicesPage(document), 1600, 700)
    assert page.model.index_of(2, "vat").data() == "Exempt"  # no VAT charged: nothing to warn
