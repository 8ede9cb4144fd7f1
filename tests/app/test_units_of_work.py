"""Each user action is one unit of work: adoption, publication, model files and the sample."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from costready.app.adoption import adopt, publication
from costready.app.model_files import export_model, import_model
from costready.app.sample import install_sample, sample_in
from costready.costing.model import CostingModel
from costready.costing.results import CostingError
from costready.storage.keys import LAST_ORGANISATION
from costready.storage.workspace import Workspace


def test_adopting_reads_prices_and_publishes_in_one_writing_unit(
    workspace: Workspace, example_model: CostingModel, units: list[str]
) -> None:
    org_id, scenario_id = import_model(workspace, example_model)
    units.clear()
    price_list = adopt(workspace, scenario_id, date(2027, 1, 1), "Trustees", date(2026, 12, 1))
    assert units == ["write"]
    assert price_list.prices["home-support"] == Decimal("27.35")
    assert price_list.services["home-support"].name == "Home support"
    assert [s.adopted for s in workspace.scenarios(org_id)] == [True]


def test_a_refused_adoption_leaves_the_scenario_unadopted(
    workspace: Workspace, example_model: CostingModel
) -> None:
    org_id, scenario_id = import_model(workspace, example_model)
    with pytest.raises(ValueError, match="Approved by"):
        adopt(workspace, scenario_id, date(2027, 1, 1), "  ", date(2026, 12, 1))
    assert [s.adopted for s in workspace.scenarios(org_id)] == [False]
    assert workspace.price_lists(org_id) == []


def test_publication_reads_in_one_unit(
    workspace: Workspace, example_model: CostingModel, units: list[str]
) -> None:
    org_id, scenario_id = import_model(workspace, example_model)
    adopted = adopt(workspace, scenario_id, date(2027, 1, 1), "Trustees", date(2026, 12, 1))
    units.clear()
    published = publication(workspace, org_id, scenario_id)
    assert units == ["read"]
    assert published.price_list == adopted
    assert not published.changed_since_adoption


def test_importing_writes_the_organisation_and_scenario_in_one_unit(
    workspace: Workspace, example_model: CostingModel, units: list[str]
) -> None:
    org_id, scenario_id = import_model(workspace, example_model)
    again_org, _again = import_model(workspace, example_model)
    assert units == ["write", "write"]
    names = [org.name for org in workspace.organisations()]
    assert names == [example_model.organisation.name, f"{example_model.organisation.name} (2)"]
    assert again_org != org_id
    assert workspace.load_scenario(scenario_id) == example_model.scenario


def test_a_refused_import_writes_nothing(workspace: Workspace, example_model: CostingModel) -> None:
    org_id, scenario_id = import_model(workspace, example_model)
    first = example_model.scenario.services[0]
    clash = dataclasses.replace(
        example_model,
        scenario=dataclasses.replace(
            example_model.scenario,
            services=(dataclasses.replace(first, name="Another name"),),
        ),
    )
    with pytest.raises(CostingError) as error:
        import_model(workspace, clash, org_id)
    assert [p.path for p in error.value.problems] == ["$.services[0].id"]
    assert [s.id for s in workspace.scenarios(org_id)] == [scenario_id]


def test_exporting_reads_in_one_unit(
    workspace: Workspace, example_model: CostingModel, units: list[str]
) -> None:
    org_id, scenario_id = import_model(workspace, example_model)
    units.clear()
    exported = export_model(workspace, org_id, scenario_id)
    assert units == ["read"]
    assert exported == example_model


def test_the_sample_is_installed_once_in_one_unit(workspace: Workspace, units: list[str]) -> None:
    first = install_sample(workspace)
    second = install_sample(workspace)
    assert units == ["write", "write"]
    assert first == second == sample_in(workspace)
    assert len(workspace.organisations()) == 1
    org = workspace.organisation(first[0])
    assert org.charity_number == "1190001"
    assert workspace.get_setting(None, LAST_ORGANISATION) == str(first[0])
