"""The workspace tables as a typed SQLAlchemy ORM (portable: SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from costready.storage.types import DecimalString

#: Named constraints, so later migrations can alter them (SQLite batch mode needs the names).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

KEY = 100  # length of a stable id such as "home-support" or "overhead:management"
NAME = 200
KIND = 40


def utc_now() -> datetime:
    """Now in UTC without tzinfo (stored naive on every backend; read back as UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Every workspace table; its metadata is what the migrations must match."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {Decimal: DecimalString(), str: String(NAME)}


def _children(order: str) -> Any:
    """A one-to-many kept in `position` order; the database cascades deletes."""
    return relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by=order, lazy="raise"
    )


class OrganisationRow(Base):
    __tablename__ = "organisation"
    #: two organisations never share a name (an index, so SQLite can add it without rebuilding
    #: the table that everything else refers to)
    __table_args__ = (Index("uq_organisation_name", "name", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str]
    legal_form: Mapped[str] = mapped_column(String(KIND))
    registered_charity: Mapped[bool] = mapped_column(Boolean, default=False)
    charity_number: Mapped[str] = mapped_column(String(50), default="")
    company_number: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    vat_registered: Mapped[bool] = mapped_column(Boolean, default=False)
    vat_number: Mapped[str] = mapped_column(String(50), default="")
    cqc_registered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    financial_year_start: Mapped[date] = mapped_column(Date)
    locale: Mapped[str] = mapped_column(String(20), default="en_GB")
    #: the optimistic lock: one more on every save (a save read at an older one is refused)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: when it was last saved (None: before revision 0003 kept it)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, default=utc_now)
    #: what a company's invoices must state (revision 0007, invoicing)
    place_of_registration: Mapped[str] = mapped_column(String(NAME), default="", server_default="")
    registered_office: Mapped[str] = mapped_column(Text, default="", server_default="")
    vat_registered_from: Mapped[date | None] = mapped_column(Date)


class ServiceRow(Base):
    """A service at organisation level: its stable id (`key`) survives scenario copies."""

    __tablename__ = "service"
    __table_args__ = (UniqueConstraint("organisation_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(KEY))
    name: Mapped[str]
    unit: Mapped[str] = mapped_column(String(NAME))
    description: Mapped[str] = mapped_column(Text, default="")
    #: one more whenever its name, unit or description changes (see `ScenarioRow.version`)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, default=utc_now)


class ScenarioRow(Base):
    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str]
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    tax_year: Mapped[str] = mapped_column(String(20))
    claims_employment_allowance: Mapped[bool] = mapped_column(Boolean, default=False)
    ea_registered_charity: Mapped[str] = mapped_column(
        String(KIND), default="not_sure", server_default="not_sure"
    )
    ea_public_work: Mapped[str] = mapped_column(
        String(KIND), default="not_sure", server_default="not_sure"
    )
    ea_sole_director: Mapped[str] = mapped_column(
        String(KIND), default="not_sure", server_default="not_sure"
    )
    adopted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)
    #: the optimistic lock of everything the scenario value holds: one more on every save of
    #: it, and whenever one of its services is changed from elsewhere (another scenario, an
    #: import), so a window holding an older copy cannot write it back
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    services: Mapped[list[ScenarioServiceRow]] = _children("ScenarioServiceRow.position")
    posts: Mapped[list[StaffPostRow]] = _children("StaffPostRow.position")
    pools: Mapped[list[OverheadPoolRow]] = _children("OverheadPoolRow.position")
    costs: Mapped[list[CostLineRow]] = _children("CostLineRow.position")
    bases: Mapped[list[ScenarioBasisRow]] = _children("ScenarioBasisRow.position")


class ScenarioServiceRow(Base):
    """A service's settings in one scenario: volume, surplus, VAT and price rounding."""

    __tablename__ = "scenario_service"
    __table_args__ = (UniqueConstraint("scenario_id", "service_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenario.id", ondelete="CASCADE"), index=True
    )
    service_id: Mapped[int] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    volume_kind: Mapped[str] = mapped_column(String(KIND))
    volume_units: Mapped[Decimal | None]
    volume_capacity: Mapped[Decimal | None]
    volume_occupancy: Mapped[Decimal | None]
    surplus_kind: Mapped[str] = mapped_column(String(KIND))
    surplus_value: Mapped[Decimal]
    vat: Mapped[str] = mapped_column(String(KIND))
    price_rounding: Mapped[Decimal]
    regulated_activity: Mapped[str] = mapped_column(
        String(KIND), default="none", server_default="none"
    )
    welfare_advice: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    service: Mapped[ServiceRow] = relationship(lazy="raise")


class StaffPostRow(Base):
    __tablename__ = "staff_post"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenario.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(KEY))
    role: Mapped[str]
    headcount: Mapped[Decimal]
    annual_salary: Mapped[Decimal | None]
    fte: Mapped[Decimal]
    hourly_rate: Mapped[Decimal | None]
    paid_hours_per_person: Mapped[Decimal | None]
    delivers_units: Mapped[bool] = mapped_column(Boolean, default=False)
    employer_ni_kind: Mapped[str] = mapped_column(String(KIND))
    employer_ni_rate: Mapped[Decimal | None]
    pension_rate: Mapped[Decimal | None]  # both pension columns None: no pension
    pension_on: Mapped[str | None] = mapped_column(String(KIND))
    other_oncosts_rate: Mapped[Decimal]
    age_band: Mapped[str] = mapped_column(String(KIND), server_default="21_and_over")
    paid_for_hours_worked: Mapped[bool] = mapped_column(Boolean, server_default=false())

    time: Mapped[list[PostTimeRow]] = _children("PostTimeRow.position")
    non_chargeable: Mapped[list[PostNonChargeableRow]] = _children("PostNonChargeableRow.position")


