"""Open a workspace database and work with it through domain values.

Each public method of `Workspace` is one unit of work: a session is opened, committed on success
and rolled back on any error, so a failed save leaves the previous state intact.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from types import TracebackType
from typing import Any

from sqlalchemy import Select, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from costready.costing.model import Scenario
from costready.costing.price_lists import PriceList, PublishedService
from costready.costing.scenarios import ScenarioSummary
from costready.i18n import _
from costready.organisation import Organisation, validate_organisation
from costready.problems import Problem
from costready.storage import convert, from_rows, migrate
from costready.storage.checks import check_prices, check_scenario
from costready.storage.db import make_engine, session_factory
from costready.storage.errors import InvalidData, StorageError
from costready.storage.location import ENV_URL, workspace_url
from costready.storage.models import (
    Base,
    CostLineRow,
    OrganisationRow,
    OverheadPoolRow,
    PriceListEntryRow,
    PriceListRow,
    ScenarioBasisRow,
    ScenarioRow,
    ScenarioServiceRow,
    ServiceRow,
    SettingRow,
    StaffPostRow,
    utc_now,
)

__all__ = ["ENV_URL", "InvalidData", "StorageError", "Workspace"]

#: Tables directly below a scenario (their own children go with them by ON DELETE CASCADE).
_SCENARIO_PARTS = (
    ScenarioServiceRow,
    StaffPostRow,
    OverheadPoolRow,
    CostLineRow,
    ScenarioBasisRow,
)


def plain_database_error(error: BaseException) -> str:
    """What went wrong in words a user can act on, without SQL (the details stay chained)."""
    detail = str(getattr(error, "orig", None) or error).splitlines()[0]
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered:
        return _("another program is using the workspace file; close it and try again")
    if "unable to open database file" in lowered:
        return _(
            "the file cannot be opened or created there (check the folder exists and "
            "you may write to it)"
        )
    if "file is not a database" in lowered or "malformed" in lowered:
        return _("the file is not a CostReady workspace, or it is damaged; open a backup copy")
    if "readonly" in lowered or "read-only" in lowered:
        return _("the workspace file is read-only; copy it somewhere you may write to")
    return _("the workspace database failed ({detail})").format(detail=detail)


def _entry_row(
    position: int, key: str, price: Decimal, service: PublishedService | None
) -> PriceListEntryRow:
    row = PriceListEntryRow(position=position, service_key=key, price=price)
    if service is not None:
        row.name, row.unit = service.name, service.unit
        row.description, row.vat = service.description, service.vat
    return row


class Workspace:
    """One open workspace database (SQLite file by default, or any SQLAlchemy URL)."""

    def __init__(self, url: str):
        """Open `url`: back up an existing SQLite file, then apply Alembic migrations."""
        self.url = url
        try:
            self._engine = make_engine(url)
        except (SQLAlchemyError, ValueError) as error:
            raise StorageError(
                _("Cannot open the workspace “{url}”: {error}").format(
                    url=url, error=plain_database_error(error)
                )
            ) from error
        except ImportError as error:  # a server database whose driver is not installed
            raise StorageError(
                _(
                    "Cannot open the workspace “{url}”: its database driver is not installed "
                    "(pip install {module})"
                ).format(url=url, module=error.name or "the driver")
            ) from error
        try:
            migrate.prepare(self._engine)
        except StorageError:
            self._engine.dispose()
            raise
        except Exception as error:
            self._engine.dispose()
            raise StorageError(
                _("Cannot open the workspace “{url}”: {error}").format(
                    url=url, error=plain_database_error(error)
                )
            ) from error
        self._sessions = session_factory(self._engine)
        self._current: Session | None = None
        self._closed = False

    @classmethod
    def open(cls, url: str | None = None) -> Workspace:
        """`url`, else $COSTREADY_DATABASE_URL, else SQLite in the user data folder."""
        return cls(workspace_url(url))

    def close(self) -> None:
        """Release the database (safe to call twice)."""
        if not self._closed:
            self._closed = True
            self._engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Workspace]:
        """Group several calls into one unit of work: all are saved, or none is.

        For one user action that writes more than once (an import making an organisation and
        its scenario), so a failure part-way never leaves half of it behind.
        """
        with self.unit_of_work():
            yield self

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session committed when the block ends, rolled back if it raises.

        Database errors come out as StorageError (the original chained); other errors pass
        through unchanged after the rollback.
        """
        if self._closed:
            raise StorageError(_("The workspace is closed."))
        if self._current is not None:  # inside transaction(): part of the larger whole
            yield self._current
            return
        try:
            with self._sessions.begin() as session:
                self._current = session
                try:
                    yield session
                finally:
                    self._current = None
        except IntegrityError as error:
            raise StorageError(
                _("Not saved: the change conflicts with data already stored ({detail}).").format(
                    detail=error.orig
                )
            ) from error
        except SQLAlchemyError as error:
            raise StorageError(plain_database_error(error)) from error

    # Organisations -------------------------------------------------------------------------
    def organisations(self) -> list[Organisation]:
        """Every organisation in the workspace, by name (each with its `id`)."""
        with self.unit_of_work() as session:
            rows = session.scalars(
                select(OrganisationRow).order_by(OrganisationRow.name, OrganisationRow.id)
            )
            return [from_rows.organisation_from_row(row) for row in rows]

    def organisation(self, organisation_id: int) -> Organisation:
        with self.unit_of_work() as session:
            return from_rows.organisation_from_row(_organisation_row(session, organisation_id))

    def save_organisation(self, org: Organisation) -> Organisation:
        """Insert (id None) or update; validates first (ValueError listing the problems)."""
        problems = validate_organisation(org)
        if problems:
            raise InvalidData(problems)
        with self.unit_of_work() as session:
            fields = convert.organisation_fields(org)
            if org.id is None:
                row = OrganisationRow(**fields)
                session.add(row)
            else:
                row = _organisation_row(session, org.id)
                for name, value in fields.items():
                    setattr(row, name, value)
            session.flush()
            return from_rows.organisation_from_row(row)

    def delete_organisation(self, organisation_id: int) -> None:
        """Remove the organisation and everything of it (scenarios, services, price lists...)."""
        with self.unit_of_work() as session:
            session.delete(_organisation_row(session, organisation_id))

    # Scenarios -----------------------------------------------------------------------------
    def scenarios(self, organisation_id: int) -> list[ScenarioSummary]:
        """The organisation's scenarios, earliest period first."""
        with self.unit_of_work() as session:
            rows = session.scalars(
                select(ScenarioRow)
                .where(ScenarioRow.organisation_id == organisation_id)
                .order_by(ScenarioRow.period_start, ScenarioRow.name, ScenarioRow.id)
            )
            return [from_rows.summary_from_row(row) for row in rows]

    def load_scenario(self, scenario_id: int) -> Scenario:
        with self.unit_of_work() as session:
            row = session.scalars(
                _scenario_with_parts().where(ScenarioRow.id == scenario_id)
            ).first()
            if row is None:
                raise _missing_scenario(scenario_id)
            return from_rows.scenario_from_row(row)

    def create_scenario(self, organisation_id: int, scenario: Scenario) -> int:
        """Store a new scenario; services become organisation-level records by their ids."""
        _refuse(check_scenario(scenario))
        with self.unit_of_work() as session:
            _organisation_row(session, organisation_id)
            row = ScenarioRow(organisation_id=organisation_id, **convert.scenario_fields(scenario))
            session.add(row)
            session.flush()
            _write_parts(session, row, scenario)
            return row.id

    def save_scenario(self, scenario_id: int, scenario: Scenario) -> None:
        """Replace the scenario's contents with `scenario` in one transaction."""
        _refuse(check_scenario(scenario))
        with self.unit_of_work() as session:
            row = _scenario_row(session, scenario_id)
            for name, value in convert.scenario_fields(scenario).items():
                setattr(row, name, value)
            row.updated_at = utc_now()  # the parts below change without touching this row
            for table in _SCENARIO_PARTS:
                session.execute(
                    delete(table).where(table.scenario_id == scenario_id),
                    execution_options={"synchronize_session": False},
                )
            _write_parts(session, row, scenario)

    def delete_scenario(self, scenario_id: int) -> None:
        """Remove a scenario; its services and any price lists it published are kept."""
        with self.unit_of_work() as session:
            session.delete(_scenario_row(session, scenario_id))

    # Price lists ---------------------------------------------------------------------------
    def adopt_scenario(
        self,
        scenario_id: int,
        prices: dict[str, Decimal],
        effective_from: date,
        approved_by: str,
        approved_on: date,
        note: str = "",
        services: Mapping[str, PublishedService] | None = None,
    ) -> PriceList:
        """Mark the scenario adopted (the only one) and publish `prices` as a new price list,
        keeping each service as published (`services`) so the list always reads as adopted."""
        services = services or {}
        _refuse(check_prices(prices, approved_by, effective_from, approved_on))
        with self.unit_of_work() as session:
            row = _scenario_row(session, scenario_id)
            session.execute(
                update(ScenarioRow)
                .where(ScenarioRow.organisation_id == row.organisation_id)
                .values(adopted=ScenarioRow.id == scenario_id),
                execution_options={"synchronize_session": False},
            )
            price_list = PriceListRow(
                organisation_id=row.organisation_id,
                scenario_id=row.id,
                scenario_name=row.name,
                effective_from=effective_from,
                approved_by=approved_by.strip(),
                approved_on=approved_on,
                note=note,
                entries=[
                    _entry_row(index, key, price, services.get(key))
                    for index, (key, price) in enumerate(prices.items())
                ],
            )
            session.add(price_list)
            session.flush()
            return from_rows.price_list_from_row(price_list)

    def price_lists(self, organisation_id: int) -> list[PriceList]:
        """Every price list, newest effective date first (earlier ones are kept)."""
        with self.unit_of_work() as session:
            rows = session.scalars(_price_lists(organisation_id))
            return [from_rows.price_list_from_row(row) for row in rows]

    def current_price_list(self, organisation_id: int, on: date) -> PriceList | None:
        """The list in force on `on`: the latest effective_from <= on (ties: the newest made)."""
        with self.unit_of_work() as session:
            row = session.scalars(
                _price_lists(organisation_id).where(PriceListRow.effective_from <= on).limit(1)
            ).first()
            return from_rows.price_list_from_row(row) if row is not None else None

    # Small per-organisation settings (guided setup progress, last page shown...) ------------
    def get_setting(self, organisation_id: int | None, key: str, default: str = "") -> str:
        with self.unit_of_work() as session:
            row = session.scalars(_setting(organisation_id, key)).first()
            return row.value if row is not None else default

    def settings(self) -> dict[tuple[int | None, str], str]:
        """Every setting, by (organisation id or None for the workspace, key)."""
        with self.unit_of_work() as session:
            rows = session.scalars(select(SettingRow))
            return {(row.organisation_id, row.key): row.value for row in rows}

    def set_setting(self, organisation_id: int | None, key: str, value: str) -> None:
        with self.unit_of_work() as session:
            row = session.scalars(_setting(organisation_id, key)).first()
            if row is None:
                session.add(SettingRow(organisation_id=organisation_id, key=key, value=value))
            else:
                row.value = value


