"""Invoicing: parties and customers, documents and lines, payments, deliveries, number series;
the organisation's registered office, place of registration and VAT registration date.

Money is whole pence in INTEGER columns. Issued documents are immutable in the database:
triggers refuse any UPDATE or DELETE of an issued document (issuing itself, number NULL to a
number, is the one update allowed) and any INSERT, UPDATE or DELETE of its lines. Deleting the
whole organisation (after its backup) still removes its documents: the delete triggers let a
row go when its organisation is already gone.

Only tables and columns are added, never a table rebuilt (see 0003).

Revision ID: 0007
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DECIMAL = sa.String(length=64)  # costready.storage.types.DecimalString
KIND = 40
REF = 100

#: What the triggers say (the app checks first; this is the database's own last word).
ISSUED = "an issued invoice or credit note cannot be changed or deleted; issue a credit note"
ISSUED_LINE = "the lines of an issued invoice or credit note cannot be changed"

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER document_issued_no_update BEFORE UPDATE ON document
    WHEN OLD.number IS NOT NULL
    BEGIN SELECT RAISE(ABORT, '{ISSUED}'); END""",
    f"""CREATE TRIGGER document_issued_no_delete BEFORE DELETE ON document
    WHEN OLD.number IS NOT NULL
        AND EXISTS (SELECT 1 FROM organisation WHERE id = OLD.organisation_id)
    BEGIN SELECT RAISE(ABORT, '{ISSUED}'); END""",
    f"""CREATE TRIGGER document_line_issued_no_insert BEFORE INSERT ON document_line
    WHEN (SELECT number FROM document WHERE id = NEW.document_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, '{ISSUED_LINE}'); END""",
    f"""CREATE TRIGGER document_line_issued_no_update BEFORE UPDATE ON document_line
    WHEN (SELECT number FROM document WHERE id = OLD.document_id) IS NOT NULL
        OR (SELECT number FROM document WHERE id = NEW.document_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, '{ISSUED_LINE}'); END""",
    f"""CREATE TRIGGER document_line_issued_no_delete BEFORE DELETE ON document_line
    WHEN (SELECT number FROM document WHERE id = OLD.document_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, '{ISSUED_LINE}'); END""",
)
SQLITE_DROPS = (
    "document_issued_no_update",
    "document_issued_no_delete",
    "document_line_issued_no_insert",
    "document_line_issued_no_update",
    "document_line_issued_no_delete",
)

POSTGRES_TRIGGERS = (
    f"""CREATE FUNCTION costready_document_immutable() RETURNS trigger AS $$
    BEGIN
        IF OLD.number IS NOT NULL THEN
            IF TG_OP = 'DELETE' AND NOT EXISTS (
                SELECT 1 FROM organisation WHERE id = OLD.organisation_id
            ) THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION '{ISSUED}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER document_immutable BEFORE UPDATE OR DELETE ON document
    FOR EACH ROW EXECUTE FUNCTION costready_document_immutable()""",
    f"""CREATE FUNCTION costready_document_line_immutable() RETURNS trigger AS $$
    BEGIN
        IF (TG_OP <> 'INSERT' AND EXISTS (
                SELECT 1 FROM document WHERE id = OLD.document_id AND number IS NOT NULL))
            OR (TG_OP <> 'DELETE' AND EXISTS (
                SELECT 1 FROM document WHERE id = NEW.document_id AND number IS NOT NULL))
        THEN
            RAISE EXCEPTION '{ISSUED_LINE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER document_line_immutable BEFORE INSERT OR UPDATE OR DELETE
    ON document_line FOR EACH ROW EXECUTE FUNCTION costready_document_line_immutable()""",
)


