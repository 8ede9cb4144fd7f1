"""Payments, credit notes against an invoice, the customer's credit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from costready.invoicing.payments import (
    CreditEntry,
    CreditEntryKind,
    Payment,
    apply_credit_note,
    balance,
    credit_available,
    creditable,
    settle,
    total_paid,
    validate_credit_note_amount,
    validate_payment,
)

D = Decimal


def test_balance_and_overpayment() -> None:
    assert balance(D("100"), D("30"), D("20")) == D("50")
    assert balance(D("100"), D("130"), D("0")) == 0
    assert settle(D("100"), D("30"), D("0"), D("100")) == (D("70"), D("30"))
    assert settle(D("100"), D("100"), D("0"), D("5")) == (D("0"), D("5"))


def test_credit_note_limits_and_what_becomes_customer_credit() -> None:
    assert creditable(D("100"), D("30")) == D("70")
    # invoice paid 80 of 100; a credit of 50 clears the 20 owed and 30 becomes credit
    assert apply_credit_note(D("100"), D("80"), D("0"), D("50")) == (D("20"), D("30"))
    with pytest.raises(ValueError):
        apply_credit_note(D("100"), D("0"), D("60"), D("41"))
    assert validate_credit_note_amount(D("41"), D("40"))[0].path == "lines"
    assert validate_credit_note_amount(D("40"), D("40")) == []


def test_customer_credit_in_and_out() -> None:
    day = date(2026, 11, 1)
    entries = [
        CreditEntry(day, CreditEntryKind.OVERPAYMENT, D("30")),
        CreditEntry(day, CreditEntryKind.CREDIT_NOTE_EXCESS, D("10")),
        CreditEntry(day, CreditEntryKind.APPLIED, D("25")),
        CreditEntry(day, CreditEntryKind.REFUNDED, D("5")),
    ]
    assert credit_available(entries) == D("10")


def test_payment_validation() -> None:
    good = Payment(date(2026, 11, 1), D("12.50"), reference="BACS 123")
    assert validate_payment(good, today=date(2026, 11, 1)) == []
    assert total_paid([good, good]) == D("25.00")
    for amount in ("0", "-1", "1.005"):
        bad = Payment(date(2026, 11, 1), D(amount))
        assert [p.path for p in validate_payment(bad)] == ["amount"]
    future = Payment(date(2026, 11, 2), D("1"))
    assert [p.path for p in validate_payment(future, today=date(2026, 11, 1))] == ["date"]