# Queries and helpers (each takes the unit of work's session) --------------------------------


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise InvalidData(problems)


def _organisation_row(session: Session, organisation_id: int) -> OrganisationRow:
    row = session.get(OrganisationRow, organisation_id)
    if row is None:
        raise StorageError(_("There is no organisation with id {id}.").format(id=organisation_id))
    return row


def _scenario_row(session: Session, scenario_id: int) -> ScenarioRow:
    row = session.get(ScenarioRow, scenario_id)
    if row is None:
        raise _missing_scenario(scenario_id)
    return row


def _missing_scenario(scenario_id: int) -> StorageError:
    return StorageError(_("There is no scenario with id {id}.").format(id=scenario_id))


def _scenario_with_parts() -> Select[ScenarioRow]:
    """A scenario and all its parts in one query per table (no per-row round trips)."""
    return select(ScenarioRow).options(
        selectinload(ScenarioRow.services).joinedload(ScenarioServiceRow.service),
        selectinload(ScenarioRow.posts).selectinload(StaffPostRow.time),
        selectinload(ScenarioRow.posts).selectinload(StaffPostRow.non_chargeable),
        selectinload(ScenarioRow.pools).selectinload(OverheadPoolRow.shares),
        selectinload(ScenarioRow.costs).selectinload(CostLineRow.shares),
        selectinload(ScenarioRow.bases).selectinload(ScenarioBasisRow.weights),
    )


