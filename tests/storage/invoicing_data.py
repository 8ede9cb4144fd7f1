"""A workspace with an organisation, customers and draft invoices, for invoicing's tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from costready.invoicing.customers import Customer, CustomerKind, Funding
from costready.invoicing.documents import Document, DocumentKind, Line
from costready.organisation import LegalForm, Organisation
from costready.rules_file import VatTreatment
from costready.storage.workspace import Workspace

D = Decimal
ISSUED_ON = date(2026, 10, 1)


def organisation(ws: Workspace, name: str = "Riverside Support CIO") -> int:
    org = ws.save_organisation(Organisation(name=name, legal_form=LegalForm.CIO))
    assert org.id is not None
    return org.id


def council(ws: Workspace, org_id: int, **changes: object) -> int:
    with ws.writing() as uow:
        saved = uow.customers.save(
            org_id,
            replace(
                Customer(
                    name="Riverside Borough Council",
                    kind=CustomerKind.LOCAL_AUTHORITY,
                    billing_address="Town Hall\nRiverside RV1 1AA",
                ),
                **changes,
            ),
        )
    assert saved.id is not None
    return saved.id


def person(ws: Workspace, org_id: int) -> int:
    with ws.writing() as uow:
        saved = uow.customers.save(
            org_id,
            Customer(
                name="A. Person", kind=CustomerKind.INDIVIDUAL, funding=Funding.DIRECT_PAYMENT
            ),
        )
    assert saved.id is not None
    return saved.id


def lines(hours: str = "10", price: str = "25.00") -> tuple[Line, ...]:
    return (
        Line("Home support", D(hours), "hour", D(price), VatTreatment.EXEMPT, "home-support"),
        Line("Café lunch", D("1.5"), "meal", D("4.99"), VatTreatment.EXEMPT),
    )


def drafts(ws: Workspace, org_id: int, customer_id: int, count: int) -> list[int]:
    """`count` drafts in one unit of work; their ids."""
    made = []
    with ws.writing() as uow:
        for _ in range(count):
            draft = uow.invoices.save_draft(
                org_id,
                Document(
                    kind=DocumentKind.INVOICE,
                    customer_id=customer_id,
                    lines=lines(),
                    issue_date=ISSUED_ON,
                    due_date=date(2026, 10, 31),
                ),
            )
            assert draft.id is not None
            made.append(draft.id)
    return made
