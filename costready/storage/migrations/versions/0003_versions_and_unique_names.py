"""Two writers: version numbers, a data version, and organisation names unique.

Organisations, services and scenarios get a version number (an optimistic lock: a save read at
an older version is refused rather than writing over another's change) and organisations and
services the time they were last saved. One `workspace_state` row holds the data version, one
more on every committed write, so a window can notice another program's saves. Organisation
names become unique; a workspace that already holds two of one name (two imports at once could
make them) keeps the first and numbers the others “Name (2)”, “Name (3)”...

Only columns and an index are added, never a table rebuilt: on SQLite a rebuild drops the
table, which with foreign keys on would delete every scenario of every organisation.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = 200  # the length of organisation.name


def upgrade() -> None:
    for table in ("organisation", "service", "scenario"):
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    for table in ("organisation", "service"):
        op.add_column(table, sa.Column("updated_at", sa.DateTime(), nullable=True))
    op.create_table(
        "workspace_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("data_version", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace_state")),
    )
    op.execute("INSERT INTO workspace_state (id, data_version) VALUES (1, 0)")
    _number_duplicate_names()
    op.create_index("uq_organisation_name", "organisation", ["name"], unique=True)


def _number_duplicate_names() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, name FROM organisation ORDER BY id")).all()
    taken = {name for _id, name in rows}
    seen: set[str] = set()
    for organisation_id, name in rows:
        if name not in seen:
            seen.add(name)
            continue
        number = 2
        while (candidate := _numbered(name, number)) in taken:
            number += 1
        taken.add(candidate)
        connection.execute(
            sa.text("UPDATE organisation SET name = :name WHERE id = :id"),
            {"name": candidate, "id": organisation_id},
        )


def _numbered(name: str, number: int) -> str:
    suffix = f" ({number})"
    return name[: NAME - len(suffix)] + suffix


def downgrade() -> None:
    op.drop_index("uq_organisation_name", table_name="organisation")
    op.drop_table("workspace_state")
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), never a batch rebuild (above)
    for table in ("organisation", "service"):
        op.drop_column(table, "updated_at")
    for table in ("organisation", "service", "scenario"):
        op.drop_column(table, "version")
