"""Customers: the parties we bill, their kinds, funding, payment terms and validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from costready.i18n import N_, _
from costready.money import TextBound
from costready.organisation import text_problems
from costready.problems import Problem
from costready.rules_file import section_figure

from .peppol import participant_id_problems

#: A customer's billing name (as printed on an invoice).
NAME = TextBound(200)
#: A multi-line billing address.
ADDRESS = TextBound(2_000)
#: An email address (RFC 5321 limits a path to 254 characters).
EMAIL = TextBound(254)
#: Their reference for us, a Peppol participant id, a scheme code.
REFERENCE = TextBound(100)
#: Free notes.
NOTES = TextBound(2_000)
#: Payment terms a customer may have, in days.
TERMS_MIN, TERMS_MAX = 0, 365


class CustomerKind(StrEnum):
    """Who the customer is: a public body (council, NHS), another organisation, a person."""

    LOCAL_AUTHORITY = "local_authority"
    NHS_BODY = "nhs_body"
    ORGANISATION = "organisation"
    INDIVIDUAL = "individual"


CUSTOMER_KIND_LABELS = {
    CustomerKind.LOCAL_AUTHORITY: N_("Local authority (council)"),
    CustomerKind.NHS_BODY: N_("NHS body (ICB, PCN, trust)"),
    CustomerKind.ORGANISATION: N_("Another organisation"),
    CustomerKind.INDIVIDUAL: N_("Individual"),
}


class Funding(StrEnum):
    """How an individual pays (None for a body)."""

    DIRECT_PAYMENT = "direct_payment"
    PERSONAL_BUDGET = "personal_budget"
    INDIVIDUAL_SERVICE_FUND = "individual_service_fund"
    SELF_FUNDER = "self_funder"


FUNDING_LABELS = {
    Funding.DIRECT_PAYMENT: N_("Direct payment"),
    Funding.PERSONAL_BUDGET: N_("Personal budget"),
    Funding.INDIVIDUAL_SERVICE_FUND: N_("Individual Service Fund"),
    Funding.SELF_FUNDER: N_("Self-funder"),
}


@dataclass(frozen=True)
class Customer:
    """A party with billing details (DESIGN.md "Words"): who an invoice goes to.

    `payment_terms_days` None means the default (`terms_days`). `peppol_scheme` (a 4-digit ICD
    code such as "0088") and `peppol_id` are both "" when the customer has no Peppol id.
    `party_id` is the party record this customer is (a later contacts slice grows parties)."""

    name: str
    kind: CustomerKind = CustomerKind.ORGANISATION
    funding: Funding | None = None
    billing_address: str = ""
    email: str = ""
    payment_terms_days: int | None = None
    po_required: bool = False
    supplier_reference: str = ""
    peppol_scheme: str = ""
    peppol_id: str = ""
    notes: str = ""
    party_id: int | None = None
    id: int | None = None
    #: the stored version this value was read at (optimistic lock); not part of equality
    version: int | None = field(default=None, compare=False)


def is_public_body(kind: CustomerKind) -> bool:
    """True for a local authority or an NHS body (Procurement Act 2023 payment terms apply)."""
    return kind in (CustomerKind.LOCAL_AUTHORITY, CustomerKind.NHS_BODY)


def is_consumer(customer: Customer) -> bool:
    """True for an individual: a consumer (sees prices with VAT; never charged late-payment
    interest under the 1998 Act)."""
    return customer.kind is CustomerKind.INDIVIDUAL


def public_body_terms_days() -> int:
    """Days a public body has to pay an undisputed invoice (Procurement Act 2023 s.68/s.73),
    from the rules file's `[procurement.prompt_payment_days]`."""
    return int(section_figure("procurement", "prompt_payment_days").value)


def terms_days(customer: Customer, organisation_default: int) -> int:
    """The customer's payment terms: their own when set; else 30 days for a public body
    (Procurement Act 2023 s.68 and s.73, from the rules file); else the organisation's default."""
    if customer.payment_terms_days is not None:
        return customer.payment_terms_days
    if is_public_body(customer.kind):
        return public_body_terms_days()
    return organisation_default


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def validate_customer(customer: Customer) -> list[Problem]:
    """Every problem with a customer, each naming the field and the fix."""
    problems = _lengths(customer)
    if not customer.name.strip():
        problems.append(Problem("name", _("Name: enter the customer's billing name")))
    if customer.email.strip() and not _EMAIL.match(customer.email.strip()):
        problems.append(
            Problem(
                "email",
                _("Email: “{email}” is not an email address (name@example.org)").format(
                    email=customer.email
                ),
            )
        )
    terms = customer.payment_terms_days
    if terms is not None and not TERMS_MIN <= terms <= TERMS_MAX:
        problems.append(
            Problem(
                "payment_terms_days",
                _("Payment terms: give a number of days from {low} to {high}").format(
                    low=TERMS_MIN, high=TERMS_MAX
                ),
            )
        )
    if customer.kind is CustomerKind.INDIVIDUAL and customer.funding is None:
        problems.append(
            Problem(
                "funding",
                _("Funding: choose how this person pays (direct payment, personal budget...)"),
            )
        )
    if customer.kind is not CustomerKind.INDIVIDUAL and customer.funding is not None:
        problems.append(
            Problem("funding", _("Funding: only an individual customer has a funding type"))
        )
    problems += participant_id_problems(customer.peppol_scheme, customer.peppol_id)
    return problems


def _lengths(customer: Customer) -> list[Problem]:
    fields = (
        ("name", customer.name, NAME, _("Name")),
        ("billing_address", customer.billing_address, ADDRESS, _("Billing address")),
        ("email", customer.email, EMAIL, _("Email")),
        ("supplier_reference", customer.supplier_reference, REFERENCE, _("Their reference for us")),
        ("peppol_scheme", customer.peppol_scheme, REFERENCE, _("Peppol scheme")),
        ("peppol_id", customer.peppol_id, REFERENCE, _("Peppol id")),
        ("notes", customer.notes, NOTES, _("Notes")),
    )
    return text_problems(fields)
