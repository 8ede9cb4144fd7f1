"""Customers: kinds, terms by kind, validation."""

from __future__ import annotations

from dataclasses import replace

from costready.invoicing.customers import (
    Customer,
    CustomerKind,
    Funding,
    is_consumer,
    is_public_body,
    terms_days,
    validate_customer,
)

GOOD = Customer("Anytown Council", CustomerKind.LOCAL_AUTHORITY, email="ap@anytown.gov.uk")


def paths(customer: Customer) -> list[str]:
    return [problem.path for problem in validate_customer(customer)]


def test_public_bodies_default_to_thirty_days() -> None:
    assert terms_days(GOOD, 14) == 30
    assert terms_days(replace(GOOD, kind=CustomerKind.NHS_BODY), 14) == 30
    assert terms_days(replace(GOOD, kind=CustomerKind.ORGANISATION), 14) == 14
    assert terms_days(replace(GOOD, payment_terms_days=7), 14) == 7


def test_kinds() -> None:
    assert is_public_body(CustomerKind.LOCAL_AUTHORITY) and is_public_body(CustomerKind.NHS_BODY)
    assert not is_public_body(CustomerKind.ORGANISATION)
    person = Customer("A Person", CustomerKind.INDIVIDUAL, Funding.DIRECT_PAYMENT)
    assert is_consumer(person) and not is_consumer(GOOD)


def test_a_good_customer_has_no_problems() -> None:
    assert validate_customer(GOOD) == []
    person = Customer("A Person", CustomerKind.INDIVIDUAL, Funding.PERSONAL_BUDGET)
    assert validate_customer(person) == []


def test_problems_name_their_field() -> None:
    assert paths(replace(GOOD, name=" ")) == ["name"]
    assert paths(replace(GOOD, email="not an email")) == ["email"]
    assert paths(replace(GOOD, payment_terms_days=366)) == ["payment_terms_days"]
    assert paths(replace(GOOD, payment_terms_days=-1)) == ["payment_terms_days"]
    assert paths(replace(GOOD, payment_terms_days=0)) == []
    assert paths(replace(GOOD, name="x" * 201)) == ["name"]
    assert paths(replace(GOOD, funding=Funding.SELF_FUNDER)) == ["funding"]
    assert paths(Customer("A Person", CustomerKind.INDIVIDUAL)) == ["funding"]


def test_peppol_scheme_is_a_four_digit_code() -> None:
    assert paths(replace(GOOD, peppol_scheme="0088", peppol_id="5012345678900")) == []
    assert paths(replace(GOOD, peppol_scheme="GLN", peppol_id="5012345678900")) == ["peppol_scheme"]
    assert paths(replace(GOOD, peppol_id="5012345678900")) == ["peppol_scheme"]
    assert paths(replace(GOOD, peppol_scheme="0088")) == ["peppol_id"]


def test_a_gln_with_a_wrong_check_digit_is_refused_at_entry() -> None:
    wrong = replace(GOOD, peppol_scheme="0088", peppol_id="5012345678901")
    [problem] = validate_customer(wrong)
    assert problem.path == "peppol_id" and problem.message.startswith("Peppol id: ")
    assert "check digit" in problem.message
    assert paths(replace(wrong, peppol_scheme="9932")) == []  # another scheme: not a GLN
