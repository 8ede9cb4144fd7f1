"""What a commissioner reads on the price list: the organisation's phone, email, website, an
optional logo (PNG or JPEG bytes, at most 500 KB), a terms paragraph (how to order, payment
terms) and how many months its prices hold (0: no end date).

Only columns are added, never a table rebuilt (see 0003). Existing organisations read as
before: no contact details, no logo, no terms, prices with no end date.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXTS = (("phone", 50), ("email", 200), ("website", 200))


def upgrade() -> None:
    for name, length in TEXTS:
        op.add_column(
            "organisation",
            sa.Column(name, sa.String(length=length), nullable=False, server_default=""),
        )
    op.add_column("organisation", sa.Column("terms", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "organisation",
        sa.Column("prices_valid_months", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column("organisation", sa.Column("logo", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), never a batch rebuild (0003)
    op.drop_column("organisation", "logo")
    op.drop_column("organisation", "prices_valid_months")
    op.drop_column("organisation", "terms")
    for name, _length in reversed(TEXTS):
        op.drop_column("organisation", name)
