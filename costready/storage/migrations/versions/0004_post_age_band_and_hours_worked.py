"""Staff posts keep their minimum wage age band and whether they are paid for hours worked.

Existing posts are 21 and over (the National Living Wage) and salaried in the old sense: fixed
for the year, as the engine treated every post before.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ADD/DROP COLUMN, never batch mode: on SQLite batch mode copies the table, and with foreign
# keys on, dropping the old copy would delete every post's time split and non-chargeable rows.
def upgrade() -> None:
    op.add_column(
        "staff_post",
        sa.Column("age_band", sa.String(length=40), nullable=False, server_default="21_and_over"),
    )
    op.add_column(
        "staff_post",
        sa.Column("paid_for_hours_worked", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("staff_post", "paid_for_hours_worked")
    op.drop_column("staff_post", "age_band")
