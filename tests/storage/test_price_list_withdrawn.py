"""Migration 0006: a price list's withdrawal day, stored and read back; older lists unchanged."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from costready.organisation import Organisation
from costready.storage import migrate
from costready.storage.db import make_engine
from costready.storage.revision import HEAD
from costready.storage.workspace import Workspace
from tests.storage.conftest import full_scenario, sqlite_url


def _publish(workspace: Workspace, org: Organisation, effective: date) -> int:
    scenario_id = workspace.create_scenario(org.id, full_scenario())  # type: ignore[arg-type]
    prices = {s.id: Decimal("10.00") for s in full_scenario().services}
    return workspace.adopt_scenario(
        scenario_id, prices, effective, "Trustees", date(2026, 12, 1)
    ).id


def test_withdrawn_lists_are_kept_and_never_current(workspace: Workspace, org: Organisation):
    list_id = _publish(workspace, org, date(2027, 4, 1))
    with workspace.writing() as uow:
        withdrawn = uow.price_lists.withdraw(org.id, list_id, date(2026, 12, 6))  # type: ignore[arg-type]
    assert withdrawn.withdrawn_on == date(2026, 12, 6)
    [kept] = workspace.price_lists(org.id)  # type: ignore[arg-type]
    assert kept.withdrawn_on == date(2026, 12, 6)
    assert workspace.current_price_list(org.id, date(2027, 5, 1)) is None  # type: ignore[arg-type]


def test_lists_from_before_0006_read_as_not_withdrawn(db_path: Path, org: Organisation) -> None:
    workspace = Workspace(sqlite_url(db_path))
    _publish(workspace, org, date(2026, 4, 1))
    workspace.close()
    engine = make_engine(sqlite_url(db_path))
    migrate.downgrade(engine, "0005")
    assert migrate.current_revision(engine) == "0005"
    engine.dispose()
    workspace = Workspace(sqlite_url(db_path))  # upgrades to head again
    try:
        [price_list] = workspace.price_lists(org.id)  # type: ignore[arg-type]
        assert price_list.withdrawn_on is None
        assert workspace.current_price_list(org.id, date(2026, 5, 1)) == price_list  # type: ignore[arg-type]
    finally:
        workspace.close()
    assert migrate.head_revision() == HEAD  # upgraded again, to whatever the head now is
