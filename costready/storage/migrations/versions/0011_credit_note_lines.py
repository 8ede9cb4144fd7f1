"""Credit notes remember which invoice lines they credit: each credit-note line may name the
invoice line's position (`document_line.credits_line`), and a credit note may carry its VAT per
group (`document.fixed_vat`) so part credits add up to the invoice to the penny.

Only columns are added, both nullable, never a table rebuilt (see 0003); nothing is written
to existing rows (the 0010 triggers refuse changes to issued documents). Credit notes issued
before this read with no recorded line: `invoicing.credits.links` infers the line from the
item, in order, as those notes always listed them, and a line matching none (such as
"Remainder of INV-0001") counts against the invoice's total only.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("document_line", sa.Column("credits_line", sa.Integer(), nullable=True))
    op.add_column("document", sa.Column("fixed_vat", sa.Text(), nullable=True))


def downgrade() -> None:
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), never a batch rebuild (0003)
    op.drop_column("document", "fixed_vat")
    op.drop_column("document_line", "credits_line")