def _write_parts(session: Session, row: ScenarioRow, scenario: Scenario) -> None:
    """Insert the scenario's parts with one bulk INSERT per table (no per-row round trips)."""
    service_ids = _upsert_services(session, row.organisation_id, scenario)
    parts = convert.scenario_parts(row.id, scenario, service_ids)
    _insert(session, ScenarioServiceRow, parts.services)
    for table, rows, children, parent_key in (
        (StaffPostRow, parts.posts, parts.post_children, "post_id"),
        (OverheadPoolRow, parts.pools, parts.pool_children, "pool_id"),
        (CostLineRow, parts.costs, parts.cost_children, "cost_line_id"),
        (ScenarioBasisRow, parts.bases, parts.basis_children, "scenario_basis_id"),
    ):
        ids = _insert_returning_ids(session, table, rows)
        by_table: dict[type, list[convert.Row]] = {}
        for parent_id, child_tables in zip(ids, children, strict=True):
            for child_table, child_rows in child_tables.items():
                by_table.setdefault(child_table, []).extend(
                    {**child, parent_key: parent_id} for child in child_rows
                )
        for child_table, child_rows in by_table.items():
            _insert(session, child_table, child_rows)


def _insert(session: Session, table: type[Base], rows: list[convert.Row]) -> None:
    """One executemany of `rows` (Core, so a None is sent as NULL rather than splitting batches)."""
    if rows:
        # Declarative types __table__ as any FromClause; a mapped class here always has a Table.
        target = table.__table__
        assert isinstance(target, Table)
        session.execute(insert(target), rows)


