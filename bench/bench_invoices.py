"""Time invoice PDFs and UBL e-invoices beside baselines made in the same run.

- one invoice PDF (a council invoice with six lines, mixed VAT, bank details, link and QR) as a
  ratio to a bare one-page reportlab table document (goal <= 3.0);
- 1,000 invoice PDFs in a batch (goal <= 10 s), in one process in memory, and as files by
  `app.invoice_files.write_pdfs` with two processes beside the same files from one;
- one UBL export (goal <= 5 ms), beside a plain ElementTree document of as many elements."""

from __future__ import annotations

import io
import statistics
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from costready.app.invoice_files import write_pdfs
from costready.invoicing.bank import BankDetails
from costready.invoicing.customers import Customer, CustomerKind
from costready.invoicing.documents import Document, DocumentKind, Line, issue
from costready.organisation import LegalForm, Organisation
from costready.reports import fonts
from costready.reports.invoice import DocumentData, write_document
from costready.reports.ubl import ubl_bytes
from costready.rules_file import VatTreatment

RUNS = 21
BATCH = 1_000
GOAL_RATIO, GOAL_BATCH_SECONDS, GOAL_UBL_SECONDS = 3.0, 10.0, 0.005
D = Decimal
TREATMENTS = (VatTreatment.STANDARD, VatTreatment.REDUCED, VatTreatment.ZERO, VatTreatment.EXEMPT)


def invoice(number: int) -> DocumentData:
    lines = tuple(
        Line(f"Support session {i + 1}, {i + 1} October 2026", D("1.5"), "hour", D("27.35"), t)
        for i, t in enumerate(TREATMENTS * 2)
    )[:6]
    draft = Document(
        DocumentKind.INVOICE,
        7,
        lines,
        period_start=date(2026, 10, 1),
        period_end=date(2026, 10, 31),
        purchase_order="PO-7781",
    )
    document = issue(draft, f"INV-{number:04d}", date(2026, 11, 3), date(2026, 12, 3), True)
    organisation = Organisation(
        name="Riverside Community Hub",
        legal_form=LegalForm.CIC,
        company_number="01234567",
        place_of_registration="England and Wales",
        registered_office="12 Mill Lane\nLeeds LS1 4AB",
        address="12 Mill Lane\nLeeds LS1 4AB",
        vat_registered=True,
        vat_number="GB980780684",
    )
    customer = Customer(
        "Leeds City Council",
        CustomerKind.LOCAL_AUTHORITY,
        billing_address="PO Box 1\nLeeds LS1 1UR",
        peppol_scheme="0088",
        peppol_id="5000000000005",
    )
    return DocumentData.of(
        document,
        customer,
        organisation,
        bank=BankDetails("Riverside Community Hub", "309634", "12345678"),
        payment_link=f"https://paypal.me/Riverside/{number}.00",
        seller_peppol_scheme="0088",
        seller_peppol_id="5790000435975",
    )


def bare_table_document(font: str | None = None) -> None:
    """The baseline: a one-page reportlab document holding a plain table, in Helvetica (the
    issue's baseline) or in `font` (the shipped font every CostReady PDF embeds)."""
    rows = [["Description", "Quantity", "Price", "Net"]] + [
        [f"Line {i}", "1.5", "£27.35", "£41.03"] for i in range(6)
    ]
    table = Table(rows)
    if font is not None:
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 9)]))
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build([table])


def full_page_table_document() -> None:
    """For comparison only: a bare reportlab table that fills an A4 page (34 rows of the same
    cells), in Helvetica: as much text on the page as an invoice carries, with none of its
    layout, fonts or QR code."""
    rows = [["Description", "Quantity", "Price", "Net"]] + [
        [f"Line {i}", "1.5", "£27.35", "£41.03"] for i in range(34)
    ]
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build([Table(rows)])


def bare_xml() -> None:
    """The UBL baseline: an ElementTree document of about as many elements, serialised."""
    root = ET.Element("Invoice")
    for i in range(150):
        ET.SubElement(root, f"E{i}").text = str(i)
    ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def median_seconds(work: Callable[[], object], runs: int = RUNS) -> float:
    work()  # warm up: imports, font metrics
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    data = invoice(1)
    baseline = median_seconds(bare_table_document)
    embedded = median_seconds(lambda: bare_table_document(fonts.SANS))
    full_page = median_seconds(full_page_table_document)
    pdf = median_seconds(lambda: write_document(io.BytesIO(), data))
    ratio = pdf / baseline
    print(f"baseline (bare one-page reportlab table document): {baseline * 1000:8.2f} ms")
    print(
        f"the same in the shipped font (embedded TrueType):  {embedded * 1000:8.2f} ms"
        f"  (invoice / this: {pdf / embedded:5.2f}x)"
    )
    print(
        f"a bare table filling the page (for comparison):   {full_page * 1000:8.2f} ms"
        f"  (invoice / this: {pdf / full_page:5.2f}x)"
    )
    print(
        f"invoice PDF (6 lines, VAT summary, bank, QR):      {pdf * 1000:8.2f} ms"
        f"  ratio {ratio:5.2f}x  goal <= {GOAL_RATIO}  {'OK' if ratio <= GOAL_RATIO else 'OVER'}"
    )
    batch = [invoice(n) for n in range(1, BATCH + 1)]
    start = time.perf_counter()
    for item in batch:
        write_document(io.BytesIO(), item)
    seconds = time.perf_counter() - start
    print(
        f"{BATCH:,} invoice PDFs in a batch:                  {seconds:8.2f} s "
        f"  ({seconds / BATCH * 1000:.1f} ms each)  goal <= {GOAL_BATCH_SECONDS:.0f} s"
        f"  {'OK' if seconds <= GOAL_BATCH_SECONDS else 'OVER'}"
    )
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            write_pdfs(batch, folder, workers=workers)
            seconds = time.perf_counter() - start
        print(
            f"{BATCH:,} invoice PDF files, {workers} process(es):         {seconds:8.2f} s "
            f"  goal <= {GOAL_BATCH_SECONDS:.0f} s"
            f"  {'OK' if seconds <= GOAL_BATCH_SECONDS else 'OVER'}"
        )
    xml_baseline = median_seconds(bare_xml)
    ubl = median_seconds(lambda: ubl_bytes(data))
    print(f"baseline (plain ElementTree, 150 elements):        {xml_baseline * 1000:8.3f} ms")
    print(
        f"UBL e-invoice export:                              {ubl * 1000:8.3f} ms"
        f"  ratio {ubl / xml_baseline:5.2f}x  goal <= {GOAL_UBL_SECONDS * 1000:.0f} ms"
        f"  {'OK' if ubl <= GOAL_UBL_SECONDS else 'OVER'}"
    )


if __name__ == "__main__":
    main()
