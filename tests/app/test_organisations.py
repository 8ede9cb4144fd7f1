"""Renaming and deleting organisations and scenarios (app/organisations.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from costready.app import organisations
from costready.app.adoption import adopt
from costready.app.backups import list_backups
from costready.app.guide import start
from costready.app.sample import install_sample
from costready.app.scenarios import copy_scenario
from costready.organisation import Organisation
from costready.storage.errors import InvalidData, NameTaken


@pytest.fixture
def sample(workspace):
    return install_sample(workspace)


def test_renaming_an_organisation_keeps_everything_else(workspace, sample):
    org_id, _scenario_id = sample
    before = workspace.organisation(org_id)
    organisations.rename_organisation(workspace, org_id, "  Riverside Hub  ")
    after = workspace.organisation(org_id)
    assert after.name == "Riverside Hub"
    assert replace(after, name=before.name) == before


def test_an_organisation_cannot_take_another_ones_name(workspace, sample):
    workspace.save_organisation(Organisation(name="Second"))
    with pytest.raises(NameTaken) as refused:
        organisations.rename_organisation(workspace, sample[0], "second")
    assert refused.value.problems[0].path == "name"
    assert workspace.organisation(sample[0]).name == "Riverside Community Hub"


def test_a_blank_organisation_name_is_refused(workspace, sample):
    with pytest.raises(InvalidData, match="Name: enter the organisation's name"):
        organisations.rename_organisation(workspace, sample[0], "   ")


def test_renaming_a_scenario_checks_its_name(workspace, sample):
    org_id, scenario_id = sample
    other = copy_scenario(
        workspace, org_id, replace(workspace.load_scenario(scenario_id), name="B")
    )
    assert organisations.rename_scenario(workspace, scenario_id, " Plan A ") == "Plan A"
    assert workspace.load_scenario(scenario_id).name == "Plan A"
    with pytest.raises(NameTaken, match="already has a scenario called “b”"):
        organisations.rename_scenario(workspace, scenario_id, "b")
    with pytest.raises(InvalidData, match="enter the scenario's name"):
        organisations.rename_scenario(workspace, other.scenario_id, "")
    with pytest.raises(InvalidData, match="at most 200 characters"):
        organisations.rename_scenario(workspace, other.scenario_id, "x" * 201)
    assert workspace.load_scenario(other.scenario_id).name == "B"


def test_deleting_an_organisation_takes_a_backup_first_then_everything_of_it(workspace, sample):
    org_id, scenario_id = sample
    adopt(
        workspace,
        scenario_id,
        date(2026, 4, 1),
        "Trustees",
        date(2026, 3, 1),
        despite_warnings=True,
    )
    kept = workspace.save_organisation(Organisation(name="Kept"))
    removal = organisations.organisation_removal(workspace, org_id)
    assert removal.scenarios == ("Budget 2026-27",)
    assert removal.price_lists == 2  # the sample's own, and this one
    assert removal.services > 0

    deleted = organisations.delete_organisation(workspace, org_id)

    assert [org.name for org in workspace.organisations()] == ["Kept"]
    assert deleted.backup is not None and deleted.backup.is_file()
    assert [b.path for b in list_backups(workspace.url)] == [deleted.backup]
    with organisations_in(deleted.backup) as copy:  # the backup still holds all of it
        assert "Riverside Community Hub" in [org.name for org in copy.organisations()]
    assert kept.id is not None
    assert workspace.settings().get((org_id, "guide.step")) is None


def test_deleting_the_adopted_scenario_keeps_its_price_lists_as_history(workspace, sample):
    org_id, scenario_id = sample
    other = copy_scenario(
        workspace, org_id, replace(workspace.load_scenario(scenario_id), name="B")
    )
    adopt(
        workspace,
        scenario_id,
        date(2026, 4, 1),
        "Trustees",
        date(2026, 3, 1),
        despite_warnings=True,
    )
    removal = organisations.scenario_removal(workspace, scenario_id)
    # the sample comes adopted: its own list and this one
    assert (removal.adopted, removal.price_lists, removal.only_one) == (True, 2, False)

    deleted = organisations.delete_scenario(workspace, scenario_id)

    assert deleted.backup is not None and deleted.backup.is_file()
    assert [s.id for s in workspace.scenarios(org_id)] == [other.scenario_id]
    history = workspace.price_lists(org_id)  # the sample's own and this one
    assert len(history) == 2
    for kept in history:
        assert kept.scenario_id is None
        assert kept.scenario_name == "Budget 2026-27"
        assert kept.prices and kept.services  # still readable as it was published
    assert workspace.current_price_list(org_id, date(2026, 5, 1)) in history


def test_the_only_scenario_is_kept(workspace, sample):
    with pytest.raises(InvalidData, match="only scenario"):
        organisations.delete_scenario(workspace, sample[1])
    assert list_backups(workspace.url) == []  # refused before any backup was taken
    assert len(workspace.scenarios(sample[0])) == 1


def test_a_half_finished_organisation_from_the_guide_can_be_deleted(workspace):
    org_id, _scenario_id = start(workspace, Organisation(name="Half done"), date(2026, 5, 1))
    assert workspace.get_setting(org_id, "guide.step")
    organisations.delete_organisation(workspace, org_id)
    assert workspace.organisations() == []
    assert workspace.settings() == {}


def organisations_in(path):
    from costready.storage.workspace import Workspace

    return Workspace(f"sqlite:///{path}")
