"""Invoicing's tables: parties and customers, documents and their lines, payments, deliveries,
number series. Money is whole pence in INTEGER columns, so SQL can sum and sort it.

Issued documents are immutable in the database itself: triggers (`immutability.py`, created
by migration 0010) refuse to change or delete an issued document or touch its lines.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from costready.storage.models import KEY, KIND, NAME, Base, utc_now

#: A document number, a purchase order, a reference.
REF = 100


class PartyRow(Base):
    """A person or an organisation we deal with; a customer is a party with billing details
    (a later contacts slice adds other roles to the same record)."""

    __tablename__ = "party"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(KIND))  # "person" or "organisation"
    name: Mapped[str] = mapped_column(String(NAME))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class CustomerRow(Base):
    """A party's billing details (one customer record per party)."""

    __tablename__ = "customer"
    __table_args__ = (Index("ix_customer_organisation_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id", ondelete="CASCADE"), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(KIND))
    funding: Mapped[str | None] = mapped_column(String(KIND))
    billing_address: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    payment_terms_days: Mapped[int | None] = mapped_column(Integer)
    po_required: Mapped[bool] = mapped_column(Boolean, default=False)
    supplier_reference: Mapped[str] = mapped_column(String(REF), default="")
    peppol_scheme: Mapped[str] = mapped_column(String(REF), default="")
    peppol_id: Mapped[str] = mapped_column(String(REF), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, default=utc_now)


class NumberSeriesRow(Base):
    """How an organisation numbers one kind of document (prefix, yearly or not, width)."""

    __tablename__ = "number_series"
    __table_args__ = (UniqueConstraint("organisation_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(KIND))
    prefix: Mapped[str] = mapped_column(String(20))
    yearly: Mapped[bool] = mapped_column(Boolean, default=False)
    width: Mapped[int] = mapped_column(Integer, default=4)


class DocumentRow(Base):
    """An invoice or credit note. `number` and `sequence` are NULL while a draft; `series_year`
    is the issue year for a yearly series, 0 otherwise. Totals in pence, fixed at save."""

    __tablename__ = "document"
    __table_args__ = (
        UniqueConstraint("organisation_id", "kind", "number"),
        UniqueConstraint("organisation_id", "kind", "series_year", "sequence"),
        Index("ix_document_list", "organisation_id", "issue_date", "id"),
        Index("ix_document_due", "organisation_id", "due_date"),
        Index("ix_document_customer_id", "customer_id"),
        Index("ix_document_credits_id", "credits_id"),
        # the drafts, which the list shows first (few, however many are issued)
        Index(
            "ix_document_drafts",
            "organisation_id",
            sqlite_where=text("number IS NULL"),
            postgresql_where=text("number IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(KIND))
    number: Mapped[str | None] = mapped_column(String(REF))
    sequence: Mapped[int | None] = mapped_column(Integer)
    series_year: Mapped[int | None] = mapped_column(Integer)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    issue_date: Mapped[date | None] = mapped_column(Date)
    tax_point: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    purchase_order: Mapped[str] = mapped_column(String(REF), default="")
    customer_reference: Mapped[str] = mapped_column(String(REF), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    vat_registered: Mapped[bool] = mapped_column(Boolean, default=False)
    credits_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    net_pence: Mapped[int] = mapped_column(Integer, default=0)
    vat_pence: Mapped[int] = mapped_column(Integer, default=0)
    gross_pence: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    #: a credit note's fixed VAT per group, JSON [["S", "0.2", pence], ...] (NULL: none; 0011)
    fixed_vat: Mapped[str | None] = mapped_column(Text)


class DocumentLineRow(Base):
    """One line; quantity as exact decimal text, prices and net in pence."""

    __tablename__ = "document_line"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    quantity: Mapped[Decimal]
    unit: Mapped[str] = mapped_column(String(60), default="")
    unit_price_pence: Mapped[int] = mapped_column(Integer)
    treatment: Mapped[str] = mapped_column(String(KIND))
    vat_rate: Mapped[Decimal | None]
    service_key: Mapped[str | None] = mapped_column(String(KEY))
    net_pence: Mapped[int] = mapped_column(Integer)
    #: the deliveries this line bills, "3,4,9" (empty: none)
    delivery_ids: Mapped[str] = mapped_column(Text, default="")
    #: on a credit note, the position of the invoice line it credits (NULL: none, or saved
    #: before revision 0011 recorded it)
    credits_line: Mapped[int | None] = mapped_column(Integer)


class PaymentRow(Base):
    """Money in or a movement on a customer's credit, whole pence, always positive.

    kind "payment" or "credit_applied" with `document_id`: paid against that invoice (the
    latter from the customer's credit); "overpayment", "credit_note_excess" and "refunded"
    have no document: they move the customer's credit only."""

    __tablename__ = "payment"
    __table_args__ = (
        Index("ix_payment_document_id", "document_id"),
        Index("ix_payment_customer_id", "customer_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    kind: Mapped[str] = mapped_column(String(KIND))
    day: Mapped[date] = mapped_column(Date)
    amount_pence: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(KIND), default="bank_transfer")
    reference: Mapped[str] = mapped_column(String(REF), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class DeliveryRow(Base):
    """Units delivered: reserved by a draft (`draft_id`), then billed (`invoice_id`)."""

    __tablename__ = "delivery"
    __table_args__ = (
        Index("ix_delivery_organisation_day", "organisation_id", "day"),
        Index("ix_delivery_draft_id", "draft_id"),
        Index("ix_delivery_customer_id", "customer_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    service_key: Mapped[str] = mapped_column(String(KEY))
    day: Mapped[date] = mapped_column(Date)
    quantity: Mapped[Decimal]
    unit: Mapped[str] = mapped_column(String(60), default="")
    worker: Mapped[str] = mapped_column(String(NAME), default="")
    person_ref: Mapped[str] = mapped_column(String(60), default="")
    purchase_order: Mapped[str] = mapped_column(String(REF), default="")
    agreement: Mapped[str] = mapped_column(String(REF), default="")
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    billed_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
