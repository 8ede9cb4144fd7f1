"""Migration 0005: the organisation's CQC registration and each service's regulated activity."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from costready.costing.model import RegulatedActivity, VatTreatment
from costready.organisation import Organisation
from costready.storage import migrate
from costready.storage.db import make_engine
from costready.storage.workspace import Workspace
from tests.storage.conftest import full_scenario, sqlite_url


def test_the_new_fields_round_trip(workspace: Workspace, org: Organisation) -> None:
    saved = workspace.save_organisation(dataclasses.replace(org, cqc_registered=True))
    assert workspace.organisation(saved.id).cqc_registered is True
    scenario = full_scenario()
    services = list(scenario.services)
    services[0] = dataclasses.replace(
        services[0], regulated_activity=RegulatedActivity.PERSONAL_CARE, welfare_advice=True
    )
    scenario = dataclasses.replace(scenario, services=tuple(services))
    scenario_id = workspace.create_scenario(saved.id, scenario)
    loaded = workspace.load_scenario(scenario_id)
    assert loaded.services[0].regulated_activity is RegulatedActivity.PERSONAL_CARE
    assert loaded.services[0].welfare_advice is True
    assert loaded == scenario


def test_a_workspace_from_before_reads_as_before(db_path: Path, org: Organisation) -> None:
    """Rows written at 0003 come back not CQC-registered, with no regulated activity and
    their chosen VAT kept."""
    workspace = Workspace(sqlite_url(db_path))
    scenario = full_scenario()
    scenario_id = workspace.create_scenario(org.id, scenario)  # type: ignore[arg-type]
    workspace.close()
    engine = make_engine(sqlite_url(db_path))
    migrate.downgrade(engine, "0003")
    assert migrate.current_revision(engine) == "0003"
    engine.dispose()
    workspace = Workspace(sqlite_url(db_path))  # upgrades to head again
    try:
        assert workspace.organisation(org.id).cqc_registered is False  # type: ignore[arg-type]
        loaded = workspace.load_scenario(scenario_id)
        assert [s.vat for s in loaded.services] == [s.vat for s in scenario.services]
        assert {s.regulated_activity for s in loaded.services} == {RegulatedActivity.NONE}
        assert not any(s.welfare_advice for s in loaded.services)
        assert VatTreatment(loaded.services[0].vat)
    finally:
        workspace.close()
    assert "0005" in migrate.known_revisions()  # (the head moves on with later migrations)
