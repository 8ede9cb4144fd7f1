"""A price list withdrawn before its effective date: the day it was withdrawn. The list is kept
in the history, marked withdrawn, and is never in force (costing/price_lists.py).

Only a column is added, never a table rebuilt (see 0003). Existing lists read as before: not
withdrawn.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("price_list", sa.Column("withdrawn_on", sa.Date(), nullable=True))


def downgrade() -> None:
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), never a batch rebuild (0003)
    op.drop_column("price_list", "withdrawn_on")
