"""Payments, credit notes against an invoice, the customer's credit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from costready.invoicing.payments import (
    CreditEntry,
    CreditEntryKind,
    Owing,
    Payment,
    allocate_oldest_first,
    allocation_problems,
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


# A remittance over several invoices ----------------------------------------------------------

PENCE = st.integers(min_value=0, max_value=500_000).map(lambda p: Decimal(p) / 100)


def test_a_remittance_pays_the_oldest_first_and_the_rest_is_credit() -> None:
    owing = [Owing("INV-0001", Decimal("100")), Owing("INV-0002", Decimal("50"))]
    assert allocate_oldest_first(Decimal("120"), owing) == ((Decimal("100"), Decimal("20")), 0)
    assert allocate_oldest_first(Decimal("175.50"), owing) == (
        (Decimal("100"), Decimal("50")),
        Decimal("25.50"),
    )


@given(amount=PENCE, balances=st.lists(PENCE, max_size=6))
def test_a_remittance_s_parts_and_rest_add_up_to_the_money_received(amount, balances) -> None:
    owing = [Owing(f"INV-{i}", b) for i, b in enumerate(balances)]
    parts, rest = allocate_oldest_first(amount, owing)
    assert sum(parts, Decimal(0)) + rest == amount
    assert all(0 <= part <= invoice.balance for part, invoice in zip(parts, owing, strict=True))
    assert rest >= 0
    # an invoice is paid only once every older one is paid in full
    for index, part in enumerate(parts):
        if part > 0:
            assert all(parts[i] == owing[i].balance for i in range(index))
    assert allocation_problems(amount, parts, owing) == []


def test_a_split_by_hand_is_refused_naming_the_invoice_or_the_amount() -> None:
    owing = [Owing("INV-0001", Decimal("100")), Owing("INV-0002", Decimal("50"))]
    (too_much,) = allocation_problems(Decimal("200"), (Decimal("100"), Decimal("60")), owing)
    assert too_much.path == "allocations[1]"
    assert too_much.message == "Against INV-0002: at most £50.00 is owed on it"
    (over,) = allocation_problems(Decimal("120"), (Decimal("100"), Decimal("30")), owing)
    assert over.path == "amount" and "£130.00 is set against invoices" in over.message
    (pennies,) = allocation_problems(Decimal("120"), (Decimal("10.001"), Decimal("0")), owing)
    assert pennies.path == "allocations[0]"