def _insert_returning_ids(session: Session, table: Any, rows: list[convert.Row]) -> list[int]:
    """Insert a scenario's `rows` of `table` and return their new ids in the same order.

    The ids are read back by `position` rather than with INSERT ... RETURNING: SQLite cannot
    promise RETURNING order, so SQLAlchemy would fall back to one statement per row.
    """
    if not rows:
        return []
    _insert(session, table, rows)
    scenario_id = rows[0]["scenario_id"]
    ids: dict[object, int] = dict(
        session.execute(
            select(table.position, table.id).where(table.scenario_id == scenario_id)
        ).all()
    )
    return [ids[row["position"]] for row in rows]


def _upsert_services(session: Session, organisation_id: int, scenario: Scenario) -> dict[str, int]:
    """The organisation-level service row of each service id (created or renamed as needed)."""
    keys = [service.id for service in scenario.services]
    existing = {
        service.key: service
        for service in session.scalars(
            select(ServiceRow).where(
                ServiceRow.organisation_id == organisation_id, ServiceRow.key.in_(keys)
            )
        )
    }
    for service in scenario.services:
        fields = convert.service_fields(service)
        row = existing.get(service.id)
        if row is None:
            existing[service.id] = ServiceRow(
                organisation_id=organisation_id, key=service.id, **fields
            )
            session.add(existing[service.id])
        else:
            for name, value in fields.items():
                setattr(row, name, value)
    session.flush()
    return {key: row.id for key, row in existing.items()}


def _price_lists(organisation_id: int) -> Select[PriceListRow]:
    return (
        select(PriceListRow)
        .where(PriceListRow.organisation_id == organisation_id)
        .options(selectinload(PriceListRow.entries))
        .order_by(
            PriceListRow.effective_from.desc(),
            PriceListRow.created_at.desc(),
            PriceListRow.id.desc(),
        )
    )


def _setting(organisation_id: int | None, key: str) -> Select[SettingRow]:
    owner = (
        SettingRow.organisation_id.is_(None)
        if organisation_id is None
        else SettingRow.organisation_id == organisation_id
    )
    return select(SettingRow).where(owner, SettingRow.key == key)
