"""Price list entries keep the service's name, unit, description and VAT as published.

A published price list must read as it was adopted even after the draft scenario's services are
renamed or changed; older lists (empty columns) fall back to the service as it is now.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("name", sa.String(length=200)),
    ("unit", sa.String(length=60)),
    ("description", sa.Text()),
    ("vat", sa.String(length=20)),
)


def upgrade() -> None:
    with op.batch_alter_table("price_list_entry") as table:
        for name, kind in COLUMNS:
            table.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("price_list_entry") as table:
        for name, _kind in reversed(COLUMNS):
            table.drop_column(name)
