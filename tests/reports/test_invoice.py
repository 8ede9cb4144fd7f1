"""Invoice and credit-note PDFs, read back as text."""

from __future__ import annotations

import dataclasses
import io
from decimal import Decimal
from pathlib import Path

import pytest
import segno
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from costready.invoicing.customers import Funding
from costready.invoicing.documents import Line, totals
from costready.money import format_money
from costready.reports.invoice import DocumentData, QrCode, document_title, write_document
from costready.rules_file import VatTreatment
from tests.reports.invoicing_builders import (
    LINK,
    TEA,
    credit_note_data,
    exempt_lines,
    invoice_data,
    mixed_lines,
    person,
)

D = Decimal


def text_of(data: DocumentData) -> str:
    """The document's text with every run of whitespace made one space (cells wrap)."""
    buffer = io.BytesIO()
    write_document(buffer, data)
    buffer.seek(0)
    pages = PdfReader(buffer).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def links_of(data: DocumentData) -> list[str]:
    buffer = io.BytesIO()
    write_document(buffer, data)
    buffer.seek(0)
    found = []
    for page in PdfReader(buffer).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def test_vat_invoice_shows_what_hmrc_requires() -> None:
    data = invoice_data(mixed_lines())
    text = text_of(data)
    assert "VAT invoice" in text
    assert "Invoice number INV-0042" in text
    assert "Issue date 20 November 2026" in text
    assert "Tax point 31 October 2026" in text  # more than 14 days after the period
    assert "Due date 20 December 2026" in text
    assert "Service period 1–31 October 2026" in text
    assert "Purchase order PO-7781" in text
    assert "VAT registration number GB980780684" in text
    assert "Riverside <Community> & Arts Hub" in text
    assert "Leeds City Council" in text and "PO Box 1" in text
    # lines: quantity, unit, unit price, rate, net
    assert "Room hire, 3 October 2026 3 hour £25.00 20% £75.00" in text
    assert "37.5 hour £27.35 Exempt £1,025.63" in text
    # VAT summary per group and totals, from invoicing.documents.totals
    assert "Standard rate 20% £75.00 £15.00" in text
    assert "Reduced rate 5% £49.80 £2.49" in text
    assert "Net total £1,185.43" in text and "VAT £17.49" in text
    assert "Total £1,202.92" in text
    assert "Exempt: welfare services, VATA 1994 Sch 9 Group 7" in text
    # sender disclosures (a CIC)
    assert "Registered in England and Wales, company number 01234567" in text
    assert "A community interest company" in text


def test_bank_details_reference_and_payment_link() -> None:
    data = invoice_data(mixed_lines())
    text = text_of(data)
    assert "Account name Riverside Community Hub" in text
    assert "Sort code 30-96-34" in text
    assert "Account number 12345678" in text
    assert "Payment reference INV-0042" in text
    assert "Please pay £1,202.92 by 20 December 2026" in text
    assert LINK in text  # the typed "&" and "<1>" appear literally
    assert links_of(data) == [LINK]


def test_typed_text_appears_literally() -> None:
    text = text_of(invoice_data(mixed_lines()))
    assert TEA in text
    assert f"Thank you. {TEA}" in text


def test_not_registered_invoice_shows_no_vat_at_all() -> None:
    text = text_of(invoice_data(mixed_lines(), vat_registered=False))
    assert "Invoice" in text and "VAT invoice" not in text
    assert "VAT" not in text.replace("VATA", "")
    assert "Total £1,185.43" in text
    assert "Tax point" not in text  # VAT's time of supply, said only where VAT is charged


def test_outside_scope_only_is_not_a_vat_invoice() -> None:
    lines = (Line("Grant-funded session", D("2"), "session", D("40"), VatTreatment.OUTSIDE_SCOPE),)
    data = invoice_data(lines)
    assert document_title(data) == "Invoice"
    text = text_of(data)
    assert "VAT invoice" not in text and "VAT summary" not in text
    assert "Total £80.00" in text


def test_credit_note_names_its_invoice_and_has_no_payment_request() -> None:
    data = credit_note_data()
    text = text_of(data)
    assert "Credit note" in text and "VAT invoice" not in text
    assert "Credit note number CN-0003" in text
    assert "Corrects invoice INV-0042" in text
    assert "Total credited £142.29" in text
    assert "How to pay" not in text and links_of(data) == []


def test_part_paid_invoice_shows_the_balance_and_links_it() -> None:
    text = text_of(invoice_data(mixed_lines(), paid=D("200"), credited=D("2.92")))
    assert "Paid £200.00" in text and "Credited £2.92" in text
    assert "Balance due £1,000.00" in text
    assert "Please pay £1,000.00 by" in text


def test_paid_invoice_hides_the_link() -> None:
    data = invoice_data(mixed_lines(), paid=D("1202.92"))
    assert links_of(data) == []
    assert "Balance due £0.00" in text_of(data)


def test_direct_payment_invoice_counts_as_a_support_plan() -> None:
    customer = person()
    assert customer.funding is Funding.DIRECT_PAYMENT
    text = text_of(invoice_data(exempt_lines(), customer=customer))
    assert "Home support, 02/10/2026 1.5 hour £27.35 Exempt £41.03" in text
    assert "In all: 3.5 × hour; total including any VAT £95.73" in text


def test_consumer_sees_the_total_including_vat() -> None:
    lines = (Line("Café lunch", D("2"), "meal", D("5.00"), VatTreatment.STANDARD),)
    text = text_of(invoice_data(lines, customer=person()))
    assert "Total to pay, including VAT £12.00" in text


def test_a_draft_has_no_document(tmp_path: Path) -> None:
    data = invoice_data(mixed_lines())
    draft = dataclasses.replace(data, document=dataclasses.replace(data.document, number=None))
    with pytest.raises(ValueError):
        write_document(tmp_path / "draft.pdf", draft)
    assert not (tmp_path / "draft.pdf").exists()


prices = st.decimals(min_value=D("0"), max_value=D("5000"), places=2)
quantities = st.decimals(min_value=D("0.0001"), max_value=D("500"), places=4)
treatments = st.sampled_from(
    [VatTreatment.STANDARD, VatTreatment.REDUCED, VatTreatment.ZERO, VatTreatment.EXEMPT]
)
line_values = st.builds(
    lambda q, p, t: Line("Service", q, "hour", p, t), quantities, prices, treatments
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(line_values, min_size=1, max_size=6), registered=st.booleans())
def test_the_pdfs_total_is_the_totals_gross(lines: list[Line], registered: bool) -> None:
    data = invoice_data(tuple(lines), vat_registered=registered)
    gross = format_money(totals(data.document).gross)
    text = text_of(data)
    assert f"Total {gross}" in text or f"Total to pay, including VAT {gross}" in text
    assert f"Please pay {gross} by" in text or totals(data.document).gross == 0


def test_qr_code_holds_the_link_with_a_quiet_zone() -> None:
    code = QrCode(LINK)
    expected = segno.make(LINK, error="m").matrix
    assert [row[4:-4] for row in code.rows[4:-4]] == [tuple(row) for row in expected]
    assert not any(code.rows[0]) and not any(row[0] for row in code.rows)


def test_a_long_link_wraps_and_stays_whole() -> None:
    link = "https://pay.example.org/" + "a" * 400 + "?ref={INV-0042}"
    data = invoice_data(mixed_lines(), payment_link=link)
    assert set(links_of(data)) == {link}  # each wrapped line of it links to the whole
    assert "aaaa" in text_of(data)
