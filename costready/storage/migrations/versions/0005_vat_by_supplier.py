"""VAT by who supplies a service: the organisation's CQC registration, each service's regulated
activity and whether it is welfare advice or information (costing/vat.py). And who can claim the
Employment Allowance: each scenario's three answers (costing/allowance.py), "not_sure" until
given, which changes no stored claim.

Only columns are added, never a table rebuilt (see 0003). Existing rows read as before: not
CQC-registered, no regulated activity, not advice; their chosen VAT treatment is kept.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


ANSWERS = ("ea_registered_charity", "ea_public_work", "ea_sole_director")


def upgrade() -> None:
    op.add_column(
        "organisation",
        sa.Column("cqc_registered", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "scenario_service",
        sa.Column(
            "regulated_activity", sa.String(length=40), nullable=False, server_default="none"
        ),
    )
    op.add_column(
        "scenario_service",
        sa.Column("welfare_advice", sa.Boolean(), nullable=False, server_default=sa.false()),
    )

    for name in ANSWERS:
        op.add_column(
            "scenario",
            sa.Column(name, sa.String(length=40), nullable=False, server_default="not_sure"),
        )


def downgrade() -> None:
    for name in reversed(ANSWERS):
        op.drop_column("scenario", name)
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), never a batch rebuild (0003)
    op.drop_column("scenario_service", "welfare_advice")
    op.drop_column("scenario_service", "regulated_activity")
    op.drop_column("organisation", "cqc_registered")
