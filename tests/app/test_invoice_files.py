"""Invoicing's files from the workspace: the same figures as the screen, drafts and incomplete
e-invoices refused before anything is written, reminders with late payment only where due."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from costready.app import invoice_files, invoices
from costready.app.sample import install_sample, sample_path
from costready.app.sample_invoices import anchor_for
from costready.costing.modelfile import load_model_file
from costready.invoicing.customers import CustomerKind
from costready.invoicing.documents import DocumentKind
from costready.invoicing.errors import InvoicingError
from costready.invoicing.listing import InvoiceFilter, InvoiceRow
from costready.invoicing.status import Status
from costready.money import format_money
from costready.storage.workspace import Workspace


@pytest.fixture
def sample(workspace: Workspace) -> tuple[int, date]:
    org_id, _scenario = install_sample(workspace)
    return org_id, anchor_for(load_model_file(sample_path()).scenario, date.today())


def _rows(ws: Workspace, org_id: int, today: date) -> list[InvoiceRow]:
    return invoices.document_rows(ws, org_id, InvoiceFilter(), today, 0, 100)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _row(rows: list[InvoiceRow], status: Status) -> InvoiceRow:
    return next(r for r in rows if r.status is status and r.kind is DocumentKind.INVOICE)


def test_the_pdf_shows_the_screens_figures(workspace, sample, tmp_path) -> None:
    org_id, today = sample
    row = _row(_rows(workspace, org_id, today), Status.PART_PAID)
    view = invoices.document_view(workspace, row.id, today)
    target = tmp_path / "invoice.pdf"
    invoice_files.save_document_pdf(workspace, row.id, target, today)
    text = _text(target)
    assert view.document.number in text
    assert format_money(view.totals.gross) in text
    assert format_money(view.balance) in text  # balance due = the screen's
    data = invoice_files.document_data(workspace, row.id, today)
    assert (data.totals, data.paid, data.balance) == (view.totals, view.paid, view.balance)


def test_a_draft_is_refused_and_nothing_is_written(workspace, sample, tmp_path) -> None:
    org_id, today = sample
    draft = _row(_rows(workspace, org_id, today), Status.DRAFT)
    target = tmp_path / "draft.pdf"
    for save in (
        lambda: invoice_files.save_document_pdf(workspace, draft.id, target, today),
        lambda: invoice_files.save_ubl(workspace, draft.id, target),
    ):
        with pytest.raises(InvoicingError) as refused:
            save()
        assert refused.value.problems[0].path == "number"
    assert not target.exists()


def test_an_e_invoice_without_peppol_ids_names_what_is_missing(workspace, sample, tmp_path):
    org_id, today = sample
    rows = _rows(workspace, org_id, today)
    housing = next(
        c for c in invoices.customers(workspace, org_id) if c.kind is CustomerKind.ORGANISATION
    )
    invoice = next(
        r for r in rows if r.customer_name == housing.name and r.kind is DocumentKind.INVOICE
    )
    target = tmp_path / "housing.xml"
    target.write_text("the old file")
    with pytest.raises(InvoicingError) as refused:
        invoice_files.save_ubl(workspace, invoice.id, target)
    paths = {problem.path for problem in refused.value.problems}
    assert {"customer.peppol_id", "purchase_order"} <= paths
    assert target.read_text() == "the old file"  # untouched


def test_statement_lists_the_customers_documents_and_payments(workspace, sample, tmp_path):
    org_id, today = sample
    icb = next(c for c in invoices.customers(workspace, org_id) if c.kind is CustomerKind.NHS_BODY)
    target = tmp_path / "statement.pdf"
    invoice_files.save_statement_pdf(workspace, icb.id or 0, target, today)
    text = _text(target)
    owed = sum(
        (r.balance for r in _rows(workspace, org_id, today) if r.customer_name == icb.name),
        Decimal(0),
    )
    assert "Statement" in text and "NHS SBS 55120" in text
    assert f"Balance owed {format_money(owed)}" in text


def _overdue(workspace: Workspace, org_id: int, today: date) -> InvoiceRow:
    return _row(_rows(workspace, org_id, today), Status.OVERDUE)


def _charge_late_payment(workspace: Workspace, org_id: int) -> None:
    settings = invoices.invoicing_settings(workspace, org_id)
    invoices.save_invoicing_settings(
        workspace, org_id, dataclasses.replace(settings, charge_late_payment=True)
    )


def test_reminder_without_late_payment_charges(workspace, sample, tmp_path) -> None:
    org_id, today = sample
    overdue = _overdue(workspace, org_id, today)
    target = tmp_path / "reminder.pdf"
    note = invoice_files.save_reminder_pdf(workspace, overdue.id, "first", target, today)
    assert note == invoice_files.ReminderNote(False)
    text = _text(target)
    assert overdue.number in text and "Statutory interest" not in text


def test_reminder_claims_interest_at_the_rate_given(workspace, sample, tmp_path) -> None:
    org_id, today = sample
    _charge_late_payment(workspace, org_id)
    overdue = _overdue(workspace, org_id, today)
    target = tmp_path / "final.pdf"
    note = invoice_files.save_reminder_pdf(
        workspace, overdue.id, "final", target, today, reference_rate=Decimal("0.04")
    )
    assert note.claimed
    text = _text(target)
    assert "Final reminder" in text and "Statutory interest: 12%" in text
    assert "Fixed compensation" in text


def test_reminder_without_a_rate_goes_without_interest_and_says_so(workspace, sample, tmp_path):
    org_id, today = sample
    _charge_late_payment(workspace, org_id)
    overdue = _overdue(workspace, org_id, today)
    target = tmp_path / "second.pdf"
    note = invoice_files.save_reminder_pdf(workspace, overdue.id, "second", target, today)
    assert not note.claimed and note.message and "Reference rate" in note.message
    assert "Statutory interest" not in _text(target)


def test_a_reminder_for_an_invoice_not_overdue_is_refused(workspace, sample, tmp_path) -> None:
    org_id, today = sample
    paid = _row(_rows(workspace, org_id, today), Status.PAID)
    with pytest.raises(InvoicingError):
        invoice_files.save_reminder_pdf(workspace, paid.id, "first", tmp_path / "r.pdf", today)
    assert not (tmp_path / "r.pdf").exists()


def test_aged_debt_pdf_and_csv_agree(workspace, sample, tmp_path) -> None:
    org_id, today = sample
    invoice_files.save_aged_debt_pdf(workspace, org_id, tmp_path / "aged.pdf", today)
    invoice_files.save_aged_debt_csv(workspace, org_id, tmp_path / "aged.csv", today)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "aged.csv").read_text())))
    total = rows[-1]
    assert total["customer"] == "Total"
    owed = invoices.money_tiles(workspace, org_id, today).owed
    assert Decimal(total["total"]) == owed
    assert format_money(owed) in _text(tmp_path / "aged.pdf")


def test_documents_and_payments_csv(workspace, sample, tmp_path) -> None:
    org_id, today = sample
    invoice_files.save_documents_csv(workspace, org_id, tmp_path / "docs.csv")
    invoice_files.save_payments_csv(workspace, org_id, tmp_path / "payments.csv")
    docs = list(csv.DictReader(io.StringIO((tmp_path / "docs.csv").read_text())))
    issued = [r for r in _rows(workspace, org_id, today) if r.status is not Status.DRAFT]
    assert sorted(d["number"] for d in docs) == sorted(r.number for r in issued)
    by_number = {r.number: r for r in issued}
    for doc in docs:
        assert Decimal(doc["gross"]) == by_number[doc["number"]].total
        if doc["kind"] == "invoice":
            assert Decimal(doc["balance"]) == by_number[doc["number"]].balance
    paid = list(csv.DictReader(io.StringIO((tmp_path / "payments.csv").read_text())))
    assert {p["reference"] for p in paid} == {"BACS RBC 118230", "NHS SBS 55120"}
    assert all(p["invoice_number"] for p in paid)


def test_batch_of_pdfs_named_by_number(workspace, sample, tmp_path) -> None:
    org_id, today = sample
    rows = _rows(workspace, org_id, today)
    written = invoice_files.save_document_pdfs(
        workspace, [r.id for r in rows], tmp_path, today, workers=1
    )
    issued = sorted(r.number for r in rows if r.status is not Status.DRAFT)
    assert sorted(p.stem for p in written) == issued
    assert all(p.read_bytes().startswith(b"%PDF") for p in written)


def test_file_stem_keeps_a_number_inside_the_folder() -> None:
    assert invoice_files.file_stem("INV-2026-0001") == "INV-2026-0001"
    assert invoice_files.file_stem("../INV/7") == "INV-7"


def test_two_processes_write_the_same_files(workspace, sample, tmp_path, monkeypatch) -> None:
    org_id, today = sample
    rows = [r for r in _rows(workspace, org_id, today) if r.status is not Status.DRAFT][:3]
    documents = [invoice_files.document_data(workspace, r.id, today) for r in rows]
    monkeypatch.setattr(invoice_files, "POOL_FROM", 2)  # the pool, though the batch is small
    written = invoice_files.write_pdfs(documents, tmp_path, workers=2)
    assert sorted(p.stem for p in written) == sorted(r.number for r in rows)
    for path, row in zip(written, rows, strict=True):
        assert row.number in _text(path)


def test_a_rate_given_where_late_payment_is_not_charged_is_explained(
    workspace, sample, tmp_path
) -> None:
    org_id, today = sample
    overdue = _overdue(workspace, org_id, today)
    note = invoice_files.save_reminder_pdf(
        workspace, overdue.id, "first", tmp_path / "r.pdf", today, Decimal("0.04")
    )
    assert not note.claimed and note.message and "does not charge it" in note.message
