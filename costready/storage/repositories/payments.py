"""Payments against invoices and movements on a customer's credit, in whole pence."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from costready.invoicing.payments import CreditEntry, CreditEntryKind, Payment, PaymentMethod
from costready.money import from_pennies, to_pennies
from costready.storage.models_invoicing import CustomerRow, DocumentRow, PartyRow, PaymentRow

#: Kinds that add to a customer's credit, and kinds that use it.
CREDIT_IN = ("overpayment", "credit_note_excess")
CREDIT_OUT = ("credit_applied", "refunded")
#: Kinds that count as paid against the invoice they name.
PAID_KINDS = ("payment", "credit_applied")
#: Kinds that are money received from the customer.
RECEIVED_KINDS = ("payment", "overpayment")
#: The kind of a refund of the customer's credit.
REFUNDED = "refunded"


class PaymentRepository:
    """Payment rows in the unit of work's session (added, never changed)."""

    def __init__(self, session: Session):
        self.session = session

    def add(
        self,
        organisation_id: int,
        customer_id: int,
        kind: str,
        day: date,
        amount: Decimal,
        *,
        document_id: int | None = None,
        method: PaymentMethod = PaymentMethod.BANK_TRANSFER,
        reference: str = "",
    ) -> int:
        """One row; `kind` is "payment", "credit_applied", "overpayment",
        "credit_note_excess" or "refunded" (see PaymentRow)."""
        row = PaymentRow(
            organisation_id=organisation_id,
            customer_id=customer_id,
            document_id=document_id,
            kind=kind,
            day=day,
            amount_pence=to_pennies(amount),
            method=str(method),
            reference=reference,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def for_document(self, document_id: int) -> tuple[Payment, ...]:
        """What was paid against a document, oldest first (customer credit set against it
        shows as a payment of method "other" referenced "Customer credit")."""
        rows = self.session.scalars(
            select(PaymentRow)
            .where(PaymentRow.document_id == document_id, PaymentRow.kind.in_(PAID_KINDS))
            .order_by(PaymentRow.day, PaymentRow.id)
        )
        return tuple(_payment(row) for row in rows)

    def of_customer(self, customer_id: int, kinds: tuple[str, ...]) -> tuple[Payment, ...]:
        """The customer's rows of `kinds`, oldest first, as payments (`invoice_id` the document
        a row names, None for money held as their credit or a refund of it)."""
        rows = self.session.scalars(
            select(PaymentRow)
            .where(PaymentRow.customer_id == customer_id, PaymentRow.kind.in_(kinds))
            .order_by(PaymentRow.day, PaymentRow.id)
        )
        return tuple(_payment(row) for row in rows)

    def credit(self, customer_id: int) -> Decimal:
        """The customer's credit: money in less money out (never below £0)."""
        pence = self.session.scalar(
            select(func.coalesce(func.sum(_signed_credit()), 0)).where(
                PaymentRow.customer_id == customer_id,
                PaymentRow.kind.in_(CREDIT_IN + CREDIT_OUT),
            )
        )
        return max(from_pennies(0), from_pennies(int(pence or 0)))

    def credits(self, organisation_id: int) -> dict[int, Decimal]:
        """Each customer's credit (as `credit`), for every customer of the organisation that
        has any: one grouped sum."""
        rows = self.session.execute(
            select(PaymentRow.customer_id, func.sum(_signed_credit()))
            .where(
                PaymentRow.organisation_id == organisation_id,
                PaymentRow.kind.in_(CREDIT_IN + CREDIT_OUT),
            )
            .group_by(PaymentRow.customer_id)
        )
        return {customer: from_pennies(int(pence)) for customer, pence in rows if pence > 0}

    def credit_entries(self, customer_id: int) -> list[CreditEntry]:
        rows = self.session.scalars(
            select(PaymentRow)
            .where(
                PaymentRow.customer_id == customer_id,
                PaymentRow.kind.in_(CREDIT_IN + CREDIT_OUT),
            )
            .order_by(PaymentRow.day, PaymentRow.id)
        )
        kinds = {"credit_applied": CreditEntryKind.APPLIED}
        return [
            CreditEntry(
                date=row.day,
                kind=kinds.get(row.kind) or CreditEntryKind(row.kind),
                amount=from_pennies(row.amount_pence),
                customer_id=row.customer_id,
                document_id=row.document_id,
                id=row.id,
            )
            for row in rows
        ]

    def received(self, organisation_id: int) -> list[tuple[Payment, str, str]]:
        """Money received by the organisation (payments, and money beyond a balance that became
        customer credit), oldest first, each with its invoice's number ("" for none) and the
        customer's name: what an accountant's CSV lists."""
        rows = self.session.execute(
            select(PaymentRow, DocumentRow.number, PartyRow.name)
            .join(CustomerRow, CustomerRow.id == PaymentRow.customer_id)
            .join(PartyRow, PartyRow.id == CustomerRow.party_id)
            .outerjoin(DocumentRow, DocumentRow.id == PaymentRow.document_id)
            .where(
                PaymentRow.organisation_id == organisation_id,
                PaymentRow.kind.in_(RECEIVED_KINDS),
            )
            .order_by(PaymentRow.day, PaymentRow.id)
        )
        return [(_payment(row), number or "", name) for row, number, name in rows]


def _payment(row: PaymentRow) -> Payment:
    """A payment row as the domain's Payment (`invoice_id` the document it names, if any)."""
    return Payment(
        date=row.day,
        amount=from_pennies(row.amount_pence),
        method=PaymentMethod(row.method),
        reference=row.reference,
        invoice_id=row.document_id,
        id=row.id,
    )


def _signed_credit() -> Any:
    """A credit row's pence as it moves the customer's credit: + money in, - money out."""
    return PaymentRow.amount_pence * case((PaymentRow.kind.in_(CREDIT_IN), 1), else_=-1)
