"""Number formats and statuses by date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from costready.invoicing.documents import Document, DocumentKind
from costready.invoicing.numbering import (
    NumberSeries,
    default_series,
    format_number,
    parse_number,
    validate_series,
)
from costready.invoicing.status import Status, status

D = Decimal


def test_formats() -> None:
    invoices = default_series(DocumentKind.INVOICE)
    assert format_number(invoices, 1, 2026) == "INV-0001"
    assert format_number(invoices, 12345, 2026) == "INV-12345"
    assert format_number(default_series(DocumentKind.CREDIT_NOTE), 7, 2026) == "CN-0007"
    yearly = default_series(DocumentKind.INVOICE, yearly=True)
    assert format_number(yearly, 1, 2026) == "INV-2026-0001"
    with pytest.raises(ValueError):
        format_number(invoices, 0, 2026)


def test_parse_round_trips() -> None:
    plain, yearly = NumberSeries("INV-"), NumberSeries("INV-", yearly=True)
    assert parse_number(plain, "INV-0042") == (None, 42)
    assert parse_number(yearly, "INV-2026-0042") == (2026, 42)
    assert parse_number(plain, "CN-0042") is None
    assert parse_number(plain, "INV-2026-0042") is None
    assert parse_number(yearly, "INV-0042") is None


def test_series_validation() -> None:
    assert validate_series(NumberSeries("INV-")) == []
    assert [p.path for p in validate_series(NumberSeries(" bad prefix"))] == ["prefix"]
    assert [p.path for p in validate_series(NumberSeries("INV-", width=0))] == ["width"]


ISSUED = Document(
    DocumentKind.INVOICE,
    1,
    number="INV-0001",
    issue_date=date(2026, 10, 1),
    due_date=date(2026, 10, 31),
)


@pytest.mark.parametrize(
    ("paid", "credited", "today", "expected"),
    [
        ("0", "0", date(2026, 10, 31), Status.ISSUED),
        ("0", "0", date(2026, 11, 1), Status.OVERDUE),
        ("40", "0", date(2026, 10, 15), Status.PART_PAID),
        ("40", "0", date(2026, 11, 15), Status.OVERDUE),
        ("100", "0", date(2026, 11, 15), Status.PAID),
        ("120", "0", date(2026, 11, 15), Status.PAID),
        ("60", "40", date(2026, 11, 15), Status.PAID),
        ("0", "100", date(2026, 11, 15), Status.CREDITED),
        ("0", "30", date(2026, 10, 15), Status.PART_PAID),
    ],
)
def test_status_by_balance_and_date(
    paid: str, credited: str, today: date, expected: Status
) -> None:
    assert status(ISSUED, D("100"), D(paid), D(credited), today) is expected


def test_drafts_and_credit_notes() -> None:
    assert (
        status(replace(ISSUED, number=None), D("100"), D(0), D(0), date(2027, 1, 1)) is Status.DRAFT
    )
    note = replace(ISSUED, kind=DocumentKind.CREDIT_NOTE, number="CN-0001")
    assert status(note, D("100"), D(0), D(0), date(2027, 1, 1)) is Status.ISSUED
