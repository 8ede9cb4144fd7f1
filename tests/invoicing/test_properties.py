"""Hypothesis: totals add up, credit notes never exceed what they credit, balances >= 0."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from costready.invoicing.documents import Document, DocumentKind, Line, totals
from costready.invoicing.payments import (
    apply_credit_note,
    balance,
    creditable,
    settle,
)
from costready.money import decimal_places
from costready.rules_file import VatTreatment

quantities = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("10000"), places=4)
prices = st.decimals(min_value=Decimal("0"), max_value=Decimal("100000"), places=2)
amounts = st.decimals(min_value=Decimal("0"), max_value=Decimal("1000000"), places=2)
lines = st.builds(
    Line,
    description=st.just("Support"),
    quantity=quantities,
    unit=st.just("hour"),
    unit_price=prices,
    treatment=st.sampled_from(
        [VatTreatment.STANDARD, VatTreatment.REDUCED, VatTreatment.ZERO, VatTreatment.EXEMPT]
    ),
)


@given(st.lists(lines, max_size=12), st.booleans())
def test_gross_is_net_plus_vat_is_sum_of_lines_and_groups(
    items: list[Line], registered: bool
) -> None:
    result = totals(Document(DocumentKind.INVOICE, 1, tuple(items), vat_registered=registered))
    assert result.net == sum(result.line_nets, Decimal(0))
    assert result.net == sum((group.taxable for group in result.groups), Decimal(0))
    assert result.vat == sum((group.vat for group in result.groups), Decimal(0))
    assert result.gross == result.net + result.vat
    for value in (*result.line_nets, result.net, result.vat, result.gross):
        assert decimal_places(value) <= 2
    for group in result.groups:
        assert decimal_places(group.vat) <= 2
        if group.category != "S":
            assert group.vat == 0


@given(amounts, amounts, amounts)
def test_balances_are_never_negative(total: Decimal, paid: Decimal, credited: Decimal) -> None:
    assert balance(total, paid, credited) >= 0


@given(amounts, amounts, amounts, amounts)
def test_a_payment_is_never_lost(
    total: Decimal, paid: Decimal, credited: Decimal, amount: Decimal
) -> None:
    applied, to_credit = settle(total, paid, credited, amount)
    assert applied + to_credit == amount
    assert applied >= 0 and to_credit >= 0
    assert applied <= balance(total, paid, credited)


@given(amounts, st.lists(amounts, max_size=6), amounts)
def test_credit_notes_never_exceed_what_they_credit(
    total: Decimal, wanted: list[Decimal], paid: Decimal
) -> None:
    credited = Decimal(0)
    for amount in wanted:
        allowed = min(amount, creditable(total, credited))
        applied, to_customer = apply_credit_note(total, paid, credited, allowed)
        assert applied + to_customer == allowed
        credited += allowed
        assert credited <= total
    assert creditable(total, credited) >= 0
