"""Scenarios: a budget year's services, staff, overheads and costs, saved and loaded whole."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, delete, insert, select, update
from sqlalchemy.orm import Session, selectinload

from costready.costing.model import Scenario
from costready.costing.scenarios import ScenarioSummary
from costready.i18n import _
from costready.problems import Problem
from costready.storage import convert, from_rows
from costready.storage.checks import check_scenario
from costready.storage.errors import InvalidData, StorageError
from costready.storage.models import (
    Base,
    CostLineRow,
    OverheadPoolRow,
    ScenarioBasisRow,
    ScenarioRow,
    ScenarioServiceRow,
    ServiceRow,
    StaffPostRow,
    utc_now,
)
from costready.storage.repositories.organisations import OrganisationRepository

#: Tables directly below a scenario (their own children go with them by ON DELETE CASCADE).
_SCENARIO_PARTS = (
    ScenarioServiceRow,
    StaffPostRow,
    OverheadPoolRow,
    CostLineRow,
    ScenarioBasisRow,
)


class ScenarioRepository:
    """Scenarios in the unit of work's session; services are organisation-level records."""

    def __init__(self, session: Session):
        self.session = session

    def summaries(self, organisation_id: int) -> list[ScenarioSummary]:
        """The organisation's scenarios, earliest period first."""
        rows = self.session.scalars(
            select(ScenarioRow)
            .where(ScenarioRow.organisation_id == organisation_id)
            .order_by(ScenarioRow.period_start, ScenarioRow.name, ScenarioRow.id)
        )
        return [from_rows.summary_from_row(row) for row in rows]

    def summary(self, scenario_id: int) -> ScenarioSummary:
        return from_rows.summary_from_row(self.row(scenario_id))

    def get(self, scenario_id: int) -> Scenario:
        row = self.session.scalars(_with_parts().where(ScenarioRow.id == scenario_id)).first()
        if row is None:
            raise missing_scenario(scenario_id)
        return from_rows.scenario_from_row(row)

    def create(self, organisation_id: int, scenario: Scenario) -> int:
        """Store a new scenario; services become organisation-level records by their ids."""
        _refuse(check_scenario(scenario))
        OrganisationRepository(self.session).row(organisation_id)  # a clear error if missing
        row = ScenarioRow(organisation_id=organisation_id, **convert.scenario_fields(scenario))
        self.session.add(row)
        self.session.flush()
        _write_parts(self.session, row, scenario)
        return row.id

    def save(self, scenario_id: int, scenario: Scenario) -> None:
        """Replace the scenario's contents with `scenario`."""
        _refuse(check_scenario(scenario))
        row = self.row(scenario_id)
        for name, value in convert.scenario_fields(scenario).items():
            setattr(row, name, value)
        row.updated_at = utc_now()  # the parts below change without touching this row
        for table in _SCENARIO_PARTS:
            self.session.execute(
                delete(table).where(table.scenario_id == scenario_id),
                execution_options={"synchronize_session": False},
            )
        _write_parts(self.session, row, scenario)

    def delete(self, scenario_id: int) -> None:
        """Remove a scenario; its services and any price lists it published are kept."""
        self.session.delete(self.row(scenario_id))
        self.session.flush()

    def mark_adopted(self, scenario_id: int) -> ScenarioSummary:
        """Make this the organisation's one adopted scenario; returns it as now stored."""
        row = self.row(scenario_id)
        self.session.execute(
            update(ScenarioRow)
            .where(ScenarioRow.organisation_id == row.organisation_id)
            .values(adopted=ScenarioRow.id == scenario_id),
            execution_options={"synchronize_session": False},
        )
        self.session.refresh(row)
        return from_rows.summary_from_row(row)

    def row(self, scenario_id: int) -> ScenarioRow:
        row = self.session.get(ScenarioRow, scenario_id)
        if row is None:
            raise missing_scenario(scenario_id)
        return row


def missing_scenario(scenario_id: int) -> StorageError:
    return StorageError(_("There is no scenario with id {id}.").format(id=scenario_id))


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise InvalidData(problems)


def _with_parts() -> Select[Any]:
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
