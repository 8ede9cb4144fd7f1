"""Scenarios: a budget year's services, staff, overheads and costs, saved and loaded whole."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, delete, insert, select, update
from sqlalchemy.orm import Session, selectinload

from costready.costing.model import Scenario, Service
from costready.costing.scenarios import ScenarioSummary
from costready.i18n import _
from costready.problems import Problem
from costready.storage import convert, from_rows
from costready.storage.checks import check_scenario
from costready.storage.errors import InvalidData, StaleRecord, StorageError
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
        """Store a new scenario; services become organisation-level records by their ids.

        A service the organisation already has takes this scenario's name, unit and
        description, in every scenario that shows it (whose versions move on, see `save`):
        the caller decides whether that may happen (`service_uses` says where it would).
        """
        _refuse(check_scenario(scenario))
        OrganisationRepository(self.session).lock(organisation_id)  # a clear error if missing
        row = ScenarioRow(
            organisation_id=organisation_id, version=1, **convert.scenario_fields(scenario)
        )
        self.session.add(row)
        self.session.flush()
        _write_parts(self.session, row, scenario)
        return row.id

    def save(self, scenario_id: int, scenario: Scenario) -> int:
        """Replace the scenario's contents with `scenario`; returns its new version.

        A scenario read at an older version than the stored one (`scenario.version`; None: not
        checked) is refused with StaleRecord and nothing is written: someone else saved it, or
        changed one of its services, since it was read. A service this save renames or
        re-describes moves on the version of every other scenario that shows it.
        """
        _refuse(check_scenario(scenario))
        row = self.locked_row(scenario_id)
        if scenario.version is not None and scenario.version != row.version:
            raise StaleRecord(_("the scenario “{name}”").format(name=row.name), row.updated_at)
        for name, value in convert.scenario_fields(scenario).items():
            setattr(row, name, value)
        row.updated_at = utc_now()  # the parts below change without touching this row
        row.version += 1
        for table in _SCENARIO_PARTS:
            self.session.execute(
                delete(table).where(table.scenario_id == scenario_id),
                execution_options={"synchronize_session": False},
            )
        _write_parts(self.session, row, scenario)
        return row.version

    def locked_row(self, scenario_id: int) -> ScenarioRow:
        """The stored row, read afresh after locking its organisation (see
        `OrganisationRepository.lock`: the writers of one organisation take turns)."""
        organisation_id = self.row(scenario_id).organisation_id
        OrganisationRepository(self.session).lock(organisation_id)
        row = self.session.scalars(
            select(ScenarioRow)
            .where(ScenarioRow.id == scenario_id)
            .execution_options(populate_existing=True)
        ).first()
        if row is None:  # deleted by the writer we waited for
            raise missing_scenario(scenario_id)
        return row

    def service_uses(self, organisation_id: int) -> list[tuple[Service, list[ScenarioSummary]]]:
        """Each of the organisation's services as stored (id, name, unit, description; the
        rest default) with the scenarios that show it, earliest period first."""
        services = self.session.scalars(
            select(ServiceRow)
            .where(ServiceRow.organisation_id == organisation_id)
            .order_by(ServiceRow.key)
        ).all()
        users: dict[int, list[ScenarioSummary]] = {row.id: [] for row in services}
        pairs = self.session.execute(
            select(ScenarioServiceRow.service_id, ScenarioRow)
            .join(ScenarioRow, ScenarioRow.id == ScenarioServiceRow.scenario_id)
            .where(ScenarioRow.organisation_id == organisation_id)
            .order_by(ScenarioRow.period_start, ScenarioRow.name, ScenarioRow.id)
        )
        for service_id, scenario_row in pairs:
            users[service_id].append(from_rows.summary_from_row(scenario_row))
        return [
            (
                Service(id=row.key, name=row.name, unit=row.unit, description=row.description),
                users[row.id],
            )
            for row in services
        ]

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
    service_ids = _upsert_services(session, row, scenario)
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


def _upsert_services(
    session: Session, scenario_row: ScenarioRow, scenario: Scenario
) -> dict[str, int]:
    """The organisation-level service row of each service id (created or changed as needed).

    A service changed here is changed in every scenario that shows it, so their versions move
    on too: a window holding one of them must reload before it saves (or it would write the
    old name, unit or description back).
    """
    organisation_id = scenario_row.organisation_id
    keys = [service.id for service in scenario.services]
    existing = {
        service.key: service
        for service in session.scalars(
            select(ServiceRow).where(
                ServiceRow.organisation_id == organisation_id, ServiceRow.key.in_(keys)
            )
        )
    }
    changed: list[int] = []
    now = utc_now()
    for service in scenario.services:
        fields = convert.service_fields(service)
        row = existing.get(service.id)
        if row is None:
            existing[service.id] = ServiceRow(
                organisation_id=organisation_id, key=service.id, version=1, updated_at=now, **fields
            )
            session.add(existing[service.id])
        elif any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.version += 1
            row.updated_at = now
            changed.append(row.id)
    session.flush()
    if changed:
        session.execute(
            update(ScenarioRow)
            .where(
                ScenarioRow.id != scenario_row.id,
                ScenarioRow.id.in_(
                    select(ScenarioServiceRow.scenario_id).where(
                        ScenarioServiceRow.service_id.in_(changed)
                    )
                ),
            )
            .values(version=ScenarioRow.version + 1, updated_at=now),
            execution_options={"synchronize_session": "fetch"},
        )
    return {key: row.id for key, row in existing.items()}
