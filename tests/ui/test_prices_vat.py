"""The Prices page and VAT: nothing including VAT unless registered; the threshold otherwise."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtGui import QUndoStack

from costready.app.model_files import import_model
from costready.costing.model import VatTreatment
from costready.storage.workspace import Workspace
from costready.ui.document import ScenarioDocument
from costready.ui.pages.prices import PricesPage
from costready.ui.prices.table import COLUMN_KEYS
from tests.ui.cells import shown

INC_VAT = COLUMN_KEYS.index("price_inc_vat")


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    yield ws
    ws.close()


def _document(workspace, example_model, *, registered: bool, standard: str = "home-support"):
    """The example with service `standard` standard-rated, the organisation registered or not."""
    organisation_id, scenario_id = import_model(workspace, example_model)
    org = workspace.organisation(organisation_id)
    workspace.save_organisation(
        dataclasses.replace(
            org, vat_registered=registered, vat_number="GB980780684" if registered else ""
        )
    )
    scenario = workspace.load_scenario(scenario_id)
    services = tuple(
        dataclasses.replace(s, vat=VatTreatment.STANDARD) if s.id == standard else s
        for s in scenario.services
    )
    workspace.save_scenario(scenario_id, dataclasses.replace(scenario, services=services))
    return ScenarioDocument(workspace, organisation_id, scenario_id, QUndoStack())


def _all_text(page: PricesPage) -> str:
    model = page.model
    cells = [
        str(model.index(row, column).data() or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    lines = [f"{text} {amount}" for text, amount in page.buildup.lines()]
    return " ".join(cells + lines)


def test_not_registered_shows_no_price_including_vat(qtbot, workspace, example_model):
    """Standard-rated while not registered: £27.35 stays £27.35 (never £32.82 with VAT)."""
    page = shown(qtbot, PricesPage(_document(workspace, example_model, registered=False)))
    assert page.table.isColumnHidden(INC_VAT)
    assert page.model.index(0, INC_VAT).data() is None
    page.select_service("home-support")
    text = _all_text(page)
    assert "£27.35" in text
    assert "£32.82" not in text and "incl. VAT" not in text
    assert "not VAT registered" in text


def test_not_registered_shows_the_threshold_beside_taxable_income(qtbot, workspace, example_model):
    document = _document(workspace, example_model, registered=False, standard="befriending")
    page = shown(qtbot, PricesPage(document))
    note = page.vat_note
    assert note.isVisible()
    assert "£90,000.00" in note.text() and "30 days" in note.text()
    assert "https://www.legislation.gov.uk/uksi/2024/307/made" in note.text()
    befriending = page.model.services[2]
    assert befriending.id == "befriending"
    # only the standard-rated service counts: 900 visits x £12.50
    assert befriending.income == Decimal("11250.00")
    assert "taxable income (standard-, reduced- and zero-rated services): £11,250.00" in note.text()
    assert not note.property("above") and "Warning" not in note.text()


def test_above_the_threshold_is_a_warning(qtbot, workspace, example_model):
    page = shown(qtbot, PricesPage(_document(workspace, example_model, registered=False)))
    assert page.model.services[0].income > Decimal(90000)  # home support, standard-rated
    assert page.vat_note.property("above")
    assert page.vat_note.text().startswith("Warning: this menu's planned taxable income")


def test_registered_shows_the_price_including_vat(qtbot, workspace, example_model):
    page = shown(qtbot, PricesPage(_document(workspace, example_model, registered=True)))
    assert not page.table.isColumnHidden(INC_VAT)
    assert page.model.index(0, INC_VAT).data() == "£32.82"
    assert page.vat_note.isHidden()