class PostTimeRow(Base):
    """A share of a post's paid hours given to a service id or `overhead:POOL`."""

    __tablename__ = "post_time"
    __table_args__ = (UniqueConstraint("post_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("staff_post.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(KEY))
    share: Mapped[Decimal]


class PostNonChargeableRow(Base):
    """A share of a post's paid hours that is not chargeable (holiday, training...)."""

    __tablename__ = "post_non_chargeable"
    __table_args__ = (UniqueConstraint("post_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("staff_post.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(KEY))
    share: Mapped[Decimal]


class OverheadPoolRow(Base):
    __tablename__ = "overhead_pool"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenario.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(KEY))
    basis: Mapped[str] = mapped_column(String(KIND))
    name: Mapped[str] = mapped_column(String(NAME), default="")
    has_shares: Mapped[bool] = mapped_column(Boolean, default=False)  # None vs {} kept apart

    shares: Mapped[list[OverheadPoolShareRow]] = _children("OverheadPoolShareRow.position")


class OverheadPoolShareRow(Base):
    __tablename__ = "overhead_pool_share"
    __table_args__ = (UniqueConstraint("pool_id", "service_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pool_id: Mapped[int] = mapped_column(
        ForeignKey("overhead_pool.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    service_key: Mapped[str] = mapped_column(String(KEY))
    share: Mapped[Decimal]


class CostLineRow(Base):
    __tablename__ = "cost_line"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenario.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(KEY))
    name: Mapped[str]
    annual_amount: Mapped[Decimal]
    category: Mapped[str] = mapped_column(String(KIND))
    direct: Mapped[str | None] = mapped_column(String(KEY))
    basis: Mapped[str | None] = mapped_column(String(KIND))
    pool: Mapped[str | None] = mapped_column(String(KEY))
    varies_with_volume: Mapped[bool] = mapped_column(Boolean, default=False)
    has_shares: Mapped[bool] = mapped_column(Boolean, default=False)  # None vs {} kept apart

    shares: Mapped[list[CostLineShareRow]] = _children("CostLineShareRow.position")


class CostLineShareRow(Base):
    __tablename__ = "cost_line_share"
    __table_args__ = (UniqueConstraint("cost_line_id", "service_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cost_line_id: Mapped[int] = mapped_column(
        ForeignKey("cost_line.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    service_key: Mapped[str] = mapped_column(String(KEY))
    share: Mapped[Decimal]


class ScenarioBasisRow(Base):
    """A weighted basis (floor_area, headcount, usage) of a scenario; kept even with no weights."""

    __tablename__ = "scenario_basis"
    __table_args__ = (UniqueConstraint("scenario_id", "basis"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenario.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(String(KIND))

    weights: Mapped[list[BasisWeightRow]] = _children("BasisWeightRow.position")


class BasisWeightRow(Base):
    __tablename__ = "basis_weight"
    __table_args__ = (UniqueConstraint("scenario_basis_id", "service_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_basis_id: Mapped[int] = mapped_column(
        ForeignKey("scenario_basis.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    service_key: Mapped[str] = mapped_column(String(KEY))
    weight: Mapped[Decimal]


class PriceListRow(Base):
    """Net prices published by adopting a scenario; kept when the scenario is deleted."""

    __tablename__ = "price_list"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    scenario_id: Mapped[int | None] = mapped_column(
        ForeignKey("scenario.id", ondelete="SET NULL"), index=True
    )
    scenario_name: Mapped[str]
    effective_from: Mapped[date] = mapped_column(Date)
    approved_by: Mapped[str]
    approved_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)

    entries: Mapped[list[PriceListEntryRow]] = _children("PriceListEntryRow.position")


class PriceListEntryRow(Base):
    __tablename__ = "price_list_entry"
    __table_args__ = (UniqueConstraint("price_list_id", "service_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    price_list_id: Mapped[int] = mapped_column(
        ForeignKey("price_list.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    service_key: Mapped[str] = mapped_column(String(KEY))
    price: Mapped[Decimal]
    # the service as published (None on lists made before revision 0002)
    name: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str | None] = mapped_column(String(60))
    description: Mapped[str | None] = mapped_column(Text)
    vat: Mapped[str | None] = mapped_column(String(20))


class WorkspaceStateRow(Base):
    """One row: the workspace's data version, one more on every committed write by anyone.

    A window compares it with the one it read to notice that another program (or window)
    saved since; it is bumped last in each writing unit of work, so it moves only on commit.
    """

    __tablename__ = "workspace_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    data_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class SettingRow(Base):
    """A small named value for an organisation, or for the whole workspace (organisation None)."""

    __tablename__ = "setting"
    __table_args__ = (UniqueConstraint("organisation_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str]
    value: Mapped[str] = mapped_column(Text, default="")


# Invoicing's tables live in their own module; imported here so `Base.metadata` holds them.
from costready.storage import models_invoicing as _invoicing  # noqa: E402, F401
