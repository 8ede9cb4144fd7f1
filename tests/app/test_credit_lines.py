"""Credit notes remember the invoice lines they credit: stored, refused beyond what is left on a
line, the last one landing on the penny (and still a valid e-invoice), old ones matched."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from costready.app import invoice_files, invoices
from costready.app.sample import install_sample
from costready.invoicing import credits
from costready.invoicing.customers import CustomerKind
from costready.invoicing.documents import (
    Document,
    DocumentKind,
    FixedVat,
    Line,
    credit_note_for,
    part_credit_lines,
)
from costready.invoicing.errors import InvoicingError
from costready.invoicing.status import Status
from costready.rules_file import VatTreatment
from costready.storage import migrate
from costready.storage.db import make_engine
from costready.storage.workspace import Workspace
from tests.reports import peppol
from tests.reports.builders import pdf_text
from tests.storage import invoicing_data as data
from tests.storage.conftest import sqlite_url

D = Decimal
OCT1 = date(2026, 10, 1)
SUPPORT = Line("Support session", D("4"), "hour", D("25.25"), VatTreatment.STANDARD)


def _vat_invoice(ws: Workspace, org_id: int, customer_id: int) -> Document:
    org = ws.organisation(org_id)
    ws.save_organisation(dataclasses.replace(org, vat_registered=True, vat_number="GB980780684"))
    draft = invoices.new_draft(ws, org_id, customer_id)
    draft = dataclasses.replace(draft, lines=(SUPPORT,), customer_reference="CP-2291")
    draft = invoices.save_draft(ws, org_id, draft)
    return invoices.issue(ws, draft.id or 0, OCT1)


def test_a_draft_credit_note_s_links_and_figures_round_trip(workspace: Workspace) -> None:
    org_id = data.organisation(workspace)
    customer_id = data.council(workspace, org_id)
    invoice = invoices.issue(workspace, data.drafts(workspace, org_id, customer_id, 1)[0], OCT1)
    lines = (
        dataclasses.replace(invoice.lines[1], credits_line=1, fixed_net=D("7.48")),
        Line("Goodwill", D("1"), "", D("2.00"), VatTreatment.EXEMPT),
    )
    note = dataclasses.replace(
        credit_note_for(invoice, lines), fixed_vat=(FixedVat("S", D("0.2"), D("1.01")),)
    )
    with workspace.writing() as uow:
        saved = uow.invoices.save_draft(org_id, note)
    with workspace.reading() as uow:
        again = uow.invoices.get(saved.id or 0)
        stored = uow.session.execute(
            text("SELECT credits_line, net_pence FROM document_line WHERE document_id = :id"),
            {"id": saved.id},
        ).all()
    assert [tuple(row) for row in stored] == [(1, 748), (None, 200)]
    assert again.lines == note.lines and again.fixed_vat == note.fixed_vat
    assert again.lines[1].fixed_net is None  # stored net is quantity x price: nothing fixed


def test_each_line_refuses_more_than_is_left_and_the_rest_lands_on_the_penny(
    workspace: Workspace, tmp_path: Path
) -> None:
    org_id = data.organisation(workspace)
    invoice = _vat_invoice(workspace, org_id, data.council(workspace, org_id))
    invoice_id = invoice.id or 0
    assert invoices.document_view(workspace, invoice_id, OCT1).totals.gross == D("121.20")
    lines, problems = part_credit_lines(invoice, {0: D("1.5")})
    assert problems == []
    first = invoices.credit(workspace, invoice_id, lines, "1.5 hours not delivered", OCT1)
    assert [(line.credits_line, line.net) for line in first.lines] == [(0, D("37.88"))]
    view = invoices.document_view(workspace, invoice_id, OCT1)
    assert credits.left_to_credit(invoice, view.credit_notes) == (D("2.5"),)
    again = (dataclasses.replace(SUPPORT, quantity=D("2.6"), credits_line=0),)
    with pytest.raises(InvoicingError) as refused:
        invoices.credit(workspace, invoice_id, again, "Too much", OCT1)
    assert refused.value.problems[0].path == "lines"
    assert refused.value.problems[0].message == (
        "Line 1 (Support session): 2.5 hours left to credit, 2.6 asked"
    )
    assert invoices.document_view(workspace, invoice_id, OCT1).credited == D("45.46")
    rest = invoices.credit(workspace, invoice_id, None, "The rest", OCT1)
    rest_view = invoices.document_view(workspace, rest.id or 0, OCT1)
    # 2.5 h x £25.25 = £63.125 would round to £63.13; it takes the £63.12 left of £101.00
    assert rest_view.totals.net == D("63.12") and rest_view.totals.vat == D("12.62")
    after = invoices.document_view(workspace, invoice_id, OCT1)
    assert after.credited == D("121.20") and after.status is Status.CREDITED
    # the penny is explained where a reader redoes the sum: the PDF and the e-invoice
    pdf = tmp_path / "rest.pdf"
    invoice_files.save_document_pdf(workspace, rest.id or 0, pdf, OCT1)
    said = " ".join(pdf_text(pdf).split())
    assert "Line 1: net £63.12, where 2.5 × £25.25 would give £63.13." in said
    assert credits.left_to_credit(invoice, after.credit_notes) == (D("0"),)
    with pytest.raises(InvoicingError) as nothing:
        invoices.credit(workspace, invoice_id, None, "Again", OCT1)
    assert "nothing is left" in nothing.value.problems[0].message


def test_the_penny_credit_notes_are_valid_e_invoices(workspace: Workspace, tmp_path: Path) -> None:
    reason = peppol.missing_reason()
    if reason is not None:
        pytest.skip(reason)
    pytest.importorskip("saxonche", reason="saxonche (the test extra) runs the XSLT 2 rules")
    pytest.importorskip("lxml", reason="lxml (the test extra) checks the UBL 2.1 XSD")
    org_id, _scenario = install_sample(workspace)
    council = next(
        c for c in invoices.customers(workspace, org_id) if c.kind is CustomerKind.LOCAL_AUTHORITY
    )
    invoice = _vat_invoice(workspace, org_id, council.id or 0)
    lines, _ = part_credit_lines(invoice, {0: D("1.5")})
    first = invoices.credit(workspace, invoice.id or 0, lines, "Part", OCT1)
    rest = invoices.credit(workspace, invoice.id or 0, None, "The rest", OCT1)
    assert rest.lines[0].fixed_net == D("63.12")
    validator = peppol.session_validator()
    for note in (first, rest):
        target = tmp_path / f"{note.number}.xml"
        invoice_files.save_ubl(workspace, note.id or 0, target)
        assert validator.errors(target.read_bytes()) == [], note.number
    # the last one's single note says why its net is a penny off 2.5 x £25.25
    assert "would give £63.13" in (tmp_path / f"{rest.number}.xml").read_text(encoding="utf-8")


def test_a_line_cannot_be_credited_twice_though_the_total_would_allow_it(
    workspace: Workspace,
) -> None:
    org_id = data.organisation(workspace)
    invoice_id = data.drafts(workspace, org_id, data.council(workspace, org_id), 1)[0]
    invoice = invoices.issue(workspace, invoice_id, OCT1)  # 10 h at £25 + 1.5 meals at £4.99
    lunch, _ = part_credit_lines(invoice, {1: D("1.5")})
    invoices.credit(workspace, invoice_id, lunch, "No lunch", OCT1)
    with pytest.raises(InvoicingError) as refused:  # £7.49 of the £250.00 left
        invoices.credit(workspace, invoice_id, lunch, "No lunch again", OCT1)
    assert [p.message for p in refused.value.problems] == [
        "Line 2 (Café lunch): 0 meals left to credit, 1.5 asked"
    ]
    assert invoices.document_view(workspace, invoice_id, OCT1).credited == D("7.49")


def test_credit_notes_issued_before_0011_are_matched_to_their_lines(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "old.sqlite")
    with Workspace(url) as ws:
        org_id = data.organisation(ws)
        invoice_id = data.drafts(ws, org_id, data.council(ws, org_id), 1)[0]
        invoice = invoices.issue(ws, invoice_id, OCT1)  # 10 h at £25 + 1.5 meals at £4.99
        lines, _ = part_credit_lines(invoice, {0: D("4")})
        invoices.credit(ws, invoice_id, lines, "Four hours not delivered", OCT1)
    engine = make_engine(url)
    try:
        migrate.downgrade(engine, "0010")  # as if saved before the line was recorded
        with engine.connect() as connection:
            columns = {
                row[1] for row in connection.execute(text("PRAGMA table_info(document_line)"))
            }
        assert "credits_line" not in columns
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    with Workspace(url) as ws:
        view = invoices.document_view(ws, invoice_id, OCT1)
        (old,) = view.credit_notes
        assert old.lines[0].credits_line is None  # nothing was written to the issued note
        assert credits.left_to_credit(invoice, view.credit_notes) == (D("6"), D("1.5"))
        too_much = (dataclasses.replace(invoice.lines[0], quantity=D("7"), credits_line=0),)
        with pytest.raises(InvoicingError):
            invoices.credit(ws, invoice_id, too_much, "Too much", OCT1)
        rest = invoices.credit(ws, invoice_id, None, "The rest", OCT1)
        assert [(line.quantity, line.credits_line) for line in rest.lines] == [
            (D("6"), 0),
            (D("1.5"), 1),
        ]
        assert invoices.document_view(ws, invoice_id, OCT1).status is Status.CREDITED


def test_after_an_adjustment_the_rest_is_one_line_for_the_total_left(
    workspace: Workspace,
) -> None:
    org_id = data.organisation(workspace)
    invoice_id = data.drafts(workspace, org_id, data.council(workspace, org_id), 1)[0]
    invoices.issue(workspace, invoice_id, OCT1)
    goodwill = (Line("Goodwill", D("1"), "", D("10.00"), VatTreatment.EXEMPT),)
    invoices.credit(workspace, invoice_id, goodwill, "Goodwill", OCT1)
    rest = invoices.credit(workspace, invoice_id, None, "The rest", OCT1)
    assert [line.description for line in rest.lines] == ["Remainder of INV-0001"]
    assert rest.lines[0].unit_price == D("247.49") and rest.kind is DocumentKind.CREDIT_NOTE
