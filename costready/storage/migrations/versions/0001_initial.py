"""Initial schema: organisations, services, scenarios and their parts, price lists, settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 03:35:03.252309
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Decimals are stored as exact strings (costready.storage.types.DecimalString); the migration
#: spells out the plain column type so it never changes when the app's types do.
DECIMAL = sa.String(length=64)


def upgrade() -> None:
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("legal_form", sa.String(length=40), nullable=False),
        sa.Column("registered_charity", sa.Boolean(), nullable=False),
        sa.Column("charity_number", sa.String(length=50), nullable=False),
        sa.Column("company_number", sa.String(length=50), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("vat_registered", sa.Boolean(), nullable=False),
        sa.Column("vat_number", sa.String(length=50), nullable=False),
        sa.Column("financial_year_start", sa.Date(), nullable=False),
        sa.Column("locale", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    op.create_table(
        "scenario",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("tax_year", sa.String(length=20), nullable=False),
        sa.Column("claims_employment_allowance", sa.Boolean(), nullable=False),
        sa.Column("adopted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_scenario_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario")),
    )
    with op.batch_alter_table("scenario", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scenario_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_service_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service")),
        sa.UniqueConstraint("organisation_id", "key", name=op.f("uq_service_organisation_id_key")),
    )
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "setting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_setting_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setting")),
        sa.UniqueConstraint("organisation_id", "key", name=op.f("uq_setting_organisation_id_key")),
    )
    with op.batch_alter_table("setting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_setting_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "cost_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("annual_amount", DECIMAL, nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("direct", sa.String(length=100), nullable=True),
        sa.Column("basis", sa.String(length=40), nullable=True),
        sa.Column("pool", sa.String(length=100), nullable=True),
        sa.Column("varies_with_volume", sa.Boolean(), nullable=False),
        sa.Column("has_shares", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenario.id"],
            name=op.f("fk_cost_line_scenario_id_scenario"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cost_line")),
    )
    with op.batch_alter_table("cost_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cost_line_scenario_id"), ["scenario_id"], unique=False)

    op.create_table(
        "overhead_pool",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("basis", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("has_shares", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenario.id"],
            name=op.f("fk_overhead_pool_scenario_id_scenario"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_overhead_pool")),
    )
    with op.batch_alter_table("overhead_pool", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_overhead_pool_scenario_id"), ["scenario_id"], unique=False
        )

    op.create_table(
        "price_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=True),
        sa.Column("scenario_name", sa.String(length=200), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_price_list_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenario.id"],
            name=op.f("fk_price_list_scenario_id_scenario"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_list")),
    )
    with op.batch_alter_table("price_list", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_price_list_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_price_list_scenario_id"), ["scenario_id"], unique=False
        )

    op.create_table(
        "scenario_basis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("basis", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenario.id"],
            name=op.f("fk_scenario_basis_scenario_id_scenario"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario_basis")),
        sa.UniqueConstraint(
            "scenario_id", "basis", name=op.f("uq_scenario_basis_scenario_id_basis")
        ),
    )
    with op.batch_alter_table("scenario_basis", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scenario_basis_scenario_id"), ["scenario_id"], unique=False
        )

    op.create_table(
        "scenario_service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("volume_kind", sa.String(length=40), nullable=False),
        sa.Column("volume_units", DECIMAL, nullable=True),
        sa.Column("volume_capacity", DECIMAL, nullable=True),
        sa.Column("volume_occupancy", DECIMAL, nullable=True),
        sa.Column("surplus_kind", sa.String(length=40), nullable=False),
        sa.Column("surplus_value", DECIMAL, nullable=False),
        sa.Column("vat", sa.String(length=40), nullable=False),
        sa.Column("price_rounding", DECIMAL, nullable=False),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenario.id"],
            name=op.f("fk_scenario_service_scenario_id_scenario"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["service.id"],
            name=op.f("fk_scenario_service_service_id_service"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario_service")),
        sa.UniqueConstraint(
            "scenario_id", "service_id", name=op.f("uq_scenario_service_scenario_id_service_id")
        ),
    )
    with op.batch_alter_table("scenario_service", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scenario_service_scenario_id"), ["scenario_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_scenario_service_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "staff_post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("headcount", DECIMAL, nullable=False),
        sa.Column("annual_salary", DECIMAL, nullable=True),
        sa.Column("fte", DECIMAL, nullable=False),
        sa.Column("hourly_rate", DECIMAL, nullable=True),
        sa.Column("paid_hours_per_person", DECIMAL, nullable=True),
        sa.Column("delivers_units", sa.Boolean(), nullable=False),
        sa.Column("employer_ni_kind", sa.String(length=40), nullable=False),
        sa.Column("employer_ni_rate", DECIMAL, nullable=True),
        sa.Column("pension_rate", DECIMAL, nullable=True),
        sa.Column("pension_on", sa.String(length=40), nullable=True),
        sa.Column("other_oncosts_rate", DECIMAL, nullable=False),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenario.id"],
            name=op.f("fk_staff_post_scenario_id_scenario"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_post")),
    )
    with op.batch_alter_table("staff_post", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_post_scenario_id"), ["scenario_id"], unique=False
        )

    op.create_table(
        "basis_weight",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_basis_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("service_key", sa.String(length=100), nullable=False),
        sa.Column("weight", DECIMAL, nullable=False),
        sa.ForeignKeyConstraint(
            ["scenario_basis_id"],
            ["scenario_basis.id"],
            name=op.f("fk_basis_weight_scenario_basis_id_scenario_basis"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_basis_weight")),
        sa.UniqueConstraint(
            "scenario_basis_id",
            "service_key",
            name=op.f("uq_basis_weight_scenario_basis_id_service_key"),
        ),
    )
    with op.batch_alter_table("basis_weight", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_basis_weight_scenario_basis_id"), ["scenario_basis_id"], unique=False
        )

    op.create_table(
        "cost_line_share",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cost_line_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("service_key", sa.String(length=100), nullable=False),
        sa.Column("share", DECIMAL, nullable=False),
        sa.ForeignKeyConstraint(
            ["cost_line_id"],
            ["cost_line.id"],
            name=op.f("fk_cost_line_share_cost_line_id_cost_line"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cost_line_share")),
        sa.UniqueConstraint(
            "cost_line_id", "service_key", name=op.f("uq_cost_line_share_cost_line_id_service_key")
        ),
    )
    with op.batch_alter_table("cost_line_share", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cost_line_share_cost_line_id"), ["cost_line_id"], unique=False
        )

    op.create_table(
        "overhead_pool_share",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pool_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("service_key", sa.String(length=100), nullable=False),
        sa.Column("share", DECIMAL, nullable=False),
        sa.ForeignKeyConstraint(
            ["pool_id"],
            ["overhead_pool.id"],
            name=op.f("fk_overhead_pool_share_pool_id_overhead_pool"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_overhead_pool_share")),
        sa.UniqueConstraint(
            "pool_id", "service_key", name=op.f("uq_overhead_pool_share_pool_id_service_key")
        ),
    )
    with op.batch_alter_table("overhead_pool_share", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_overhead_pool_share_pool_id"), ["pool_id"], unique=False
        )

    op.create_table(
        "post_non_chargeable",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("share", DECIMAL, nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["staff_post.id"],
            name=op.f("fk_post_non_chargeable_post_id_staff_post"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_non_chargeable")),
        sa.UniqueConstraint("post_id", "kind", name=op.f("uq_post_non_chargeable_post_id_kind")),
    )
    with op.batch_alter_table("post_non_chargeable", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_post_non_chargeable_post_id"), ["post_id"], unique=False
        )

    op.create_table(
        "post_time",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("share", DECIMAL, nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["staff_post.id"],
            name=op.f("fk_post_time_post_id_staff_post"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_time")),
        sa.UniqueConstraint("post_id", "key", name=op.f("uq_post_time_post_id_key")),
    )
    with op.batch_alter_table("post_time", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_time_post_id"), ["post_id"], unique=False)

    op.create_table(
        "price_list_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("price_list_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("service_key", sa.String(length=100), nullable=False),
        sa.Column("price", DECIMAL, nullable=False),
        sa.ForeignKeyConstraint(
            ["price_list_id"],
            ["price_list.id"],
            name=op.f("fk_price_list_entry_price_list_id_price_list"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_list_entry")),
        sa.UniqueConstraint(
            "price_list_id",
            "service_key",
            name=op.f("uq_price_list_entry_price_list_id_service_key"),
        ),
    )
    with op.batch_alter_table("price_list_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_price_list_entry_price_list_id"), ["price_list_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("price_list_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_price_list_entry_price_list_id"))

    op.drop_table("price_list_entry")
    with op.batch_alter_table("post_time", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_time_post_id"))

    op.drop_table("post_time")
    with op.batch_alter_table("post_non_chargeable", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_non_chargeable_post_id"))

    op.drop_table("post_non_chargeable")
    with op.batch_alter_table("overhead_pool_share", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_overhead_pool_share_pool_id"))

    op.drop_table("overhead_pool_share")
    with op.batch_alter_table("cost_line_share", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cost_line_share_cost_line_id"))

    op.drop_table("cost_line_share")
    with op.batch_alter_table("basis_weight", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_basis_weight_scenario_basis_id"))

    op.drop_table("basis_weight")
    with op.batch_alter_table("staff_post", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_post_scenario_id"))

    op.drop_table("staff_post")
    with op.batch_alter_table("scenario_service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scenario_service_service_id"))
        batch_op.drop_index(batch_op.f("ix_scenario_service_scenario_id"))

    op.drop_table("scenario_service")
    with op.batch_alter_table("scenario_basis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scenario_basis_scenario_id"))

    op.drop_table("scenario_basis")
    with op.batch_alter_table("price_list", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_price_list_scenario_id"))
        batch_op.drop_index(batch_op.f("ix_price_list_organisation_id"))

    op.drop_table("price_list")
    with op.batch_alter_table("overhead_pool", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_overhead_pool_scenario_id"))

    op.drop_table("overhead_pool")
    with op.batch_alter_table("cost_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cost_line_scenario_id"))

    op.drop_table("cost_line")
    with op.batch_alter_table("setting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_setting_organisation_id"))

    op.drop_table("setting")
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_organisation_id"))

    op.drop_table("service")
    with op.batch_alter_table("scenario", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scenario_organisation_id"))

    op.drop_table("scenario")
    op.drop_table("organisation")
