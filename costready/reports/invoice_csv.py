"""CSV for an accountant: documents, payments and aged debt (amounts as plain numbers with two
places, dates ISO 8601), so a spreadsheet or bookkeeping import reads them unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from costready.invoicing.aged_debt import AgedRow, Bucket, aged_totals
from costready.invoicing.payments import Payment
from costready.money import plain, to_penny
from costready.reports.invoice import DocumentData

DOCUMENT_COLUMNS = (
    "number",
    "kind",
    "issue_date",
    "tax_point",
    "due_date",
    "customer",
    "purchase_order",
    "customer_reference",
    "corrects",
    "net",
    "vat",
    "gross",
    "paid",
    "credited",
    "balance",
)
PAYMENT_COLUMNS = ("date", "invoice_number", "customer", "amount", "method", "reference")
AGED_COLUMNS = ("customer", *(f"days_{bucket.value}" for bucket in Bucket), "total")


@dataclass(frozen=True)
class PaymentRow:
    """A payment with the invoice number and customer name it is listed under."""

    payment: Payment
    invoice_number: str
    customer: str


def amount(value: Decimal) -> str:
    """1234.50: two places (half-up), a dot, no separator or symbol."""
    return plain(to_penny(value))


#: A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text(value: str) -> str:
    """Typed text for a cell: as typed, but with a leading apostrophe where a spreadsheet would
    otherwise run it as a formula ("=HYPERLINK(...)" as a customer name), the guard OWASP
    recommends; the apostrophe shows in a text editor, never as a calculation."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def iso(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def documents_csv(documents: Iterable[DocumentData]) -> str:
    """One row per issued invoice or credit note, every figure from its `totals`. A credit
    note's amounts are positive, as on the document; `kind` says which way they go."""
    return _csv(DOCUMENT_COLUMNS, (_document_row(data) for data in documents))


def _document_row(data: DocumentData) -> list[str]:
    document, figures = data.document, data.totals
    credit = document.is_credit_note
    return [
        document.number or "",
        document.kind.value,
        iso(document.issue_date),
        iso(document.tax_point),
        iso(document.due_date),
        text(data.customer.name),
        text(document.purchase_order),
        text(document.customer_reference),
        document.credits_number or "",
        amount(figures.net),
        amount(figures.vat),
        amount(figures.gross),
        "" if credit else amount(data.paid),
        "" if credit else amount(data.credited),
        "" if credit else amount(data.balance),
    ]


def payments_csv(payments: Iterable[PaymentRow]) -> str:
    """One row per payment received."""
    return _csv(
        PAYMENT_COLUMNS,
        (
            [
                iso(row.payment.date),
                row.invoice_number,
                text(row.customer),
                amount(row.payment.amount),
                row.payment.method.value,
                text(row.payment.reference),
            ]
            for row in payments
        ),
    )


def aged_debt_csv(rows: Sequence[AgedRow]) -> str:
    """The aged debtors table: one row per customer, then the totals row."""
    lines = [
        [text(row.name), *(amount(row.buckets[b]) for b in Bucket), amount(row.total)]
        for row in rows
    ]
    totals = aged_totals(rows)
    lines.append(["Total", *(amount(totals.buckets[b]) for b in Bucket), amount(totals.total)])
    return _csv(AGED_COLUMNS, lines)
