"""Customers: a party (person or organisation) with billing details."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from costready.i18n import _
from costready.invoicing.customers import Customer, CustomerKind, Funding, validate_customer
from costready.problems import Problem
from costready.storage.errors import InvalidData, StaleRecord, StorageError
from costready.storage.models import utc_now
from costready.storage.models_invoicing import CustomerRow, DocumentRow, PartyRow, PaymentRow


class CustomerRepository:
    """Customers in the unit of work's session."""

    def __init__(self, session: Session):
        self.session = session

    def all(self, organisation_id: int) -> list[Customer]:
        """The organisation's customers by name (then id)."""
        rows = self.session.execute(
            select(CustomerRow, PartyRow)
            .join(PartyRow, PartyRow.id == CustomerRow.party_id)
            .where(CustomerRow.organisation_id == organisation_id)
            .order_by(PartyRow.name, CustomerRow.id)
        )
        return [_customer(customer, party) for customer, party in rows]

    def get(self, customer_id: int) -> Customer:
        customer, party = self._rows(customer_id)
        return _customer(customer, party)

    def organisation_id(self, customer_id: int) -> int:
        return self._rows(customer_id)[0].organisation_id

    def save(self, organisation_id: int, customer: Customer) -> Customer:
        """Insert (id None) or update (refused with StaleRecord when read at an older
        version); validated first (InvalidData naming each field)."""
        problems = validate_customer(customer)
        if problems:
            raise InvalidData(problems)
        if customer.id is None:
            party = PartyRow(
                organisation_id=organisation_id, kind=_party_kind(customer), name=customer.name
            )
            self.session.add(party)
            self.session.flush()
            row = CustomerRow(
                party_id=party.id, organisation_id=organisation_id, version=1, **_fields(customer)
            )
            self.session.add(row)
            self.session.flush()
            return _customer(row, party)
        row, party = self._rows(customer.id)
        if row.organisation_id != organisation_id:
            raise missing_customer(customer.id)
        if customer.version is not None and customer.version != row.version:
            # the name of an individual stays out of messages: "this customer"
            raise StaleRecord(_("this customer"), row.updated_at)
        party.name, party.kind = customer.name, _party_kind(customer)
        for name, value in _fields(customer).items():
            setattr(row, name, value)
        row.version += 1
        row.updated_at = utc_now()
        self.session.flush()
        return _customer(row, party)

    def has_issued(self, customer_id: int) -> bool:
        return bool(
            self.session.scalar(
                select(
                    exists().where(
                        DocumentRow.customer_id == customer_id, DocumentRow.number.is_not(None)
                    )
                )
            )
        )

    def has_payments(self, customer_id: int) -> bool:
        """True once money from the customer was recorded (a remittance before any invoice is
        held as their credit), or credit of theirs refunded."""
        return bool(
            self.session.scalar(select(exists().where(PaymentRow.customer_id == customer_id)))
        )

    def delete(self, customer_id: int) -> None:
        """Remove a customer with no issued documents and no money recorded (their drafts go
        too); InvalidData otherwise (issued invoices and money received are records that must
        be kept: deleting the customer would take their payment rows with it)."""
        row, party = self._rows(customer_id)
        if self.has_issued(customer_id):
            raise InvalidData(
                [
                    Problem(
                        "customer",
                        _(
                            "This customer has issued invoices or credit notes, which must be "
                            "kept, so the customer cannot be deleted"
                        ),
                    )
                ]
            )
        if self.has_payments(customer_id):
            raise InvalidData(
                [
                    Problem(
                        "customer",
                        _(
                            "Money from this customer has been recorded, which must be kept, "
                            "so the customer cannot be deleted"
                        ),
                    )
                ]
            )
        drafts = self.session.scalars(select(DocumentRow).where(DocumentRow.customer_id == row.id))
        for draft in drafts:
            self.session.delete(draft)
        self.session.flush()
        self.session.delete(party)  # the customer row goes with its party (ON DELETE CASCADE)
        self.session.flush()

    def _rows(self, customer_id: int) -> tuple[CustomerRow, PartyRow]:
        found = self.session.execute(
            select(CustomerRow, PartyRow)
            .join(PartyRow, PartyRow.id == CustomerRow.party_id)
            .where(CustomerRow.id == customer_id)
        ).first()
        if found is None:
            raise missing_customer(customer_id)
        return found[0], found[1]


def _party_kind(customer: Customer) -> str:
    return "person" if customer.kind is CustomerKind.INDIVIDUAL else "organisation"


def _fields(customer: Customer) -> dict[str, object]:
    return {
        "kind": str(customer.kind),
        "funding": str(customer.funding) if customer.funding is not None else None,
        "billing_address": customer.billing_address,
        "email": customer.email.strip(),
        "payment_terms_days": customer.payment_terms_days,
        "po_required": customer.po_required,
        "supplier_reference": customer.supplier_reference,
        "peppol_scheme": customer.peppol_scheme.strip(),
        "peppol_id": customer.peppol_id.strip(),
        "notes": customer.notes,
    }


def _customer(row: CustomerRow, party: PartyRow) -> Customer:
    return Customer(
        name=party.name,
        kind=CustomerKind(row.kind),
        funding=Funding(row.funding) if row.funding else None,
        billing_address=row.billing_address,
        email=row.email,
        payment_terms_days=row.payment_terms_days,
        po_required=row.po_required,
        supplier_reference=row.supplier_reference,
        peppol_scheme=row.peppol_scheme,
        peppol_id=row.peppol_id,
        notes=row.notes,
        party_id=party.id,
        id=row.id,
        version=row.version,
    )


def missing_customer(customer_id: int) -> StorageError:
    return StorageError(_("There is no customer with id {id}.").format(id=customer_id))
