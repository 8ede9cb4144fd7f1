"""Statements, reminder letters and the aged debtors report (PDF and CSV), read back."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from costready.invoicing.aged_debt import Debt, aged_debt
from costready.invoicing.payments import Payment, PaymentMethod
from costready.reports.aged_debt import write_aged_debt
from costready.reports.invoice_csv import (
    PaymentRow,
    aged_debt_csv,
    documents_csv,
    payments_csv,
)
from costready.reports.reminder import (
    LatePaymentClaim,
    ReminderData,
    ReminderLevel,
    late_charges,
    write_reminder,
)
from costready.reports.statement import (
    StatementData,
    running_balances,
    statement_entries,
    write_statement,
)
from tests.reports.invoicing_builders import (
    BANK,
    TEA,
    council,
    credit_note_data,
    exempt_lines,
    invoice_data,
    person,
    seller,
)

D = Decimal
CLAIM = LatePaymentClaim(D("0.04"), date(2026, 6, 30))


def read(write: object, *args: object) -> str:
    buffer = io.BytesIO()
    write(buffer, *args)  # type: ignore[operator]
    buffer.seek(0)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(buffer).pages).split())


def statement() -> StatementData:
    invoice, note = invoice_data(), credit_note_data()
    payments = [Payment(date(2026, 11, 28), D("500"), PaymentMethod.BANK_TRANSFER, "BACS 1", 42)]
    entries = statement_entries([note.document, invoice.document], payments)
    return StatementData(
        seller(), council(), date(2026, 12, 6), tuple(entries), D("120"), date(2026, 11, 1), BANK
    )


def test_statement_entries_are_dated_totals_and_payments() -> None:
    entries = statement().entries
    assert [(e.kind.value, e.number, e.charged, e.credited) for e in entries] == [
        ("invoice", "INV-0042", D("1202.92"), D("0")),
        ("credit_note", "CN-0003", D("0"), D("142.29")),
        ("payment", "INV-0042", D("0"), D("500")),
    ]
    assert running_balances(D("120"), entries) == [D("1322.92"), D("1180.63"), D("680.63")]


def test_statement_pdf_shows_the_running_balance() -> None:
    text = read(write_statement, statement())
    assert "Statement" in text and "Statement date 6 December 2026" in text
    assert "01/11/2026 Balance brought forward £120.00" in text
    assert "20/11/2026 Invoice INV-0042 £1,202.92 £1,322.92" in text
    assert "25/11/2026 Credit note CN-0003 £142.29 £1,180.63" in text
    assert "£500.00 £680.63" in text and "BACS 1" in text
    assert "Balance owed £680.63" in text
    assert "Sort code 30-96-34" in text


def test_statement_in_credit_says_so_and_asks_for_nothing() -> None:
    data = statement()
    data = StatementData(
        data.organisation, data.customer, data.statement_date, data.entries, D("-700")
    )
    text = read(write_statement, data)
    assert "You are in credit by £139.37" in text
    assert "How to pay" not in text


def overdue(**details: object) -> ReminderData:
    defaults: dict[str, object] = {"level": ReminderLevel.FINAL, "claim": CLAIM}
    defaults.update(details)
    return ReminderData(
        invoice_data(paid=D("500")),
        defaults["level"],  # type: ignore[arg-type]
        date(2027, 1, 15),
        defaults["claim"],  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("level", "words"),
    [
        (ReminderLevel.FIRST, "Reminder: invoice INV-0042 is overdue"),
        (ReminderLevel.SECOND, "Second reminder: invoice INV-0042 is overdue"),
        (ReminderLevel.FINAL, "Final reminder: invoice INV-0042 is overdue"),
    ],
)
def test_each_reminder_names_the_invoice_and_the_balance(level: ReminderLevel, words: str) -> None:
    text = read(write_reminder, overdue(level=level, claim=None))
    assert words in text
    assert "Due date 20 December 2026" in text and "Days overdue 26" in text
    assert "Balance overdue £702.92" in text
    assert "Payment reference INV-0042" in text
    assert "Statutory interest" not in text


def test_late_payment_interest_and_compensation_quote_the_reference_rate() -> None:
    data = overdue()
    charges = late_charges(data)
    assert charges is not None
    # £702.92 x 12% x 26 / 365 = £6.0085... -> £6.01; a debt under £1,000 -> £40
    assert (charges.days, charges.interest, charges.compensation) == (26, D("6.01"), D("40"))
    text = read(write_reminder, data)
    assert "Statutory interest: 12% a year for 26 days £6.01" in text
    assert "Fixed compensation £40.00" in text and "Total now due £748.93" in text
    assert "Bank of England base rate of 4% on 30 June 2026" in text
    assert "Late Payment of Commercial Debts (Interest) Act 1998" in text


def test_never_late_payment_charges_for_an_individual() -> None:
    data = ReminderData(
        invoice_data(exempt_lines(), customer=person()),
        ReminderLevel.FINAL,
        date(2027, 1, 15),
        CLAIM,
    )
    assert late_charges(data) is None
    text = read(write_reminder, data)
    assert "Statutory interest" not in text and "compensation" not in text


def test_a_credit_note_gets_no_reminder() -> None:
    with pytest.raises(ValueError):
        write_reminder(
            io.BytesIO(), ReminderData(credit_note_data(), ReminderLevel.FIRST, date(2027, 1, 1))
        )


def debts() -> list:
    return aged_debt(
        [
            Debt(7, "Leeds City Council", date(2026, 12, 20), D("702.92")),
            Debt(7, "Leeds City Council", date(2026, 9, 1), D("100")),
            Debt(9, TEA, date(2026, 11, 1), D("2500")),
        ],
        date(2026, 12, 6),
    )


def test_aged_debt_pdf_has_buckets_and_totals() -> None:
    text = read(write_aged_debt, seller(), debts(), date(2026, 12, 6))
    assert "Aged debtors" in text and "As at 6 December 2026" in text
    assert "Leeds City Council £702.92 £0.00 £0.00 £0.00 £100.00 £802.92" in text
    assert f"{TEA} £0.00 £0.00 £2,500.00 £0.00 £0.00 £2,500.00" in text
    assert "Total £702.92 £0.00 £2,500.00 £0.00 £100.00 £3,302.92" in text


def test_aged_debt_csv() -> None:
    rows = list(csv.reader(io.StringIO(aged_debt_csv(debts()))))
    assert rows[0] == [
        "customer",
        "days_current",
        "days_1-30",
        "days_31-60",
        "days_61-90",
        "days_over_90",
        "total",
    ]
    assert rows[1] == ["Leeds City Council", "702.92", "0.00", "0.00", "0.00", "100.00", "802.92"]
    assert rows[-1] == ["Total", "702.92", "0.00", "2500.00", "0.00", "100.00", "3302.92"]


def test_documents_csv_uses_the_totals_with_two_places_and_iso_dates() -> None:
    text = documents_csv([invoice_data(paid=D("500")), credit_note_data()])
    rows = list(csv.DictReader(io.StringIO(text)))
    invoice, note = rows
    assert invoice["number"] == "INV-0042" and invoice["issue_date"] == "2026-11-20"
    assert invoice["tax_point"] == "2026-10-31" and invoice["due_date"] == "2026-12-20"
    assert (invoice["net"], invoice["vat"], invoice["gross"]) == ("1185.43", "17.49", "1202.92")
    assert (invoice["paid"], invoice["balance"]) == ("500.00", "702.92")
    assert note["kind"] == "credit_note" and note["corrects"] == "INV-0042"
    assert note["gross"] == "142.29" and note["balance"] == ""


def test_payments_csv() -> None:
    payment = Payment(date(2026, 11, 28), D("500"), PaymentMethod.CHEQUE, TEA, 42)
    rows = list(csv.reader(io.StringIO(payments_csv([PaymentRow(payment, "INV-0042", "Leeds")]))))
    assert rows == [
        ["date", "invoice_number", "customer", "amount", "method", "reference"],
        ["2026-11-28", "INV-0042", "Leeds", "500.00", "cheque", TEA],
    ]


def test_typed_text_that_a_spreadsheet_would_run_is_kept_as_text() -> None:
    # A reference such as "=HYPERLINK(...)" must reach an accountant's spreadsheet as text.
    payment = Payment(date(2026, 11, 28), D("5"), PaymentMethod.CASH, "=1+1", 7)
    rows = list(csv.reader(io.StringIO(payments_csv([PaymentRow(payment, "INV-1", "@Leeds")]))))
    assert rows[1][2] == "'@Leeds" and rows[1][5] == "'=1+1"
    assert rows[1][3] == "5.00"  # amounts stay numbers
