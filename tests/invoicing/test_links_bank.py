"""Payment links (rendering and refusals) and bank details."""

from __future__ import annotations

from decimal import Decimal

import pytest

from costready.invoicing.bank import BankDetails, format_sort_code, normalise, validate_bank
from costready.invoicing.links import PROVIDER_TEMPLATES, link_for, render_link, validate_template

D = Decimal


def test_rendering_encodes_every_value() -> None:
    link = render_link(
        "https://monzo.me/ourgroup/{amount}?d={reference}&n={invoice_number}&c={currency}",
        D("1234.5"),
        "INV-0001 & co/?",
        "INV-0001",
    )
    assert link == (
        "https://monzo.me/ourgroup/1234.50?d=INV-0001%20%26%20co%2F%3F&n=INV-0001&c=GBP"
    )


def test_the_amount_is_two_places_half_up_without_separators() -> None:
    assert render_link("https://paypal.me/Org/{amount}", D("1000000.005"), "r", "n") == (
        "https://paypal.me/Org/1000000.01"
    )


def test_a_value_that_looks_like_a_placeholder_is_not_filled_again() -> None:
    link = render_link("https://pay.example.org/{reference}/{amount}", D("1"), "{amount}", "n")
    assert link == "https://pay.example.org/%7Bamount%7D/1.00"


@pytest.mark.parametrize(
    "template",
    [
        "http://paypal.me/Org/{amount}",
        "https://user:pw@paypal.me/Org/{amount}",
        "https://paypal.me/Org /{amount}",
        "https://paypal.me/Org/\x07{amount}",
        "https://paypal.me/Org/{total}",
        "https://paypal.me/Org/{amount",
        "https:///{amount}",
        "javascript:alert(1)",
        "https://paypal.me/" + "x" * 2000,
        "",
    ],
)
def test_refusals(template: str) -> None:
    problems = validate_template(template)
    assert problems and all(p.path == "payment_link" for p in problems)
    with pytest.raises(ValueError):
        render_link(template, D("1"), "r", "n")


def test_provider_examples_are_valid_apart_from_the_custom_stub() -> None:
    for label, template in PROVIDER_TEMPLATES:
        problems = validate_template(template)
        assert (problems == []) is (template != "https://"), label


def test_no_link_for_nothing_due_or_a_credit_note() -> None:
    template = "https://paypal.me/Org/{amount}"
    assert link_for(template, D("0"), "r", "INV-1", False) is None
    assert link_for(template, D("10"), "r", "CN-1", True) is None
    assert link_for("", D("10"), "r", "INV-1", False) is None
    assert link_for(template, D("10"), "r", "INV-1", False) == "https://paypal.me/Org/10.00"


def test_bank_details() -> None:
    good = BankDetails("Anytown Community CIC", "12 34 56", "1234-5678")
    assert validate_bank(good) == []
    assert normalise(good) == BankDetails("Anytown Community CIC", "123456", "12345678")
    assert format_sort_code("123456") == "12-34-56"
    assert format_sort_code("12-34-56") == "12-34-56"
    assert format_sort_code("12345") == "12345"
    assert validate_bank(BankDetails()) == []
    bad = BankDetails("", "12345", "1234567x")
    assert [p.path for p in validate_bank(bad)] == ["account_name", "sort_code", "account_number"]
    assert [p.path for p in validate_bank(BankDetails("A", "١٢٣٤٥٦", "12345678"))] == ["sort_code"]
