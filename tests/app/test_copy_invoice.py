"""Copy an invoice as a new draft: same customer and lines, menu lines at today's prices."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from costready.app import invoices
from costready.costing.price_lists import PublishedService
from costready.invoicing.documents import copied_lines
from costready.invoicing.errors import InvoicingError
from costready.rules_file import VatTreatment
from costready.storage.workspace import Workspace
from tests.storage import invoicing_data as data
from tests.storage.conftest import full_scenario

D = Decimal


def _priced(ws: Workspace, org_id: int, price: str) -> None:
    """A price list in force since April listing home support at `price` an hour."""
    scenario_id = ws.create_scenario(org_id, full_scenario())
    ws.adopt_scenario(
        scenario_id,
        {"home-support": D(price)},
        date(2026, 4, 1),
        "Trustees",
        date(2026, 3, 1),
        services={"home-support": PublishedService("Home support", "hour", "", "exempt")},
    )


def test_a_copy_prices_menu_lines_afresh_and_keeps_typed_ones(workspace: Workspace) -> None:
    org_id = data.organisation(workspace)
    council = data.council(workspace, org_id)
    _priced(workspace, org_id, "27.50")
    (draft_id,) = data.drafts(workspace, org_id, council, 1)
    draft = invoices.document_view(workspace, draft_id, date.today()).document
    draft = invoices.save_draft(
        workspace,
        org_id,
        dataclasses.replace(
            draft,
            purchase_order="PO-7",
            period_start=date(2026, 9, 1),
            period_end=date(2026, 9, 30),
        ),
    )
    issued = invoices.issue(workspace, draft_id, date(2026, 10, 1))
    copy = invoices.copy_as_draft(workspace, issued.id or 0)
    assert copy.id != issued.id and not copy.is_issued and copy.number is None
    assert copy.customer_id == council and copy.purchase_order == "PO-7"
    assert copy.period_start is None and copy.issue_date == date.today()
    home, lunch = copy.lines
    assert (home.unit_price, home.service_key) == (D("27.50"), "home-support")  # today's price
    assert (lunch.description, lunch.unit_price) == ("Café lunch", D("4.99"))  # as typed
    assert all(line.vat_rate is None and line.delivery_ids == () for line in copy.lines)
    # the invoice copied is untouched
    assert invoices.document_view(workspace, issued.id or 0, date.today()).document == issued


def test_a_credit_note_is_not_copied(workspace: Workspace) -> None:
    org_id = data.organisation(workspace)
    (draft_id,) = data.drafts(workspace, org_id, data.council(workspace, org_id), 1)
    invoices.issue(workspace, draft_id, date(2026, 10, 1))
    note = invoices.credit(workspace, draft_id, None, "Cancelled", date(2026, 10, 2))
    with pytest.raises(InvoicingError) as refused:
        invoices.copy_as_draft(workspace, note.id or 0)
    assert "copy the invoice it corrects" in refused.value.problems[0].message


def test_copied_lines_leave_the_old_document_behind() -> None:
    old = dataclasses.replace(
        data.lines()[0], vat_rate=D("0.2"), delivery_ids=(4, 5), credits_line=0
    )
    (line,) = copied_lines((old,), {"home-support": (D("30"), VatTreatment.STANDARD)})
    assert (line.unit_price, line.treatment) == (D("30"), VatTreatment.STANDARD)
    assert (line.vat_rate, line.delivery_ids, line.credits_line) == (None, (), None)
    (kept,) = copied_lines((old,), {})  # no longer on the price list: as it was
    assert (kept.unit_price, kept.treatment) == (old.unit_price, old.treatment)
