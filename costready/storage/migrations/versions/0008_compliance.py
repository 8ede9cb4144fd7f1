"""The compliance checklist: interview answers, progress per item and evidence (files kept as
blobs with their name, size and SHA-256, links, or reference numbers).

Only new tables; nothing existing changes.

Revision ID: 0008
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _organisation() -> sa.Column:
    return sa.Column(
        "organisation_id",
        sa.Integer(),
        sa.ForeignKey(
            "organisation.id",
            ondelete="CASCADE",
            name=None,
        ),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "compliance_answer",
        sa.Column("id", sa.Integer(), primary_key=True),
        _organisation(),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.UniqueConstraint("organisation_id", "name"),
    )
    op.create_table(
        "compliance_progress",
        sa.Column("id", sa.Integer(), primary_key=True),
        _organisation(),
        sa.Column("item_id", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("checked_by", sa.String(length=200), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("renews_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("applicable_anyway", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.UniqueConstraint("organisation_id", "item_id"),
    )
    op.create_table(
        "compliance_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        _organisation(),
        sa.Column("item_id", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("added_on", sa.Date(), nullable=False),
    )
    for table in ("compliance_answer", "compliance_progress", "compliance_evidence"):
        op.create_index(f"ix_{table}_organisation_id", table, ["organisation_id"])


def downgrade() -> None:
    for table in ("compliance_evidence", "compliance_progress", "compliance_answer"):
        op.drop_index(f"ix_{table}_organisation_id", table_name=table)
        op.drop_table(table)
