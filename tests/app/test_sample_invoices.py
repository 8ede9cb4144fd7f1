"""The sample's invoicing: every kind of customer and every status, a credit note, deliveries
reserved and unbilled, and an organisation ready to issue (bank details, Peppol id)."""

from __future__ import annotations

from datetime import date

from costready.app import deliveries, invoices, payments
from costready.app.sample import install_sample, sample_path
from costready.app.sample_invoices import anchor_for
from costready.costing.modelfile import load_model_file
from costready.invoicing.customers import CustomerKind
from costready.invoicing.disclosures import sender_problems
from costready.invoicing.documents import DocumentKind
from costready.invoicing.listing import InvoiceFilter
from costready.invoicing.status import Status
from costready.storage.workspace import Workspace


def test_the_sample_shows_every_status_and_kind(workspace: Workspace) -> None:
    org_id, _scenario_id = install_sample(workspace)
    today = anchor_for(load_model_file(sample_path()).scenario, date.today())
    rows = invoices.document_rows(workspace, org_id, InvoiceFilter(), today, 0, 100)
    statuses = {row.status for row in rows if row.kind is DocumentKind.INVOICE}
    assert {Status.DRAFT, Status.ISSUED, Status.PART_PAID, Status.PAID, Status.OVERDUE} <= statuses
    assert any(row.kind is DocumentKind.CREDIT_NOTE for row in rows)
    kinds = {c.kind for c in invoices.customers(workspace, org_id)}
    assert kinds == set(CustomerKind)
    icb = next(c for c in invoices.customers(workspace, org_id) if c.kind is CustomerKind.NHS_BODY)
    assert icb.po_required and icb.peppol_id
    log = deliveries.deliveries(workspace, org_id)
    assert any(d.draft_id for d in log) and any(d.is_unbilled for d in log)
    settings = invoices.invoicing_settings(workspace, org_id)
    assert settings.bank is not None and settings.peppol_id
    assert sender_problems(workspace.organisation(org_id)) == []
    assert payments.aged_debtors(workspace, org_id, today)
    tiles = invoices.money_tiles(workspace, org_id, today)
    assert tiles.owed > 0 and tiles.overdue_count >= 1


def test_installing_the_sample_twice_adds_nothing(workspace: Workspace) -> None:
    org_id, _scenario = install_sample(workspace)
    count = invoices.count_documents(workspace, org_id, InvoiceFilter(), date.today())
    assert install_sample(workspace)[0] == org_id
    assert invoices.count_documents(workspace, org_id, InvoiceFilter(), date.today()) == count