def upgrade() -> None:
    op.add_column(
        "organisation",
        sa.Column("place_of_registration", sa.String(200), nullable=False, server_default=""),
    )
    op.add_column(
        "organisation", sa.Column("registered_office", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("organisation", sa.Column("vat_registered_from", sa.Date(), nullable=True))
    _parties_and_customers()
    _documents()
    _payments_and_deliveries()
    _triggers()


def _organisation_fk(table: str, nullable: bool = False) -> list[Any]:
    return [
        sa.Column("organisation_id", sa.Integer(), nullable=nullable),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=f"fk_{table}_organisation_id_organisation",
            ondelete="CASCADE",
        ),
    ]


def _parties_and_customers() -> None:
    op.create_table(
        "party",
        sa.Column("id", sa.Integer(), nullable=False),
        *_organisation_fk("party"),
        sa.Column("kind", sa.String(KIND), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_party"),
    )
    op.create_index("ix_party_organisation_id", "party", ["organisation_id"])
    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        *_organisation_fk("customer"),
        sa.Column("kind", sa.String(KIND), nullable=False),
        sa.Column("funding", sa.String(KIND), nullable=True),
        sa.Column("billing_address", sa.Text(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=True),
        sa.Column("po_required", sa.Boolean(), nullable=False),
        sa.Column("supplier_reference", sa.String(REF), nullable=False),
        sa.Column("peppol_scheme", sa.String(REF), nullable=False),
        sa.Column("peppol_id", sa.String(REF), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["party_id"], ["party.id"], name="fk_customer_party_id_party", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_customer"),
        sa.UniqueConstraint("party_id", name="uq_customer_party_id"),
    )
    op.create_index("ix_customer_organisation_id", "customer", ["organisation_id"])
    op.create_table(
        "number_series",
        sa.Column("id", sa.Integer(), nullable=False),
        *_organisation_fk("number_series"),
        sa.Column("kind", sa.String(KIND), nullable=False),
        sa.Column("prefix", sa.String(20), nullable=False),
        sa.Column("yearly", sa.Boolean(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_number_series"),
        sa.UniqueConstraint(
            "organisation_id", "kind", name="uq_number_series_organisation_id_kind"
        ),
    )


def _documents() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        *_organisation_fk("document"),
        sa.Column("kind", sa.String(KIND), nullable=False),
        sa.Column("number", sa.String(REF), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("series_year", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("tax_point", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("purchase_order", sa.String(REF), nullable=False),
        sa.Column("customer_reference", sa.String(REF), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("vat_registered", sa.Boolean(), nullable=False),
        sa.Column("credits_id", sa.Integer(), nullable=True),
        sa.Column("net_pence", sa.Integer(), nullable=False),
        sa.Column("vat_pence", sa.Integer(), nullable=False),
        sa.Column("gross_pence", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name="fk_document_customer_id_customer"
        ),
        sa.ForeignKeyConstraint(
            ["credits_id"], ["document.id"], name="fk_document_credits_id_document"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_document"),
        sa.UniqueConstraint(
            "organisation_id", "kind", "number", name="uq_document_organisation_id_kind_number"
        ),
        sa.UniqueConstraint(
            "organisation_id",
            "kind",
            "series_year",
            "sequence",
            name="uq_document_organisation_id_kind_series_year_sequence",
        ),
    )
    op.create_index("ix_document_list", "document", ["organisation_id", "issue_date", "id"])
    op.create_index("ix_document_due", "document", ["organisation_id", "due_date"])
    op.create_index("ix_document_customer_id", "document", ["customer_id"])
    op.create_index("ix_document_credits_id", "document", ["credits_id"])
    op.create_index(
        "ix_document_drafts",
        "document",
        ["organisation_id"],
        sqlite_where=sa.text("number IS NULL"),
        postgresql_where=sa.text("number IS NULL"),
    )
    op.create_table(
        "document_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("quantity", DECIMAL, nullable=False),
        sa.Column("unit", sa.String(60), nullable=False),
        sa.Column("unit_price_pence", sa.Integer(), nullable=False),
        sa.Column("treatment", sa.String(KIND), nullable=False),
        sa.Column("vat_rate", DECIMAL, nullable=True),
        sa.Column("service_key", sa.String(100), nullable=True),
        sa.Column("net_pence", sa.Integer(), nullable=False),
        sa.Column("delivery_ids", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name="fk_document_line_document_id_document",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_document_line"),
        sa.UniqueConstraint(
            "document_id", "position", name="uq_document_line_document_id_position"
        ),
    )
    op.create_index("ix_document_line_document_id", "document_line", ["document_id"])


def _payments_and_deliveries() -> None:
    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        *_organisation_fk("payment"),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(KIND), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("amount_pence", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(KIND), nullable=False),
        sa.Column("reference", sa.String(REF), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name="fk_payment_customer_id_customer",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name="fk_payment_document_id_document"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_payment"),
    )
    op.create_index("ix_payment_document_id", "payment", ["document_id"])
    op.create_index("ix_payment_customer_id", "payment", ["customer_id"])
    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        *_organisation_fk("delivery"),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("service_key", sa.String(100), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("quantity", DECIMAL, nullable=False),
        sa.Column("unit", sa.String(60), nullable=False),
        sa.Column("worker", sa.String(200), nullable=False),
        sa.Column("person_ref", sa.String(60), nullable=False),
        sa.Column("purchase_order", sa.String(REF), nullable=False),
        sa.Column("agreement", sa.String(REF), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=True),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("billed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name="fk_delivery_customer_id_customer",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["draft_id"],
            ["document.id"],
            name="fk_delivery_draft_id_document",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["document.id"], name="fk_delivery_invoice_id_document"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_delivery"),
    )
    op.create_index("ix_delivery_organisation_day", "delivery", ["organisation_id", "day"])
    op.create_index("ix_delivery_draft_id", "delivery", ["draft_id"])
    op.create_index("ix_delivery_customer_id", "delivery", ["customer_id"])


def _triggers() -> None:
    dialect = op.get_bind().dialect.name
    statements = {"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRES_TRIGGERS}.get(dialect, ())
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in SQLITE_DROPS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS document_line_immutable ON document_line")
        op.execute("DROP TRIGGER IF EXISTS document_immutable ON document")
        op.execute("DROP FUNCTION IF EXISTS costready_document_line_immutable()")
        op.execute("DROP FUNCTION IF EXISTS costready_document_immutable()")
    for table in ("delivery", "payment", "document_line", "document", "number_series"):
        op.drop_table(table)
    op.drop_table("customer")
    op.drop_table("party")
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), never a batch rebuild (0003)
    op.drop_column("organisation", "vat_registered_from")
    op.drop_column("organisation", "registered_office")
    op.drop_column("organisation", "place_of_registration")
